import { Link, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCurrentAccount } from '../app/CurrentAccountProvider';
import { EmptyState } from './EmptyState';
import { InlineError } from './InlineError';
import { Page } from './Page';

/** Props of AccountGate. */
export interface AccountGateProps {
  /** What the view lists per account, e.g. "Jobs"; used in the explanation. */
  what: string;
  /** When set, the fallback is shown on a page of this title (for views that render their own page once an account is known). */
  pageTitle?: string;
  children: (accountId: string) => ReactNode;
}

/** Renders `children` with the current account's id, or says why there is none yet (loading, failed, no accounts). */
export function AccountGate({ what, pageTitle, children }: AccountGateProps) {
  const { accountId, isPending, error } = useCurrentAccount();
  if (accountId) return <>{children(accountId)}</>;
  let body: ReactNode = (
    <EmptyState
      title="No account selected"
      description={`${what} are listed per Batch account. Add an account or pick one, and its ${what.toLowerCase()} show here.`}
      action={
        <Link as="a" href="#/accounts">
          Go to Accounts
        </Link>
      }
    />
  );
  if (isPending) body = <Spinner label="Loading accounts…" />;
  else if (error) body = <InlineError title="Could not load the accounts" error={error} />;
  return pageTitle ? <Page title={pageTitle}>{body}</Page> : body;
}
