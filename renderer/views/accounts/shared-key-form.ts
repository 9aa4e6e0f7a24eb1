import type { CallArgs } from '../../../shared/contract';
import type { AccountSummary } from '../../../shared/models';

/** The text fields of the shared-key dialog, exactly as typed. */
export interface SharedKeyFormValues {
  displayName: string;
  accountName: string;
  url: string;
  key: string;
}

/** One field of the dialog. */
export type SharedKeyField = keyof SharedKeyFormValues;

/** One message per field that is wrong; an empty object means the form may be sent. */
export type SharedKeyFormErrors = Partial<Record<SharedKeyField, string>>;

/** `add` needs every field; `edit` keeps the stored key when the key is left empty; `editName` (Entra ID) edits only the name. */
export type SharedKeyFormMode = 'add' | 'edit' | 'editName';

/** An empty form. */
export const EMPTY_FORM: SharedKeyFormValues = { displayName: '', accountName: '', url: '', key: '' };

// The same rules and words as the contract's schemas, so the form refuses exactly what main would refuse.
const ACCOUNT_NAME = /^[A-Za-z0-9]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The fields the dialog shows in a mode. */
export function formFields(mode: SharedKeyFormMode): SharedKeyField[] {
  return mode === 'editName' ? ['displayName'] : ['displayName', 'accountName', 'url', 'key'];
}

/** The form prefilled from an account for editing; the key is never known to the page, so it starts empty. */
export function formFromAccount(account: Pick<AccountSummary, 'displayName' | 'accountName' | 'url'>): SharedKeyFormValues {
  return { displayName: account.displayName, accountName: account.accountName, url: account.url, key: '' };
}

/** Checks the form before sending it. Whether the URL is well formed and reachable is main's to say, with its own code. */
export function validateSharedKeyForm(values: SharedKeyFormValues, mode: SharedKeyFormMode): SharedKeyFormErrors {
  const errors: SharedKeyFormErrors = {};
  const displayName = values.displayName.trim();
  if (!displayName) errors.displayName = 'Display name is required';
  else if (displayName.length > 100) errors.displayName = 'Display name must be at most 100 characters';
  if (mode === 'editName') return errors;

  if (!ACCOUNT_NAME.test(values.accountName.trim())) errors.accountName = 'Account name must be 1-64 letters and digits';

  const url = values.url.trim();
  if (!url) errors.url = 'Account URL is required';
  else if (url.length > 500) errors.url = 'Account URL must be at most 500 characters';

  const key = values.key.trim();
  if (!key) {
    if (mode === 'add') errors.key = 'Key is required';
  } else if (key.length > 200) {
    errors.key = 'Key must be at most 200 characters';
  } else if (!BASE64.test(key)) {
    errors.key = 'Key must be the base64 text shown in the portal';
  }
  return errors;
}

/** True when the validation found nothing wrong. */
export function isValid(errors: SharedKeyFormErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** The `accounts.addSharedKey` arguments for a valid form. */
export function addArgs(values: SharedKeyFormValues): CallArgs<'accounts.addSharedKey'> {
  return {
    displayName: values.displayName.trim(),
    accountName: values.accountName.trim(),
    url: values.url.trim(),
    key: values.key.trim(),
  };
}

/** The `accounts.update` arguments: only what changed, and the key only when a new one was typed. */
export function updateArgs(
  id: string,
  values: SharedKeyFormValues,
  original: Pick<AccountSummary, 'displayName' | 'accountName' | 'url'>,
  mode: Exclude<SharedKeyFormMode, 'add'>,
): CallArgs<'accounts.update'> {
  const args: CallArgs<'accounts.update'> = { id };
  const displayName = values.displayName.trim();
  if (displayName !== original.displayName) args.displayName = displayName;
  if (mode === 'editName') return args;
  const accountName = values.accountName.trim();
  if (accountName !== original.accountName) args.accountName = accountName;
  const url = values.url.trim();
  if (url !== original.url) args.url = url;
  const key = values.key.trim();
  if (key) args.key = key;
  return args;
}
