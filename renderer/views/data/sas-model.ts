// The SAS dialog's choices: expiry presets or custom minutes, and the permission set in the service's order.
import { MAX_SAS_MINUTES } from '../../../shared/contract';

/** An expiry choice: a preset's minutes, or 'custom' for the typed number. */
export type ExpiryChoice = '60' | '1440' | '10080' | 'custom';

/** The presets the dialog offers, then custom. */
export const EXPIRY_CHOICES: readonly { value: ExpiryChoice; label: string }[] = [
  { value: '60', label: '1 hour' },
  { value: '1440', label: '1 day' },
  { value: '10080', label: '7 days' },
  { value: 'custom', label: 'Custom' },
];

/** A SAS permission letter with its label, in the canonical order "racwdl". */
export const SAS_PERMISSIONS = [
  { letter: 'r', label: 'Read' },
  { letter: 'a', label: 'Add' },
  { letter: 'c', label: 'Create' },
  { letter: 'w', label: 'Write' },
  { letter: 'd', label: 'Delete' },
  { letter: 'l', label: 'List' },
] as const;

/** One permission letter. */
export type SasLetter = (typeof SAS_PERMISSIONS)[number]['letter'];

/** The permission string the service takes: the checked letters in canonical order. */
export function permissionString(checked: ReadonlySet<SasLetter>): string {
  return SAS_PERMISSIONS.map((p) => p.letter)
    .filter((l) => checked.has(l))
    .join('');
}

/** How long the SAS lasts in minutes, or why the custom entry cannot be used. */
export function expiryMinutes(choice: ExpiryChoice, customText: string): { ok: true; minutes: number } | { ok: false; message: string } {
  if (choice !== 'custom') return { ok: true, minutes: Number(choice) };
  const text = customText.trim();
  if (!/^\d+$/.test(text)) return { ok: false, message: 'Type a whole number of minutes' };
  const minutes = Number(text);
  if (minutes < 1) return { ok: false, message: 'The SAS must last at least a minute' };
  if (minutes > MAX_SAS_MINUTES) return { ok: false, message: `A SAS lasts at most ${MAX_SAS_MINUTES} minutes (30 days)` };
  return { ok: true, minutes };
}
