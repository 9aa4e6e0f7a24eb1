import { useStorageDownload, type StorageDownloadTarget } from '../../api/storage';
import { DownloadControl } from '../../components/DownloadControl';

/** Props of StorageDownloadButton. */
export interface StorageDownloadButtonProps {
  target: StorageDownloadTarget;
  label: string;
  disabled?: boolean;
}

/** Downloads a blob or folder: desktop saves with progress and Cancel, the web host hands the browser a one-time link. */
export function StorageDownloadButton({ target, label, disabled }: StorageDownloadButtonProps) {
  const download = useStorageDownload();
  return (
    <DownloadControl
      label={label}
      {...(disabled !== undefined ? { disabled } : {})}
      running={download.running}
      progress={download.progress}
      result={download.result}
      error={download.error}
      canCancel
      onStart={() => download.start(target)}
      onCancel={download.cancel}
      errorTitle={`Could not download ${target.name}`}
      testId="storage-download"
      inline
    />
  );
}
