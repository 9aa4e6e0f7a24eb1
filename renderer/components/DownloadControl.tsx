// How every download looks, whatever it fetches (node files, blobs, task outputs): the button, then progress with
// Cancel while main saves it, then where it went or why it failed.
import { Button, Caption1, ProgressBar, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { DownloadProgress, DownloadResult } from '../../shared/models';
import { downloadPercent, progressText, resultText } from '../views/files/viewer-text';
import { InlineError } from './InlineError';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  inline: { display: 'inline-flex' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progress: { minWidth: '160px', flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** Props of DownloadControl. */
export interface DownloadControlProps {
  label: string;
  disabled?: boolean;
  running: boolean;
  progress: DownloadProgress | undefined;
  result: DownloadResult | undefined;
  error: unknown;
  /** False until main has an operation to cancel. */
  canCancel: boolean;
  onStart: () => void;
  onCancel: () => void;
  /** The title of the error shown under the button, e.g. "Could not download stdout.txt". */
  errorTitle: string;
  /** Prefix of the test ids: `<prefix>`, `<prefix>-start`, `-progress`, `-cancel`, `-result`, `-error`. */
  testId: string;
  /** Sits inline in a table cell rather than on a line of its own. */
  inline?: boolean;
}

/** A download button with its progress, Cancel, result and error. */
export function DownloadControl(props: DownloadControlProps) {
  const styles = useStyles();
  const { testId, running } = props;
  const percent = downloadPercent(props.progress);
  return (
    <div className={mergeClasses(styles.root, props.inline && styles.inline)} data-testid={testId}>
      <div className={styles.row}>
        <Button size="small" onClick={props.onStart} disabled={props.disabled || running} data-testid={`${testId}-start`}>
          {props.label}
        </Button>
        {running ? (
          <>
            <ProgressBar className={styles.progress} value={percent === undefined ? undefined : percent / 100} aria-label="Download progress" />
            <Caption1 data-testid={`${testId}-progress`}>{progressText(props.progress)}</Caption1>
            {props.canCancel ? (
              <Button size="small" onClick={props.onCancel} data-testid={`${testId}-cancel`}>
                Cancel
              </Button>
            ) : null}
          </>
        ) : null}
        {!running && props.result ? (
          <Caption1 className={styles.muted} data-testid={`${testId}-result`}>
            {resultText(props.result)}
          </Caption1>
        ) : null}
      </div>
      {props.error ? <InlineError title={props.errorTitle} error={props.error} testId={`${testId}-error`} /> : null}
    </div>
  );
}
