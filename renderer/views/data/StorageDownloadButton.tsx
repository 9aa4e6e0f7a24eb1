import { Button, Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useStorageDownload, type StorageDownloadTarget } from '../../api/storage';
import { InlineError } from '../../components/InlineError';
import { downloadPercent, progressText, resultText } from '../files/viewer-text';

const useStyles = makeStyles({
  root: { display: 'inline-flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progress: { minWidth: '160px', flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** Props of StorageDownloadButton. */
export interface StorageDownloadButtonProps {
  target: StorageDownloadTarget;
  label: string;
  disabled?: boolean;
}

/** Downloads a blob or folder: desktop saves with progress and Cancel, the web host hands the browser a one-time link. */
export function StorageDownloadButton({ target, label, disabled }: StorageDownloadButtonProps) {
  const styles = useStyles();
  const download = useStorageDownload();
  const percent = downloadPercent(download.progress);
  return (
    <div className={styles.root} data-testid="storage-download">
      <div className={styles.row}>
        <Button size="small" onClick={() => download.start(target)} disabled={disabled || download.running} data-testid="storage-download-start">
          {label}
        </Button>
        {download.running ? (
          <>
            <ProgressBar className={styles.progress} value={percent === undefined ? undefined : percent / 100} aria-label="Download progress" />
            <Caption1>{progressText(download.progress)}</Caption1>
            <Button size="small" onClick={download.cancel}>
              Cancel
            </Button>
          </>
        ) : null}
        {!download.running && download.result ? <Caption1 className={styles.muted}>{resultText(download.result)}</Caption1> : null}
      </div>
      {download.error ? <InlineError title={`Could not download ${target.name}`} error={download.error} testId="storage-download-error" /> : null}
    </div>
  );
}
