import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AccountSummary } from '../../../shared/models';
import { useRemoveAccount } from '../../api/accounts';
import { InlineError } from '../../components/InlineError';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Asks before removing an account; says what goes (the entry and its stored key) and what stays (everything in Azure). */
export function RemoveAccountDialog({ account, onClose }: { account: AccountSummary; onClose(): void }) {
  const styles = useStyles();
  const remove = useRemoveAccount();
  const what = account.kind === 'entra' ? 'It is removed from this list.' : 'It is removed from this list and its key is deleted from this machine.';
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open && !remove.isPending) onClose();
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Remove {account.displayName}?</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>
              {what} Its pools, jobs and data in Azure are not touched; you can add it again later.
            </Body1>
            {remove.isError ? <InlineError title="The account was not removed" error={remove.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={remove.isPending}
              onClick={() => remove.mutate(account.id, { onSuccess: onClose })}
            >
              {remove.isPending ? 'Removing…' : 'Remove'}
            </Button>
            <Button onClick={onClose} disabled={remove.isPending}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
