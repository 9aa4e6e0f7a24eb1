import { Route, Routes } from 'react-router-dom';
import { AccountGate } from '../../components/AccountGate';
import { TaskFilesRoute, TaskLogsRoute } from '../files/FilesRoutes';
import { TaskPage } from '../tasks/TaskPage';
import { CreateJobView } from './CreateJobView';
import { JobListView } from './JobListView';
import { JobPage } from './JobPage';

/** The jobs section: the job list, the create form, a job, a task, and a task's files and logs, all for the current account. */
export function JobsView() {
  return (
    <Routes>
      <Route index element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <JobListView accountId={accountId} />}</AccountGate>} />
      <Route path="new" element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <CreateJobView accountId={accountId} />}</AccountGate>} />
      <Route path=":jobId" element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <JobPage accountId={accountId} />}</AccountGate>} />
      <Route path=":jobId/tasks/:taskId" element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <TaskPage accountId={accountId} />}</AccountGate>} />
      <Route path=":jobId/tasks/:taskId/files/*" element={<TaskFilesRoute />} />
      <Route path=":jobId/tasks/:taskId/logs" element={<TaskLogsRoute />} />
    </Routes>
  );
}
