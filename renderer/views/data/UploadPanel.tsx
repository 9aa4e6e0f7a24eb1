import { Button, Caption1, Card, ProgressBar, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { UploadState } from '../../api/storage';
import type { DropProblem } from './drop-tree';
import { uploadPercent, uploadProgressText, uploadSummary } from './transfer-text';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: '200px' },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflow: 'auto', color: tokens.colorPaletteRedForeground1 },
});

/** Props of UploadPanel. */
export interface UploadPanelProps {
  state: UploadState;
  /** Files a dropped folder could not be read from, before anything was sent. */
  problems: readonly DropProblem[];
  onCancel: () => void;
  onClose: () => void;
}

/** A running upload's bytes, files and current file with Cancel; once finished, a summary that lists every failure. */
export function UploadPanel({ state, problems, onCancel, onClose }: UploadPanelProps) {
  const styles = useStyles();
  const percent = uploadPercent(state);
  const failures = [...problems.map((p) => ({ path: p.path, message: `not read: ${p.message}` })), ...state.failures];
  return (
    <Card data-testid="upload-panel" data-state={state.running ? 'running' : (state.outcome ?? 'idle')}>
      <Subtitle2 as="h2">Upload</Subtitle2>
      {state.running ? (
        <div className={styles.row}>
          <ProgressBar className={styles.grow} value={percent === undefined ? undefined : percent / 100} aria-label="Upload progress" />
          <Button size="small" onClick={onCancel} data-testid="upload-cancel">
            Cancel
          </Button>
        </div>
      ) : null}
      <div className={styles.row}>
        <Caption1 className={styles.grow} data-testid="upload-status" role="status">
          {state.running ? uploadProgressText(state) : uploadSummary(state)}
        </Caption1>
        {!state.running ? (
          <Button size="small" appearance="subtle" onClick={onClose} data-testid="upload-close">
            Close
          </Button>
        ) : null}
      </div>
      {failures.length ? (
        <ul className={styles.failures} data-testid="upload-failures">
          {failures.map((f) => (
            <li key={f.path}>
              {f.path}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
