import { describe, expect, it } from 'vitest';
import { accountKeys, appKeys, authKeys, settingsKeys } from './keys';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  expect(key.slice(0, prefix.length)).toEqual([...prefix]);

describe('appKeys', () => {
  it('nests every app key under the app prefix so the resource can be invalidated at once', () => {
    expect(appKeys.info()).toEqual(['app', 'info']);
    expect(appKeys.info().slice(0, appKeys.all.length)).toEqual([...appKeys.all]);
  });
});

describe('accountKeys', () => {
  it('nests the list and every dashboard under the accounts prefix', () => {
    startsWith(accountKeys.list(), accountKeys.all);
    startsWith(accountKeys.dashboard('a1'), accountKeys.dashboards());
    startsWith(accountKeys.dashboards(), accountKeys.all);
  });

  it('gives each account its own dashboard key', () => {
    expect(accountKeys.dashboard('a1')).not.toEqual(accountKeys.dashboard('a2'));
    expect(accountKeys.dashboard('a1')).toEqual(['accounts', 'dashboard', 'a1']);
  });
});

describe('settingsKeys and authKeys', () => {
  it('nest under their own prefixes, apart from the accounts', () => {
    startsWith(settingsKeys.view(), settingsKeys.all);
    startsWith(authKeys.identities(), authKeys.all);
    startsWith(authKeys.discovery('id-1'), authKeys.all);
    expect(authKeys.discovery('id-1')).not.toEqual(authKeys.discovery('id-2'));
    expect(settingsKeys.all[0]).not.toBe(accountKeys.all[0]);
  });
});
