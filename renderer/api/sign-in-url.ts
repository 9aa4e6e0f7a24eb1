/** True only for an absolute https: URL; anything else pushed as a sign-in page is refused. */
export function isHttpsUrl(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The slice of `window.open` the opener needs, so tests can pass a fake. */
export type OpenWindow = (url: string, target: string, features: string) => unknown;

/**
 * Opens a sign-in page in a new tab when it is https (an event could otherwise make the page navigate to
 * javascript:, file: or a phishing http: page). Returns whether it was opened.
 */
export function openSignInUrl(url: unknown, open: OpenWindow): boolean {
  if (!isHttpsUrl(url)) return false;
  // noopener: the sign-in page must get no handle back to this window.
  open(url, '_blank', 'noopener,noreferrer');
  return true;
}
