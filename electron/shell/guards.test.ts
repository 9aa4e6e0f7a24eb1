import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { guardWebContents, isExternalLinkAllowed } from './guards';

type Handler = (event: { preventDefault: () => void }, ...rest: unknown[]) => void;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, handler: Handler) => handlers.set(name, handler),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  return { contents: contents as unknown as WebContents, handlers, open: (url: string) => openHandler!({ url }) };
}

describe('navigation and window guards', () => {
  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('denies %s', (name) => {
    const { contents, handlers } = fakeContents();
    guardWebContents(contents, vi.fn());
    const preventDefault = vi.fn();
    handlers.get(name)!({ preventDefault }, 'https://evil.example/');
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('denies window.open and hands https links to the OS browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(contents, openExternal);
    expect(open('https://learn.microsoft.com/azure/batch/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/azure/batch/');
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id',
    'app://bundle/index.html',
    'not a url',
  ])('never opens %s', (url) => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(contents, openExternal);
    expect(open(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(isExternalLinkAllowed(url)).toBe(false);
  });
});
