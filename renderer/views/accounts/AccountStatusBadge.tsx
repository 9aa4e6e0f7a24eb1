import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { AccountSummary } from '../../../shared/models';
import { statusBadge, statusDetail } from './account-status';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** An account's status badge with the message that names the problem under it. */
export function AccountStatusBadge({ account, checking = false }: { account: AccountSummary; checking?: boolean }) {
  const styles = useStyles();
  const badge = statusBadge(account.status, checking);
  const detail = checking ? undefined : statusDetail(account);
  return (
    <div
      className={styles.box}
      data-testid="account-status"
      data-status={checking ? 'checking' : account.status}
      data-checked-at={account.checkedAt ?? ''}
    >
      <Badge appearance="tint" color={badge.colour} title={account.checkedAt ? `Last checked ${new Date(account.checkedAt).toLocaleString()}` : 'Not checked yet'}>
        {badge.label}
      </Badge>
      {detail ? <Caption1 className={styles.detail}>{detail}</Caption1> : null}
    </div>
  );
}
