import { Navigate, Route, Routes } from 'react-router-dom';
import { AccountDashboardView } from '../views/accounts/AccountDashboardView';
import { AccountsView } from '../views/accounts/AccountsView';
import { DataView } from '../views/data/DataView';
import { NodeFilesRoute } from '../views/files/FilesRoutes';
import { JobsView } from '../views/jobs/JobsView';
import { NotFoundView } from '../views/not-found/NotFoundView';
import { PackagesView } from '../views/packages/PackagesView';
import { NodeView } from '../views/nodes/NodeView';
import { CreatePoolView } from '../views/pools/CreatePoolView';
import { PoolView } from '../views/pools/PoolView';
import { PoolsView } from '../views/pools/PoolsView';
import { SettingsView } from '../views/settings/SettingsView';
import { DEFAULT_SECTION_PATH } from './sections';

/** The route table: the six sections and an account's dashboard, `/` → Pools, anything else → not found. */
export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={DEFAULT_SECTION_PATH} replace />} />
      <Route path="/accounts" element={<AccountsView />} />
      <Route path="/accounts/:id" element={<AccountDashboardView />} />
      <Route path="/pools" element={<PoolsView />} />
      <Route path="/pools/new" element={<CreatePoolView />} />
      <Route path="/pools/:poolId" element={<PoolView />} />
      <Route path="/pools/:poolId/nodes/:nodeId" element={<NodeView />} />
      <Route path="/pools/:poolId/nodes/:nodeId/files/*" element={<NodeFilesRoute />} />
      <Route path="/jobs/*" element={<JobsView />} />
      <Route path="/data" element={<DataView />} />
      <Route path="/packages" element={<PackagesView />} />
      <Route path="/settings" element={<SettingsView />} />
      <Route path="*" element={<NotFoundView />} />
    </Routes>
  );
}
