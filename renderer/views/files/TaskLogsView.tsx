import { Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTask } from '../../api/tasks';
import { AppLink } from '../../components/AppLink';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import { taskPath } from '../jobs/routes';
import { FileViewer } from './FileViewer';
import { taskFilesPath } from './routes';

const useStyles = makeStyles({
  links: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

/** Props of TaskLogsView. */
export interface TaskLogsViewProps {
  accountId: string;
  jobId: string;
  taskId: string;
}

/** A task's stderr.txt and stdout.txt side by side, followed live until the task completes. */
export function TaskLogsView({ accountId, jobId, taskId }: TaskLogsViewProps) {
  const styles = useStyles();
  const task = useTask(accountId, jobId, taskId);
  const follow = task.data !== undefined && task.data.state !== 'completed';
  const source = { kind: 'task', jobId, taskId } as const;
  return (
    <Page title={`Logs of task ${taskId}`}>
      <div className={styles.links}>
        <AppLink to={taskPath(jobId, taskId)} testId="logs-task-link">
          ← Task {taskId}
        </AppLink>
        <AppLink to={taskFilesPath(jobId, taskId)} testId="logs-files-link">
          All files of the task
        </AppLink>
        {task.data ? (
          <Caption1 data-testid="logs-task-state" data-state={task.data.state}>
            Task is {task.data.state}
            {follow ? ' · following its output' : ''}
          </Caption1>
        ) : null}
        {task.isPending ? <Spinner size="tiny" label="Loading the task…" /> : null}
      </div>
      {task.error ? <InlineError title={`Could not load task ${taskId} (retrying automatically)`} error={task.error} testId="logs-task-error" /> : null}
      {/* The viewers wait for the task, so a running task's logs open at their live end. */}
      {task.isPending ? null : (
        <div className={styles.pair}>
          <FileViewer accountId={accountId} source={source} path="stderr.txt" follow={follow} height="65vh" />
          <FileViewer accountId={accountId} source={source} path="stdout.txt" follow={follow} height="65vh" />
        </div>
      )}
    </Page>
  );
}
