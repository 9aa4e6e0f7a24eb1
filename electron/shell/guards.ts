import type { WebContents } from 'electron';

/** Only https: links ever leave the app, and only to the OS browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Denies navigation, new windows and webviews; hands https: links to the OS and drops everything else. */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) {
      openExternal(url).catch((error: unknown) => console.error('openExternal failed:', error));
    }
    return { action: 'deny' };
  });
}
