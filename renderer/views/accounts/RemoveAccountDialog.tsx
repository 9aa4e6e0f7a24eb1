import { Body1 } from '@fluentui/react-components';
import type { AccountSummary } from '../../../shared/models';
import { useRemoveAccount } from '../../api/accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** Asks before removing an account; says what goes (the entry and its stored key) and what stays (everything in Azure). */
export function RemoveAccountDialog({ account, onClose }: { account: AccountSummary; onClose(): void }) {
  const remove = useRemoveAccount();
  const what = account.kind === 'entra' ? 'It is removed from this list.' : 'It is removed from this list and its key is deleted from this machine.';
  return (
    <ConfirmDialog
      title={`Remove ${account.displayName}?`}
      confirmLabel="Remove"
      busy={remove.isPending}
      error={remove.isError ? remove.error : undefined}
      errorTitle="The account was not removed"
      onConfirm={() => remove.mutate(account.id, { onSuccess: onClose })}
      onCancel={onClose}
    >
      <Body1>{what} Its pools, jobs and data in Azure are not touched; you can add it again later.</Body1>
    </ConfirmDialog>
  );
}
