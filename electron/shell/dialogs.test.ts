import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const showSaveDialog = vi.fn();
const showOpenDialog = vi.fn();
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'downloads' ? '/home/u/Downloads' : '/tmp') },
  dialog: { showSaveDialog, showOpenDialog },
}));

const { downloadTargetDialog } = await import('./dialogs');

const window = { id: 1 } as unknown as import('electron').BrowserWindow;

describe('download dialogs', () => {
  beforeEach(() => {
    showSaveDialog.mockReset();
    showOpenDialog.mockReset();
  });

  it('asks where to save a file, parented to the main window, starting in Downloads with the suggested name', async () => {
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/u/Downloads/stdout.txt' });
    const choose = downloadTargetDialog(() => window);
    expect(await choose({ kind: 'file', suggestedName: 'stdout.txt' })).toBe('/home/u/Downloads/stdout.txt');
    expect(showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: join('/home/u/Downloads', 'stdout.txt') }));
    expect(showSaveDialog.mock.calls[0]![1].properties).toContain('showOverwriteConfirmation');
    expect(showOpenDialog).not.toHaveBeenCalled();
  });

  it('asks for a folder (one that may be created) for a folder download', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/data/out'] });
    const choose = downloadTargetDialog(() => window);
    expect(await choose({ kind: 'folder', suggestedName: 'wd' })).toBe('/data/out');
    const [parent, options] = showOpenDialog.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(options.title).toContain('wd');
  });

  it('answers undefined when the user cancels either dialog', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    const choose = downloadTargetDialog(() => window);
    expect(await choose({ kind: 'file', suggestedName: 'x' })).toBeUndefined();
    expect(await choose({ kind: 'folder', suggestedName: 'x' })).toBeUndefined();
  });

  it('still opens a dialog, unparented, when the window is gone', async () => {
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/tmp/x' });
    expect(await downloadTargetDialog(() => undefined)({ kind: 'file', suggestedName: 'x' })).toBe('/tmp/x');
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join('/home/u/Downloads', 'x') }));
  });
});
