import { SECTIONS } from './sections';

/** The parts of a KeyboardEvent the hotkey decision reads. */
export interface HotkeyInput {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The digit of a number-row key; `code` first so layouts where the digit needs Shift (AZERTY) or Alt changes the character (macOS) still work. */
function digitOf(input: HotkeyInput): number | undefined {
  const fromCode = /^Digit([0-9])$/.exec(input.code);
  if (fromCode?.[1]) return Number(fromCode[1]);
  return /^[0-9]$/.test(input.key) ? Number(input.key) : undefined;
}

/** The section index for Alt+1..N or Ctrl+1..N (exactly one of the two, no Shift/Meta); undefined otherwise. */
export function sectionIndexForKey(input: HotkeyInput): number | undefined {
  if (input.altKey === input.ctrlKey || input.metaKey || input.shiftKey) return undefined;
  const digit = digitOf(input);
  if (digit === undefined || digit < 1 || digit > SECTIONS.length) return undefined;
  return digit - 1;
}

/** The hotkey shown to assistive tech for a section index, e.g. "Alt+2 Control+2". */
export function sectionShortcut(index: number): string {
  return `Alt+${index + 1} Control+${index + 1}`;
}
