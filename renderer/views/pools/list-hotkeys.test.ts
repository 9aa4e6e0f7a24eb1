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

  it('stays out of the way while typing or with modifiers (Ctrl+R reloads)', () => {
    expect(listHotkey(press('r', { target: { tagName: 'INPUT', type: 'search' } }))).toBeUndefined();
    expect(listHotkey(press('/', { target: { tagName: 'TEXTAREA' } }))).toBeUndefined();
    expect(listHotkey(press('r', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeUndefined();
    expect(listHotkey(press('r', { ctrlKey: true }))).toBeUndefined();
    expect(listHotkey(press('/', { metaKey: true }))).toBeUndefined();
  });

  it('still works from buttons, checkboxes and the heatmap canvas', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(listHotkey(press('r', { target: { tagName: 'BUTTON' } }))).toBe('refresh');
    expect(listHotkey(press('r', { target: { tagName: 'CANVAS' } }))).toBe('refresh');
    expect(listHotkey(press('r', { target: null }))).toBe('refresh');
  });
});
