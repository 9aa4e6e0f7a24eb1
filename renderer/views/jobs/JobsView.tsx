import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** Jobs: empty until an account can be selected. */
export function JobsView() {
  return (
    <Page title="Jobs">
      <EmptyState
        title="No account selected"
        description="Jobs are listed per Batch account. Accounts arrive with the Accounts page; once one is selected, its jobs show here."
      />
    </Page>
  );
}
