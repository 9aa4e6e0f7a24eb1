import { describe, expect, it } from 'vitest';
import { isTypingTarget, listHotkey, type ListKeyInput } from './list-hotkeys';

const press = (key: string, changes: Partial<ListKeyInput> = {}): ListKeyInput => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target: { tagName: 'BODY' },
  ...changes,
});

describe('listHotkey', () => {
  it('maps / to search and r to refresh', () => {
    expect(listHotkey(press('/'))).toBe('search');
    expect(listHotkey(press('r'))).toBe('refresh');
    expect(listHotkey(press('R'))).toBe('refresh');
    expect(listHotkey(press('x'))).toBeUndefined();
  });

  it('ignores keys typed into a field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(listHotkey(press('r', { target: { tagName } }))).toBeUndefined();
    expect(listHotkey(press('r', { target: { tagName: 'INPUT', type: 'search' } }))).toBeUndefined();
    expect(listHotkey(press('r', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeUndefined();
    expect(listHotkey(press('/', { target: { tagName: 'DIV', role: 'textbox' } }))).toBeUndefined();
  });

  it('leaves modified keys to the browser and the app (Ctrl+R reloads, Alt+digits switch sections)', () => {
    expect(listHotkey(press('r', { ctrlKey: true }))).toBeUndefined();
    expect(listHotkey(press('r', { metaKey: true }))).toBeUndefined();
    expect(listHotkey(press('/', { altKey: true }))).toBeUndefined();
  });

  it('still works from buttons, checkboxes and the heatmap canvas', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(listHotkey(press('r', { target: { tagName: 'BUTTON' } }))).toBe('refresh');
    expect(listHotkey(press('r', { target: { tagName: 'CANVAS' } }))).toBe('refresh');
    expect(listHotkey(press('r', { target: null }))).toBe('refresh');
  });
});
