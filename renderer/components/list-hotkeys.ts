// The list shortcuts: `/` focuses the search box, `r` refreshes; neither fires while the user is typing.

/** The parts of a KeyboardEvent the decision reads. */
export interface ListKeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The element the key went to (its ARIA role too, since Fluent comboboxes and editors are not always inputs). */
  target: { tagName?: string; isContentEditable?: boolean; type?: string; role?: string | null } | null;
}

/** What a key press asks the view to do. */
export type ListKeyAction = 'search' | 'refresh';

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit']);

/** True when the key goes to something the user types into. */
export function isTypingTarget(target: ListKeyInput['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.role === 'textbox') return true;
  const tag = target.tagName?.toUpperCase() ?? '';
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has(target.type ?? 'text');
  return TYPING_TAGS.has(tag);
}

/** The action for a key press, or undefined when it is not a list shortcut or the user is typing. */
export function listHotkey(input: ListKeyInput): ListKeyAction | undefined {
  if (input.altKey || input.ctrlKey || input.metaKey || isTypingTarget(input.target)) return undefined;
  if (input.key === '/') return 'search';
  if (input.key === 'r' || input.key === 'R') return 'refresh';
  return undefined;
}
