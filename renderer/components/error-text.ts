import { isAppErrorShape } from '../../shared/errors';

/** What an inline error shows: the service's (or the app's) code and its message. */
export interface ErrorText {
  code?: string;
  message: string;
  /** The service's detail pairs, e.g. "PropertyName: vmSize", when it sent any. */
  details?: string[];
}

function detailLines(details: unknown): string[] | undefined {
  const values = (details as { values?: unknown } | undefined)?.values;
  if (!Array.isArray(values)) return undefined;
  const lines = values
    .filter((v): v is { key?: unknown; value?: unknown } => typeof v === 'object' && v !== null)
    .map((v) => `${String(v.key ?? '')}: ${String(v.value ?? '')}`);
  return lines.length ? lines : undefined;
}

/** The code and message of anything thrown by a call; never empty, so an error is never a blank view. */
export function errorText(error: unknown): ErrorText {
  if (isAppErrorShape(error)) {
    const message = error.message.trim() || 'The call failed without a message';
    const out: ErrorText = error.code ? { code: error.code, message } : { message };
    const details = detailLines(error.details);
    if (details) out.details = details;
    return out;
  }
  if (error instanceof Error && error.message.trim()) return { message: error.message.trim() };
  return { message: 'Something went wrong, and no reason was given' };
}

/** One line for an error: "Code: message", without repeating a code the message already names. */
export function errorLine(error: unknown): string {
  const { code, message } = errorText(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
