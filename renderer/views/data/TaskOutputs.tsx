import { Body1, Caption1, Card, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { TaskOutputDestination } from '../../../shared/models';
import { useTaskOutputs } from '../../api/storage';
import { InlineError } from '../../components/InlineError';
import { formatTime } from '../../components/time-format';
import { formatBytes } from '../files/text-bytes';
import { conditionText, destinationText, emptyOutputText, missedConditionText, type OutputsTask } from './outputs-model';
import { StorageDownloadButton } from './StorageDownloadButton';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pairs: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dd: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere' },
  right: { textAlign: 'right', whiteSpace: 'nowrap' },
});

function Destination({ accountId, jobId, taskId, destination, task }: { accountId: string; jobId: string; taskId: string; destination: TaskOutputDestination; task: OutputsTask }) {
  const styles = useStyles();
  const d = destination;
  return (
    <Card data-testid="output-destination" data-index={d.index}>
      <Subtitle2 as="h3">{d.filePattern}</Subtitle2>
      <dl className={styles.pairs}>
        <dt className={styles.muted}>Uploads</dt>
        <dd className={styles.dd}>
          {d.uploadCondition} ({conditionText(d.uploadCondition)})
        </dd>
        <dt className={styles.muted}>To</dt>
        <dd className={styles.dd} data-testid="output-container">
          {destinationText(d)}
        </dd>
      </dl>
      {d.error ? <InlineError title={`Could not list this destination (${d.error.code})`} error={d.error} testId="output-error" /> : null}
      {!d.error && d.blobs.length === 0 ? (
        <Body1 className={styles.muted} data-testid="output-empty">
          {emptyOutputText(d, task)}
        </Body1>
      ) : null}
      {d.blobs.length && missedConditionText(d.uploadCondition, task) ? (
        <Caption1 className={styles.muted} data-testid="output-missed">
          {missedConditionText(d.uploadCondition, task)}
        </Caption1>
      ) : null}
      {d.blobs.length ? (
        <table className={styles.table} data-testid="output-blobs">
          <thead>
            <tr>
              <th className={styles.cell}>Blob</th>
              <th className={`${styles.cell} ${styles.right}`}>Size</th>
              <th className={styles.cell}>Modified</th>
              <th className={styles.cell} aria-label="Download" />
            </tr>
          </thead>
          <tbody>
            {d.blobs.map((blob) => (
              <tr key={blob.name} data-name={blob.name}>
                <td className={styles.cell}>{blob.name}</td>
                <td className={`${styles.cell} ${styles.right}`}>{formatBytes(blob.size)}</td>
                <td className={styles.cell}>{formatTime(blob.lastModified)}</td>
                <td className={styles.cell}>
                  <StorageDownloadButton target={{ kind: 'output', accountId, jobId, taskId, destination: d.index, name: blob.name }} label="Download" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {d.truncated ? <Caption1 className={styles.muted}>Only the first {d.blobs.length} blobs are listed.</Caption1> : null}
    </Card>
  );
}

/** Props of TaskOutputs. */
export interface TaskOutputsProps {
  accountId: string;
  jobId: string;
  taskId: string;
  task: OutputsTask;
}

/** The task's Outputs tab: each `outputFiles` destination with the blobs uploaded there, or why there are none. */
export function TaskOutputs({ accountId, jobId, taskId, task }: TaskOutputsProps) {
  const styles = useStyles();
  const outputs = useTaskOutputs(accountId, jobId, taskId, task.state !== 'completed');
  if (outputs.isPending) return <Spinner label="Looking for the task's outputs…" />;
  if (outputs.error) return <InlineError title="Could not read the task's outputs" error={outputs.error} testId="outputs-error" />;
  const { destinations } = outputs.data;
  if (!destinations.length) {
    return (
      <Body1 className={styles.muted} data-testid="outputs-none">
        This task has no outputFiles: it uploads nothing to storage.
      </Body1>
    );
  }
  return (
    <div className={styles.list} data-testid="task-outputs">
      {destinations.map((d) => (
        <Destination key={d.index} accountId={accountId} jobId={jobId} taskId={taskId} destination={d} task={task} />
      ))}
    </div>
  );
}
