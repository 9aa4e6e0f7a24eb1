// `/` focuses a list's search box and `r` refreshes the view, except while the user is typing somewhere.

/** The parts of a keydown event the decision reads. */
export interface ListKeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The focused element's tag name (upper case, as the DOM gives it). */
  targetTag?: string;
  /** True when the focused element is contenteditable or a text-entry role. */
  targetEditable?: boolean;
}

/** What a key press asks the view to do. */
export type ListKeyAction = 'search' | 'refresh';

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The action for a key press, or undefined when it is not a list shortcut or the user is typing. */
export function listKeyAction(input: ListKeyInput): ListKeyAction | undefined {
  if (input.altKey || input.ctrlKey || input.metaKey) return undefined;
  if (input.targetEditable || TYPING_TAGS.has(input.targetTag ?? '')) return undefined;
  if (input.key === '/') return 'search';
  if (input.key === 'r' || input.key === 'R') return 'refresh';
  return undefined;
}
