import { Route, Routes } from 'react-router-dom';
import { AccountGate } from '../../components/AccountGate';
import { TaskPage } from '../tasks/TaskPage';
import { CreateJobView } from './CreateJobView';
import { JobListView } from './JobListView';
import { JobPage } from './JobPage';

/** The jobs section: `/jobs`, `/jobs/new`, `/jobs/:jobId` and `/jobs/:jobId/tasks/:taskId`, all for the current account. */
export function JobsView() {
  return (
    <Routes>
      <Route index element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <JobListView accountId={accountId} />}</AccountGate>} />
      <Route path="new" element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <CreateJobView accountId={accountId} />}</AccountGate>} />
      <Route path=":jobId" element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <JobPage accountId={accountId} />}</AccountGate>} />
      <Route path=":jobId/tasks/:taskId" element={<AccountGate what="Jobs" pageTitle="Jobs">{(accountId) => <TaskPage accountId={accountId} />}</AccountGate>} />
    </Routes>
  );
}
