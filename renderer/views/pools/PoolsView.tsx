import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** Pools: empty until an account can be selected. */
export function PoolsView() {
  return (
    <Page title="Pools">
      <EmptyState
        title="No account selected"
        description="Pools are listed per Batch account. Accounts arrive with the Accounts page; once one is selected, its pools show here."
      />
    </Page>
  );
}
