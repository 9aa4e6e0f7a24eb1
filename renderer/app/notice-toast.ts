import type { ToastIntent, ToastPoliteness } from '@fluentui/react-components';
import type { Notice } from '../../shared/models';

/** How a notice is shown as a toast. */
export interface NoticeToast {
  message: string;
  intent: ToastIntent;
  /** Milliseconds on screen; -1 keeps it until dismissed. */
  timeout: number;
  politeness: ToastPoliteness;
}

const LEVELS: ReadonlySet<string> = new Set(['info', 'warning', 'error']);

/** The toast for a notice, or undefined for a payload that is not a notice (events cross a process boundary). */
export function noticeToast(payload: unknown): NoticeToast | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { level, message } = payload as Record<string, unknown>;
  if (typeof message !== 'string' || typeof level !== 'string' || !LEVELS.has(level)) return undefined;
  const intent = level as Notice['level'];
  // Errors stay until dismissed and interrupt screen readers: they usually need action.
  if (intent === 'error') return { message, intent, timeout: -1, politeness: 'assertive' };
  return { message, intent, timeout: intent === 'warning' ? 8_000 : 5_000, politeness: 'polite' };
}
