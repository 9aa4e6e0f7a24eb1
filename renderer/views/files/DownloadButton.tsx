import { useDownload, type FileSource } from '../../api/files';
import { DownloadControl } from '../../components/DownloadControl';

/** Props of DownloadButton. */
export interface DownloadButtonProps {
  accountId: string;
  source: FileSource;
  /** The file or folder, relative to the task or node root ('' = the whole root folder). */
  path: string;
  isDirectory: boolean;
  label?: string;
}

/**
 * Downloads a file or folder: the desktop app asks where to save and shows progress with Cancel and the destination;
 * under the web host the browser's own download starts.
 */
export function DownloadButton({ accountId, source, path, isDirectory, label }: DownloadButtonProps) {
  const { state, start, cancel } = useDownload();
  return (
    <DownloadControl
      label={label ?? (isDirectory ? 'Download folder' : 'Download')}
      running={state.running}
      progress={state.progress}
      result={state.result}
      error={state.error}
      canCancel={state.operationId !== undefined}
      onStart={() => start({ accountId, source, path, isDirectory })}
      onCancel={cancel}
      errorTitle={`Could not download ${path || 'the folder'}`}
      testId="download"
    />
  );
}
