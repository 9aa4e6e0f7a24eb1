import { Badge, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { statusBadge } from '../views/accounts/account-status';
import { useCurrentAccount } from './CurrentAccountProvider';

const useStyles = makeStyles({
  field: { padding: `0 ${tokens.spacingHorizontalS}`, marginBottom: tokens.spacingVerticalS },
  dropdown: { minWidth: 'unset', width: '100%' },
  listbox: { minWidth: '240px' },
  option: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The navigation's account picker: which account Pools and Jobs show; the choice is remembered. */
export function AccountSwitcher() {
  const styles = useStyles();
  const { account, accountId, accounts, isPending, select } = useCurrentAccount();
  const placeholder = isPending ? 'Loading accounts…' : 'No accounts';
  return (
    <Field label="Account" className={styles.field}>
      <Dropdown
        className={styles.dropdown}
        aria-label="Current account"
        data-testid="account-switcher"
        value={account?.displayName ?? ''}
        placeholder={placeholder}
        listbox={{ className: styles.listbox }}
        selectedOptions={accountId ? [accountId] : []}
        onOptionSelect={(_event, data) => {
          if (data.optionValue) select(data.optionValue);
        }}
      >
        {accounts.map((a) => {
          const badge = statusBadge(a.status);
          return (
            <Option key={a.id} value={a.id} text={a.displayName}>
              <span className={styles.option}>
                <Badge size="extra-small" color={badge.colour} aria-label={badge.label} title={badge.label} />
                {a.favourite ? '★ ' : ''}
                {a.displayName}
              </span>
            </Option>
          );
        })}
      </Dropdown>
    </Field>
  );
}
