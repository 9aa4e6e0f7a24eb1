import { describe, expect, it } from 'vitest';
import {
  CURRENT_ACCOUNT_STORAGE_KEY,
  defaultAccountId,
  loadCurrentAccountId,
  resolveCurrentAccountId,
  saveCurrentAccountId,
  type AccountStorage,
} from './current-account';

const local = { id: 'local', kind: 'local' as const, displayName: 'Local emulator', favourite: false };
const prod = { id: 'p', kind: 'sharedKey' as const, displayName: 'Prod', favourite: false };
const dev = { id: 'd', kind: 'entra' as const, displayName: 'Dev', favourite: false };

class MemoryStorage implements AccountStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const broken: AccountStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('defaultAccountId', () => {
  it('picks the first favourite in list order', () => {
    expect(defaultAccountId([local, { ...prod, favourite: true }, { ...dev, favourite: true }])).toBe('d');
  });

  it('falls back to the local emulator, then to the first account, then to nothing', () => {
    expect(defaultAccountId([prod, local, dev])).toBe('local');
    expect(defaultAccountId([prod, dev])).toBe('d');
    expect(defaultAccountId([])).toBeUndefined();
  });
});

describe('resolveCurrentAccountId', () => {
  it('keeps the remembered account while it exists', () => {
    expect(resolveCurrentAccountId([local, prod], 'p')).toBe('p');
  });

  it('uses the default when the remembered account is gone or nothing is remembered', () => {
    expect(resolveCurrentAccountId([local, prod], 'removed')).toBe('local');
    expect(resolveCurrentAccountId([local, { ...prod, favourite: true }], null)).toBe('p');
    expect(resolveCurrentAccountId([], 'p')).toBeUndefined();
  });
});

describe('remembering the current account', () => {
  it('round-trips through storage under its key', () => {
    const storage = new MemoryStorage();
    expect(loadCurrentAccountId(storage)).toBeUndefined();
    expect(saveCurrentAccountId(storage, 'p')).toBe(true);
    expect(storage.items.get(CURRENT_ACCOUNT_STORAGE_KEY)).toBe('p');
    expect(loadCurrentAccountId(storage)).toBe('p');
  });

  it('survives storage that throws or is missing', () => {
    expect(loadCurrentAccountId(broken)).toBeUndefined();
    expect(saveCurrentAccountId(broken, 'p')).toBe(false);
    expect(saveCurrentAccountId(undefined, 'p')).toBe(false);
    expect(loadCurrentAccountId(undefined)).toBeUndefined();
  });
});
