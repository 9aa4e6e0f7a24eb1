import { describe, expect, it } from 'vitest';
import { calls } from '../../../shared/contract';
import {
  EMPTY_FORM,
  addArgs,
  formFields,
  formFromAccount,
  isValid,
  updateArgs,
  validateSharedKeyForm,
  type SharedKeyFormValues,
} from './shared-key-form';

const good: SharedKeyFormValues = {
  displayName: 'Production',
  accountName: 'prodbatch',
  url: 'https://prodbatch.westeurope.batch.azure.com',
  key: 'c2VjcmV0LWtleQ==',
};

describe('validateSharedKeyForm', () => {
  it('accepts a complete form', () => {
    expect(validateSharedKeyForm(good, 'add')).toEqual({});
  });

  it('names every missing field when adding', () => {
    expect(validateSharedKeyForm(EMPTY_FORM, 'add')).toEqual({
      displayName: 'Display name is required',
      accountName: 'Account name must be 1-64 letters and digits',
      url: 'Account URL is required',
      key: 'Key is required',
    });
  });

  it('rejects account names with other characters and keys that are not base64', () => {
    const errors = validateSharedKeyForm({ ...good, accountName: 'prod-batch', key: 'not a key!' }, 'add');
    expect(errors.accountName).toBe('Account name must be 1-64 letters and digits');
    expect(errors.key).toBe('Key must be the base64 text shown in the portal');
  });

  it('treats whitespace-only fields as empty', () => {
    expect(validateSharedKeyForm({ ...good, displayName: '   ', url: ' \t' }, 'add')).toEqual({
      displayName: 'Display name is required',
      url: 'Account URL is required',
    });
  });

  it('leaves the URL format to main so its MalformedUrl message is the one shown', () => {
    expect(validateSharedKeyForm({ ...good, url: 'not a url' }, 'add')).toEqual({});
  });

  it('lets an edit keep the stored key by leaving it empty, but still checks a typed one', () => {
    expect(validateSharedKeyForm({ ...good, key: '' }, 'edit')).toEqual({});
    expect(validateSharedKeyForm({ ...good, key: '%%%' }, 'edit').key).toBeDefined();
  });

  it('checks only the name for an Entra ID account', () => {
    expect(validateSharedKeyForm({ ...EMPTY_FORM, displayName: 'Dev' }, 'editName')).toEqual({});
    expect(validateSharedKeyForm(EMPTY_FORM, 'editName')).toEqual({ displayName: 'Display name is required' });
    expect(formFields('editName')).toEqual(['displayName']);
    expect(formFields('add')).toEqual(['displayName', 'accountName', 'url', 'key']);
  });

  it('refuses exactly what the contract schema refuses', () => {
    const cases: SharedKeyFormValues[] = [
      good,
      EMPTY_FORM,
      { ...good, displayName: 'x'.repeat(101) },
      { ...good, displayName: 'x'.repeat(100) },
      { ...good, accountName: 'a'.repeat(65) },
      { ...good, accountName: 'ünicode' },
      { ...good, key: 'abc=' },
      { ...good, key: 'abc===' },
      { ...good, key: 'A'.repeat(201) },
      { ...good, url: 'u'.repeat(501) },
      { ...good, key: '  c2VjcmV0  ' },
    ];
    for (const values of cases) {
      const contract = calls['accounts.addSharedKey'].args.safeParse(values).success;
      expect(isValid(validateSharedKeyForm(values, 'add')), JSON.stringify(values).slice(0, 80)).toBe(contract);
    }
  });
});

describe('call arguments', () => {
  it('trims what is sent when adding', () => {
    expect(addArgs({ displayName: ' Prod ', accountName: ' prod ', url: ' https://p.example ', key: ' a2V5 ' })).toEqual({
      displayName: 'Prod',
      accountName: 'prod',
      url: 'https://p.example',
      key: 'a2V5',
    });
  });

  it('sends only changed fields on edit, and never an empty key', () => {
    const original = { displayName: 'Prod', accountName: 'prod', url: 'https://p.example' };
    expect(updateArgs('a1', formFromAccount(original), original, 'edit')).toEqual({ id: 'a1' });
    expect(updateArgs('a1', { ...formFromAccount(original), displayName: 'Prod EU', key: ' bmV3 ' }, original, 'edit')).toEqual({
      id: 'a1',
      displayName: 'Prod EU',
      key: 'bmV3',
    });
    expect(updateArgs('a1', { ...formFromAccount(original), url: 'https://q.example' }, original, 'edit')).toEqual({
      id: 'a1',
      url: 'https://q.example',
    });
  });

  it('sends only the name for an Entra ID account, even if other fields were touched', () => {
    const original = { displayName: 'Dev', accountName: 'dev', url: 'https://d.example' };
    expect(updateArgs('e1', { displayName: 'Dev 2', accountName: 'x', url: 'y', key: 'a2V5' }, original, 'editName')).toEqual({
      id: 'e1',
      displayName: 'Dev 2',
    });
  });

  it('starts an edit with the stored fields and an empty key', () => {
    expect(formFromAccount({ displayName: 'D', accountName: 'a', url: 'https://u' })).toEqual({
      displayName: 'D',
      accountName: 'a',
      url: 'https://u',
      key: '',
    });
  });
});
