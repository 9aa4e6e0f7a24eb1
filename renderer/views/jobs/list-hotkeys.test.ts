import { describe, expect, it } from 'vitest';
import { listKeyAction } from './list-hotkeys';

const press = (key: string, extra: Partial<Parameters<typeof listKeyAction>[0]> = {}) =>
  listKeyAction({ key, altKey: false, ctrlKey: false, metaKey: false, targetTag: 'BODY', ...extra });

describe('listKeyAction', () => {
  it('maps / to search and r to refresh', () => {
    expect(press('/')).toBe('search');
    expect(press('r')).toBe('refresh');
    expect(press('R')).toBe('refresh');
    expect(press('x')).toBeUndefined();
  });

  it('ignores keys typed into a field', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(press('r', { targetTag: tag })).toBeUndefined();
    expect(press('/', { targetEditable: true })).toBeUndefined();
  });

  it('leaves modified keys to the browser and the app (Ctrl+R reloads, Alt+digits switch sections)', () => {
    expect(press('r', { ctrlKey: true })).toBeUndefined();
    expect(press('r', { metaKey: true })).toBeUndefined();
    expect(press('/', { altKey: true })).toBeUndefined();
  });
});
