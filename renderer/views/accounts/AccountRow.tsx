import { Button, Caption1, Link, TableCell, TableRow, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { AccountSummary } from '../../../shared/models';
import { useCheckAccount, useSetFavourite } from '../../api/accounts';
import { useSignIn } from '../../api/auth';
import { errorLine } from '../../components/error-text';
import { canSignInAgain, isEditable, kindLabel } from './account-status';
import { AccountStatusBadge } from './AccountStatusBadge';
import { isSignInCancelled } from './sign-in-text';

const useStyles = makeStyles({
  name: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  url: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  star: { minWidth: 'unset' },
});

/** Props of AccountRow. */
export interface AccountRowProps {
  account: AccountSummary;
  onEdit(account: AccountSummary): void;
  onRemove(account: AccountSummary): void;
}

/** One account in the list: favourite toggle, name (to its dashboard), status, and what can be done with it. */
export function AccountRow({ account, onEdit, onRemove }: AccountRowProps) {
  const styles = useStyles();
  const check = useCheckAccount();
  const favourite = useSetFavourite();
  const signIn = useSignIn();
  const failure = [check, favourite, signIn].find((m) => m.isError && !isSignInCancelled(m.error))?.error;
  const dashboard = `#/accounts/${encodeURIComponent(account.id)}`;
  const signInAs = canSignInAgain(account) ? account.entra?.username : undefined;
  return (
    <TableRow data-testid="account-row" data-account-id={account.id}>
      <TableCell>
        <ToggleButton
          className={styles.star}
          appearance="subtle"
          checked={account.favourite}
          disabled={favourite.isPending}
          aria-label={`Favourite: ${account.displayName}`}
          title={account.favourite ? 'Remove from favourites' : 'Add to favourites'}
          onClick={() => favourite.mutate({ id: account.id, favourite: !account.favourite })}
        >
          {account.favourite ? '★' : '☆'}
        </ToggleButton>
      </TableCell>
      <TableCell>
        <div className={styles.name}>
          <Link href={dashboard}>{account.displayName}</Link>
          <Caption1 className={styles.url}>{account.url}</Caption1>
        </div>
      </TableCell>
      <TableCell>
        {kindLabel(account.kind)}
        {account.entra ? <Caption1 className={styles.url}>{account.entra.username}</Caption1> : null}
      </TableCell>
      <TableCell>
        <AccountStatusBadge account={account} checking={check.isPending} />
        {failure ? <Caption1 className={styles.error}>{errorLine(failure)}</Caption1> : null}
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          {signInAs !== undefined ? (
            <Button appearance="primary" size="small" disabled={signIn.isPending} onClick={() => signIn.mutate({ method: 'browser', loginHint: signInAs })}>
              Sign in
            </Button>
          ) : null}
          <Button size="small" disabled={check.isPending} onClick={() => check.mutate(account.id)}>
            Check now
          </Button>
          <Button size="small" as="a" href={dashboard}>
            Dashboard
          </Button>
          {isEditable(account) ? (
            <>
              <Button size="small" onClick={() => onEdit(account)}>
                Edit
              </Button>
              <Button size="small" onClick={() => onRemove(account)}>
                Remove
              </Button>
            </>
          ) : null}
        </div>
      </TableCell>
    </TableRow>
  );
}
