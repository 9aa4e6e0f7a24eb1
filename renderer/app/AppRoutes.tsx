import { Navigate, Route, Routes } from 'react-router-dom';
import { AccountsView } from '../views/accounts/AccountsView';
import { JobsView } from '../views/jobs/JobsView';
import { NotFoundView } from '../views/not-found/NotFoundView';
import { PoolsView } from '../views/pools/PoolsView';
import { SettingsView } from '../views/settings/SettingsView';
import { DEFAULT_SECTION_PATH } from './sections';

/** The route table: the four sections, `/` → Pools, anything else → not found. */
export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={DEFAULT_SECTION_PATH} replace />} />
      <Route path="/accounts" element={<AccountsView />} />
      <Route path="/pools" element={<PoolsView />} />
      <Route path="/jobs" element={<JobsView />} />
      <Route path="/settings" element={<SettingsView />} />
      <Route path="*" element={<NotFoundView />} />
    </Routes>
  );
}
