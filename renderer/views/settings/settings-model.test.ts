import { describe, expect, it } from 'vitest';
import { calls } from '../../../shared/contract';
import type { SettingsView } from '../../../shared/models';
import { CLOUD_OPTIONS, clientIdError, entraChanged, entraPatch, isCloudName, offersUnencryptedOptIn, secretStorageBadge } from './settings-model';

const view = (over: Partial<SettingsView> = {}): SettingsView => ({
  storeSecretsWithoutEncryption: false,
  entra: { cloud: 'public', defaultClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' },
  secretStorage: { mode: 'encrypted', message: 'ok' },
  ...over,
});

describe('clouds', () => {
  it('offers the three clouds the contract knows', () => {
    expect(CLOUD_OPTIONS.map((c) => c.value)).toEqual(['public', 'usGovernment', 'china']);
    for (const option of CLOUD_OPTIONS) {
      expect(calls['settings.update'].args.safeParse({ entra: { cloud: option.value } }).success).toBe(true);
    }
    expect(isCloudName('china')).toBe(true);
    expect(isCloudName('germany')).toBe(false);
  });
});

describe('client id', () => {
  it('accepts empty (the default) and GUIDs, refuses anything else', () => {
    expect(clientIdError('')).toBeUndefined();
    expect(clientIdError('  ')).toBeUndefined();
    expect(clientIdError('04b07795-8ddb-461a-bbee-02f9e1bf7b46')).toBeUndefined();
    expect(clientIdError('my-app')).toMatch(/GUID/);
    expect(clientIdError('04b07795-8ddb-461a-bbee-02f9e1bf7b4')).toMatch(/GUID/);
  });

  it('builds a patch the contract accepts, with null meaning the default', () => {
    expect(entraPatch('china', '  ')).toEqual({ entra: { cloud: 'china', clientId: null } });
    const patch = entraPatch('usGovernment', ' 11111111-2222-3333-4444-555555555555 ');
    expect(patch).toEqual({ entra: { cloud: 'usGovernment', clientId: '11111111-2222-3333-4444-555555555555' } });
    expect(calls['settings.update'].args.safeParse(patch).success).toBe(true);
    expect(calls['settings.update'].args.safeParse(entraPatch('public', '')).success).toBe(true);
  });

  it('agrees with the contract on which client ids are valid', () => {
    for (const text of ['04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'ABCDEF01-2345-6789-abcd-ef0123456789', 'nope', '{04b07795-8ddb-461a-bbee-02f9e1bf7b46}']) {
      const contract = calls['settings.update'].args.safeParse({ entra: { cloud: 'public', clientId: text } }).success;
      expect(clientIdError(text) === undefined, text).toBe(contract);
    }
  });

  it('notices when the form differs from the settings in force', () => {
    expect(entraChanged(view(), 'public', '')).toBe(false);
    expect(entraChanged(view(), 'china', '')).toBe(true);
    expect(entraChanged(view(), 'public', '11111111-2222-3333-4444-555555555555')).toBe(true);
    const custom = view({ entra: { cloud: 'public', clientId: '11111111-2222-3333-4444-555555555555', defaultClientId: 'x' } });
    expect(entraChanged(custom, 'public', ' 11111111-2222-3333-4444-555555555555 ')).toBe(false);
  });
});

describe('secret storage', () => {
  it('badges each mode', () => {
    expect(secretStorageBadge('encrypted').colour).toBe('success');
    expect(secretStorageBadge('memory')).toEqual({ label: 'Kept in memory for this session only', colour: 'warning' });
    expect(secretStorageBadge('weak').colour).toBe('danger');
  });

  it('offers the unencrypted opt-in only in memory mode, or while it is on', () => {
    expect(offersUnencryptedOptIn(view())).toBe(false);
    expect(offersUnencryptedOptIn(view({ secretStorage: { mode: 'memory', message: 'm' } }))).toBe(true);
    expect(offersUnencryptedOptIn(view({ storeSecretsWithoutEncryption: true, secretStorage: { mode: 'weak', message: 'w' } }))).toBe(true);
    expect(offersUnencryptedOptIn(view({ secretStorage: { mode: 'weak', message: '--persist-secrets' } }))).toBe(false);
  });
});
