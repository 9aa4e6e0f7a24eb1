// The list shortcuts: `/` focuses the search box, `r` refreshes; neither fires while the user is typing.

/** The parts of a KeyboardEvent the decision reads. */
export interface ListKeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The element the key went to. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** True when the key goes to something the user types into. */
export function isTypingTarget(target: ListKeyInput['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase() ?? '';
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit'].includes(target.type ?? 'text');
  return TYPING_TAGS.has(tag);
}

/** What a key press asks the current view to do, if anything. */
export function listHotkey(input: ListKeyInput): 'search' | 'refresh' | undefined {
  if (input.altKey || input.ctrlKey || input.metaKey || isTypingTarget(input.target)) return undefined;
  if (input.key === '/') return 'search';
  if (input.key === 'r' || input.key === 'R') return 'refresh';
  return undefined;
}
