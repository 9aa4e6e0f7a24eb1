import { Button, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountSummary } from '../../../shared/models';
import { useAccounts } from '../../api/accounts';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import { orderAccounts } from './account-order';
import { AccountsTable } from './AccountsTable';
import { EntraSection } from './EntraSection';
import { RemoveAccountDialog } from './RemoveAccountDialog';
import { SharedKeyDialog } from './SharedKeyDialog';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Open = { dialog: 'none' } | { dialog: 'add' } | { dialog: 'edit'; account: AccountSummary } | { dialog: 'remove'; account: AccountSummary };

/** Accounts: every Batch account with its status, favourites, add/edit/remove, and Microsoft Entra ID sign-in. */
export function AccountsView() {
  const styles = useStyles();
  const accounts = useAccounts();
  const [open, setOpen] = useState<Open>({ dialog: 'none' });
  const close = () => setOpen({ dialog: 'none' });

  let list;
  if (accounts.isPending) list = <Spinner size="small" label="Loading accounts…" labelPosition="after" />;
  else if (accounts.isError) list = <InlineError title="Could not load the accounts" error={accounts.error} />;
  else {
    list = (
      <AccountsTable
        accounts={orderAccounts(accounts.data)}
        onEdit={(account) => setOpen({ dialog: 'edit', account })}
        onRemove={(account) => setOpen({ dialog: 'remove', account })}
      />
    );
  }

  return (
    <Page title="Accounts">
      <section className={styles.section} aria-labelledby="accounts-list">
        <div className={styles.header}>
          <Subtitle2 as="h2" id="accounts-list">
            Batch accounts
          </Subtitle2>
          <Button appearance="primary" onClick={() => setOpen({ dialog: 'add' })}>
            Add shared-key account
          </Button>
        </div>
        {list}
      </section>
      <EntraSection existingUrls={(accounts.data ?? []).map((a) => a.url)} />
      {open.dialog === 'add' ? <SharedKeyDialog onClose={close} /> : null}
      {open.dialog === 'edit' ? <SharedKeyDialog account={open.account} onClose={close} /> : null}
      {open.dialog === 'remove' ? <RemoveAccountDialog account={open.account} onClose={close} /> : null}
    </Page>
  );
}
