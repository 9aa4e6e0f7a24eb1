import { Link, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCurrentAccount } from '../../app/CurrentAccountProvider';
import { EmptyState } from '../../components/EmptyState';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';

/** Renders `children` with the current account's id, or a Jobs page saying why there is none yet. */
export function AccountGate({ children }: { children: (accountId: string) => ReactNode }) {
  const { accountId, isPending, error } = useCurrentAccount();
  if (accountId) return children(accountId);
  let body: ReactNode = <NoAccount />;
  if (isPending) body = <Spinner label="Loading accounts…" />;
  else if (error) body = <InlineError title="Could not load the accounts" error={error} />;
  return <Page title="Jobs">{body}</Page>;
}

function NoAccount() {
  return (
    <EmptyState
      title="No account selected"
      description="Jobs are listed per Batch account. Add an account or pick one, and its jobs show here."
      action={
        <Link as="a" href="#/accounts">
          Go to Accounts
        </Link>
      }
    />
  );
}

/** A Fluent link to a hash route, so it opens in place, can be bookmarked and opens in a new tab too. */
export function AppLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Link as="a" href={`#${to}`} data-testid={testId}>
      {children}
    </Link>
  );
}
