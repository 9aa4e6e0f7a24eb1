import { describe, expect, it } from 'vitest';
import { appKeys } from './keys';

describe('appKeys', () => {
  it('nests every app key under the app prefix so the resource can be invalidated at once', () => {
    expect(appKeys.info()).toEqual(['app', 'info']);
    expect(appKeys.info().slice(0, appKeys.all.length)).toEqual([...appKeys.all]);
  });
});
