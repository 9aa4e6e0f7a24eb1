import { Spinner } from '@fluentui/react-components';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTask } from '../../api/tasks';
import { AccountGate } from '../../components/AccountGate';
import { AppLink } from '../../components/AppLink';
import { Page } from '../../components/Page';
import { nodePath, taskPath } from '../jobs/routes';
import { FileBrowserView } from './FileBrowserView';
import { filesPath, folderFromPathname, nodeFilesBase, taskFilesBase, taskLogsPath } from './routes';
import { TaskLogsView } from './TaskLogsView';

/** The folder and open file of a files route, and a way to move to another. */
function useFilesLocation(base: string) {
  const location = useLocation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return {
    folder: folderFromPathname(location.pathname),
    file: params.get('file') ?? undefined,
    onNavigate: (folder: string, file?: string) => navigate(filesPath(base, folder, file)),
  };
}

function TaskFiles({ accountId, jobId, taskId }: { accountId: string; jobId: string; taskId: string }) {
  const at = useFilesLocation(taskFilesBase(jobId, taskId));
  const task = useTask(accountId, jobId, taskId);
  // A running task's stdout and stderr grow; follow them until it completes.
  const running = task.data !== undefined && task.data.state !== 'completed';
  const follow = running && (at.file === 'stdout.txt' || at.file === 'stderr.txt');
  return (
    <Page title={`Files of task ${taskId}`}>
      <span>
        <AppLink to={taskPath(jobId, taskId)}>← Task {taskId}</AppLink> · <AppLink to={taskLogsPath(jobId, taskId)}>stdout and stderr side by side</AppLink>
      </span>
      {/* The browser waits for the task, so a running task's stdout opens at its live end. */}
      {task.isPending ? <Spinner label="Loading the task…" /> : <FileBrowserView accountId={accountId} source={{ kind: 'task', jobId, taskId }} rootLabel={taskId} {...at} follow={follow} />}
    </Page>
  );
}

/** `#/jobs/:jobId/tasks/:taskId/files/<folder>?file=<path>`: a task's directory. */
export function TaskFilesRoute() {
  const { jobId = '', taskId = '' } = useParams();
  return <AccountGate what="Files" pageTitle="Files">{(accountId) => <TaskFiles accountId={accountId} jobId={jobId} taskId={taskId} />}</AccountGate>;
}

function NodeFiles({ accountId, poolId, nodeId }: { accountId: string; poolId: string; nodeId: string }) {
  const at = useFilesLocation(nodeFilesBase(poolId, nodeId));
  return (
    <Page title={`Files of node ${nodeId}`}>
      <AppLink to={nodePath(poolId, nodeId)}>← Node {nodeId}</AppLink>
      <FileBrowserView accountId={accountId} source={{ kind: 'node', poolId, nodeId }} rootLabel={nodeId} {...at} />
    </Page>
  );
}

/** `#/pools/:poolId/nodes/:nodeId/files/<folder>?file=<path>`: a node's whole tree. */
export function NodeFilesRoute() {
  const { poolId = '', nodeId = '' } = useParams();
  return <AccountGate what="Files" pageTitle="Files">{(accountId) => <NodeFiles accountId={accountId} poolId={poolId} nodeId={nodeId} />}</AccountGate>;
}

/** `#/jobs/:jobId/tasks/:taskId/logs`: the task's stderr and stdout side by side. */
export function TaskLogsRoute() {
  const { jobId = '', taskId = '' } = useParams();
  return <AccountGate what="Logs" pageTitle="Logs">{(accountId) => <TaskLogsView accountId={accountId} jobId={jobId} taskId={taskId} />}</AccountGate>;
}
