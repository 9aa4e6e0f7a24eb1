import { Table, TableBody, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { AccountSummary } from '../../../shared/models';
import { AccountRow } from './AccountRow';

const useStyles = makeStyles({
  star: { width: '48px' },
  actions: { width: '32%' },
});

/** Props of AccountsTable. */
export interface AccountsTableProps {
  /** Already in display order (favourites first). */
  accounts: AccountSummary[];
  onEdit(account: AccountSummary): void;
  onRemove(account: AccountSummary): void;
}

/** The account list, one row per account. */
export function AccountsTable({ accounts, onEdit, onRemove }: AccountsTableProps) {
  const styles = useStyles();
  return (
    <Table aria-label="Accounts" data-testid="accounts-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.star} aria-label="Favourite" title="Favourite">
            ★
          </TableHeaderCell>
          <TableHeaderCell>Account</TableHeaderCell>
          <TableHeaderCell>Kind</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell className={styles.actions}>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {accounts.map((account) => (
          <AccountRow key={account.id} account={account} onEdit={onEdit} onRemove={onRemove} />
        ))}
      </TableBody>
    </Table>
  );
}
