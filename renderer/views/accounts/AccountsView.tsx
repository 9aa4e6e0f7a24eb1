import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** Accounts: empty until adding Batch accounts lands. */
export function AccountsView() {
  return (
    <Page title="Accounts">
      <EmptyState
        title="No accounts yet"
        description="Adding and signing in to Azure Batch accounts is not available yet; it arrives in an upcoming release."
      />
    </Page>
  );
}
