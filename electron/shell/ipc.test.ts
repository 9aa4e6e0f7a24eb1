import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES } from '../../shared/contract/names';
import { createDispatcher } from '../services/contract/dispatch';
import { handlersWith } from '../services/contract/testing';
import { isOurMainFrame, registerContract } from './ipc';

function fakeWindow(url = 'app://bundle/index.html') {
  const mainFrame = { url, parent: null };
  return { mainFrame } as unknown as WebContents;
}

function eventFrom(sender: WebContents, frame: unknown): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const dispatch = createDispatcher(handlersWith({
  'app.info': async () => ({ name: 'Batch Lens', version: '1.2.3', platform: 'linux', transport: 'ipc' }),
}));

describe('sender check', () => {
  it('accepts only the main frame of our window on app://', () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    expect(isOurMainFrame(eventFrom(ours, ours.mainFrame), () => ours)).toBe(true);
    expect(isOurMainFrame(eventFrom(other, other.mainFrame), () => ours)).toBe(false);
    expect(isOurMainFrame(eventFrom(ours, { url: 'app://bundle/index.html', parent: ours.mainFrame }), () => ours)).toBe(false);
    expect(isOurMainFrame(eventFrom(ours, null), () => ours)).toBe(false);
    expect(isOurMainFrame(eventFrom(ours, ours.mainFrame), () => undefined)).toBe(false);
  });

  it('refuses our main frame once it shows another origin', () => {
    for (const url of ['file:///index.html', 'https://evil.example/', 'app://other/index.html', 'about:blank']) {
      const ours = fakeWindow(url);
      expect(isOurMainFrame(eventFrom(ours, ours.mainFrame), () => ours), url).toBe(false);
    }
  });
});

describe('registerContract', () => {
  function registered(trusted: boolean) {
    const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, h: (event: unknown, args: unknown) => Promise<unknown>) => handlers.set(channel, h)) };
    registerContract(ipcMain, dispatch, () => trusted);
    return handlers;
  }

  it('registers exactly one channel per contract call', () => {
    const handlers = registered(true);
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map((name) => `call:${name}`).sort());
  });

  it('answers a trusted sender through the dispatcher', async () => {
    const handler = registered(true).get('call:app.info')!;
    await expect(handler({}, {})).resolves.toEqual({
      ok: true,
      value: { name: 'Batch Lens', version: '1.2.3', platform: 'linux', transport: 'ipc' },
    });
  });

  it('refuses an untrusted sender without calling the service', async () => {
    const handler = registered(false).get('call:app.info')!;
    await expect(handler({}, {})).resolves.toMatchObject({ ok: false, error: { code: 'ForbiddenSender', status: 403 } });
  });

  it('rejects arguments the schema does not allow', async () => {
    const handler = registered(true).get('call:app.info')!;
    const answer = (await handler({}, { extra: 1 })) as { ok: boolean; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('BadRequest');
    expect(answer.error.message).toContain('extra');
  });
});
