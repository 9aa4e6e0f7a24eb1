import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { ChooseDownloadTarget } from '../services/files/download/service';

/** The desktop's download dialogs, parented to the main window: save-as for a file, choose a folder for a folder. */
export function downloadTargetDialog(window: () => BrowserWindow | undefined): ChooseDownloadTarget {
  return async ({ kind, suggestedName }) => {
    const parent = window();
    const downloads = app.getPath('downloads');
    if (kind === 'file') {
      const options: SaveDialogOptions = {
        title: `Save ${suggestedName}`,
        defaultPath: join(downloads, suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? undefined : answer.filePath;
    }
    const options: OpenDialogOptions = {
      title: `Download ${suggestedName} into…`,
      buttonLabel: 'Download here',
      defaultPath: downloads,
      properties: ['openDirectory', 'createDirectory'],
    };
    const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return answer.canceled ? undefined : answer.filePaths[0];
  };
}
