import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AccountSummary } from '../../../shared/models';
import { useAddSharedKeyAccount, useUpdateAccount } from '../../api/accounts';
import { InlineError } from '../../components/InlineError';
import {
  EMPTY_FORM,
  addArgs,
  formFields,
  formFromAccount,
  isValid,
  updateArgs,
  validateSharedKeyForm,
  type SharedKeyField,
  type SharedKeyFormErrors,
  type SharedKeyFormValues,
} from './shared-key-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Props of SharedKeyDialog: adding (no account) or editing one account. */
export interface SharedKeyDialogProps {
  account?: AccountSummary;
  onClose(): void;
}

const LABELS: Readonly<Record<SharedKeyField, string>> = {
  displayName: 'Display name',
  accountName: 'Account name',
  url: 'Account URL',
  key: 'Key',
};

function hint(field: SharedKeyField, editing: boolean): string | undefined {
  if (field === 'url') return 'For example https://myaccount.westeurope.batch.azure.com';
  if (field === 'key') return editing ? 'Leave empty to keep the stored key' : 'Primary or secondary access key, from the portal';
  if (field === 'displayName') return 'How the account is named in Batch Lens';
  return undefined;
}

/** Adds or edits a shared-key account. Main tests the connection first; a refusal shows here and the form stays filled in. */
export function SharedKeyDialog({ account, onClose }: SharedKeyDialogProps) {
  const styles = useStyles();
  const mode = !account ? 'add' : account.kind === 'entra' ? 'editName' : 'edit';
  const [values, setValues] = useState<SharedKeyFormValues>(() => (account ? formFromAccount(account) : EMPTY_FORM));
  const [errors, setErrors] = useState<SharedKeyFormErrors>({});
  const add = useAddSharedKeyAccount();
  const update = useUpdateAccount();
  const saving = add.isPending || update.isPending;
  const refusal = add.error ?? update.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSharedKeyForm(values, mode);
    setErrors(found);
    if (!isValid(found) || saving) return;
    add.reset();
    update.reset();
    if (mode === 'add') add.mutate(addArgs(values), { onSuccess: onClose });
    else if (account) update.mutate(updateArgs(account.id, values, account, mode), { onSuccess: onClose });
  };

  const set = (field: SharedKeyField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const title = mode === 'add' ? 'Add a shared-key account' : `Edit ${account?.displayName ?? 'account'}`;
  return (
    <Dialog
      open
      onOpenChange={(_event, data) => {
        if (!data.open && !saving) onClose();
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate aria-label={title}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {formFields(mode).map((field) => (
                <Field
                  key={field}
                  label={LABELS[field]}
                  required={field !== 'key' || mode === 'add'}
                  hint={hint(field, mode !== 'add')}
                  validationMessage={errors[field]}
                  validationState={errors[field] ? 'error' : 'none'}
                >
                  <Input
                    name={field}
                    type={field === 'key' ? 'password' : field === 'url' ? 'url' : 'text'}
                    value={values[field]}
                    onChange={(_event, data) => set(field, data.value)}
                    disabled={saving}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </Field>
              ))}
              {saving ? <Spinner size="tiny" label="Testing the connection…" labelPosition="after" /> : null}
              {refusal && !saving ? (
                <InlineError
                  title={mode === 'add' ? 'The account was not added' : 'The changes were not saved'}
                  error={refusal}
                  testId="account-form-error"
                />
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saving}>
                {mode === 'add' ? 'Test and add' : 'Save'}
              </Button>
              <Button onClick={onClose} disabled={saving}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
