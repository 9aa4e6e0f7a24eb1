import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES, callChannel } from '../../shared/contract/names';
import { ErrorCodes, type Envelope } from '../../shared/errors';
import type { Dispatch } from '../services/contract/dispatch';
import { APP_HOST, APP_SCHEME } from './protocol';

/** True only for a call from the main frame of our own window, showing our own app:// origin. */
export function isOurMainFrame(event: IpcMainInvokeEvent, ours: () => WebContents | undefined): boolean {
  const contents = ours();
  if (!contents || event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== contents.mainFrame || frame.parent !== null) return false;
  try {
    // URL.origin is "null" for non-special schemes in Node, so compare scheme and host directly.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Registers every contract call on ipcMain through one path: sender check, then the validating dispatcher. */
export function registerContract(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), async (event, args: unknown): Promise<Envelope<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { code: ErrorCodes.forbiddenSender, message: 'Call refused: unknown sender', status: 403 } };
      }
      return dispatch(name, args);
    });
  }
}
