import { describe, expect, it } from 'vitest';
import { orderAccounts } from './account-order';

const account = (id: string, displayName: string, favourite = false, kind: 'local' | 'sharedKey' | 'entra' = 'sharedKey') => ({
  id,
  displayName,
  favourite,
  kind,
});

describe('orderAccounts', () => {
  it('puts favourites first, each group sorted by name', () => {
    const ordered = orderAccounts([account('1', 'zeta'), account('2', 'Beta', true), account('3', 'alpha'), account('4', 'Alpha2', true)]);
    expect(ordered.map((a) => a.displayName)).toEqual(['Alpha2', 'Beta', 'alpha', 'zeta']);
  });

  it('keeps the local emulator at the top of its group', () => {
    const ordered = orderAccounts([account('a', 'Aardvark'), account('local', 'Local emulator', false, 'local'), account('b', 'Fav', true)]);
    expect(ordered.map((a) => a.id)).toEqual(['b', 'local', 'a']);
  });

  it('orders numbers by value, ignores case, and does not change its input', () => {
    const input = [account('1', 'prod 10'), account('2', 'Prod 9'), account('3', 'prod 1')];
    expect(orderAccounts(input).map((a) => a.displayName)).toEqual(['prod 1', 'Prod 9', 'prod 10']);
    expect(input.map((a) => a.id)).toEqual(['1', '2', '3']);
  });

  it('breaks ties between equal names by id so the order is stable across refreshes', () => {
    expect(orderAccounts([account('b', 'Same'), account('a', 'same')]).map((a) => a.id)).toEqual(['a', 'b']);
  });
});
