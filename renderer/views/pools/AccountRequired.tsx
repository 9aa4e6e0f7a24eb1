import { Link, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCurrentAccount } from '../../app/CurrentAccountProvider';
import { EmptyState } from '../../components/EmptyState';
import { InlineError } from '../../components/InlineError';

/** Renders `children` with the current account's id, or says why there is none (loading, failed, no accounts). */
export function AccountRequired({ children }: { children: (accountId: string) => ReactNode }) {
  const current = useCurrentAccount();
  if (current.accountId) return <>{children(current.accountId)}</>;
  if (current.isPending) return <Spinner size="small" label="Loading accounts…" labelPosition="after" />;
  if (current.error) return <InlineError title="Could not load the accounts" error={current.error} />;
  return (
    <EmptyState
      title="No account selected"
      description="Pools are listed per Batch account. Add or pick an account first."
      action={<Link href="#/accounts">Go to Accounts</Link>}
    />
  );
}
