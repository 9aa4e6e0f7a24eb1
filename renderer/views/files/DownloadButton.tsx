import { Button, Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useDownload, type FileSource } from '../../api/files';
import { InlineError } from '../../components/InlineError';
import { downloadPercent, progressText, resultText } from './viewer-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progress: { minWidth: '200px', flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

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
  const styles = useStyles();
  const { state, start, cancel } = useDownload();
  const percent = downloadPercent(state.progress);
  return (
    <div className={styles.root} data-testid="download">
      <div className={styles.row}>
        <Button size="small" onClick={() => start({ accountId, source, path, isDirectory })} disabled={state.running} data-testid="download-start">
          {label ?? (isDirectory ? 'Download folder' : 'Download')}
        </Button>
        {state.running ? (
          <>
            <ProgressBar className={styles.progress} value={percent === undefined ? undefined : percent / 100} aria-label="Download progress" />
            <Caption1 data-testid="download-progress">{progressText(state.progress)}</Caption1>
            {state.operationId !== undefined ? (
              <Button size="small" onClick={cancel} data-testid="download-cancel">
                Cancel
              </Button>
            ) : null}
          </>
        ) : null}
        {!state.running && state.result ? (
          <Caption1 className={styles.muted} data-testid="download-result">
            {resultText(state.result)}
          </Caption1>
        ) : null}
      </div>
      {state.error ? <InlineError title={`Could not download ${path || 'the folder'}`} error={state.error} testId="download-error" /> : null}
    </div>
  );
}
