import { Route, Routes } from 'react-router-dom';
import { TaskPage } from '../tasks/TaskPage';
import { AccountGate } from './AccountGate';
import { CreateJobView } from './CreateJobView';
import { JobListView } from './JobListView';
import { JobPage } from './JobPage';

/** The jobs section: `/jobs`, `/jobs/new`, `/jobs/:jobId` and `/jobs/:jobId/tasks/:taskId`, all for the current account. */
export function JobsView() {
  return (
    <Routes>
      <Route index element={<AccountGate>{(accountId) => <JobListView accountId={accountId} />}</AccountGate>} />
      <Route path="new" element={<AccountGate>{(accountId) => <CreateJobView accountId={accountId} />}</AccountGate>} />
      <Route path=":jobId" element={<AccountGate>{(accountId) => <JobPage accountId={accountId} />}</AccountGate>} />
      <Route path=":jobId/tasks/:taskId" element={<AccountGate>{(accountId) => <TaskPage accountId={accountId} />}</AccountGate>} />
    </Routes>
  );
}
