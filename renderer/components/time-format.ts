// Durations and times as the job and task views show them, plus the ISO 8601 durations the Batch service takes.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact human duration: "850 ms", "42 s", "3m 05s", "2h 07m", "3d 04h"; "—" for nothing or a negative span. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m ${pad(Math.floor((ms % MINUTE) / SECOND))}s`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${pad(Math.floor((ms % HOUR) / MINUTE))}m`;
  return `${Math.floor(ms / DAY)}d ${pad(Math.floor((ms % DAY) / HOUR))}h`;
}

/** Milliseconds between two ISO times; a missing end means "still going" and uses `now`. */
export function spanMs(startIso: string | undefined, endIso: string | undefined, now: number): number | undefined {
  if (!startIso) return undefined;
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return end - start;
}

/** A local date and time for a table cell, or "—". */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/** "Updated 5 s ago" style text for the last successful refresh. */
export function updatedAgo(updatedAt: number, now: number): string {
  if (!updatedAt) return 'Not loaded yet';
  const ms = Math.max(0, now - updatedAt);
  if (ms < 2 * SECOND) return 'Updated just now';
  return `Updated ${formatDuration(ms)} ago`;
}

// Day-time durations only: the service never takes years or months.
const ISO_PATTERN = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const SHORT_PATTERN = /^(?:(\d+(?:\.\d+)?)\s*d)?\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/i;

/** Milliseconds of an ISO 8601 day-time duration such as "PT1H30M" or "P2DT3H"; undefined when it is not one. */
export function isoDurationMs(text: string): number | undefined {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return undefined;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(m ?? 0) * MINUTE + Number(s ?? 0) * SECOND;
}

/** The ISO 8601 duration of a number of milliseconds, in whole seconds: 5_400_000 → "PT1H30M". */
export function msToIsoDuration(ms: number): string {
  let rest = Math.round(ms / SECOND);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** Result of reading a duration field: nothing typed, a valid ISO duration, or a message saying what is wrong. */
export type DurationInput = { kind: 'empty' } | { kind: 'ok'; iso: string; ms: number } | { kind: 'invalid'; message: string };

/**
 * Reads a duration typed by a person: ISO 8601 ("PT1H30M") or shorthand ("1h 30m", "90m", "45s", "2d").
 * A bare number is refused rather than guessed, since minutes and seconds are both plausible.
 */
export function parseDurationInput(text: string): DurationInput {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  let ms = isoDurationMs(trimmed);
  if (ms === undefined && /[dhms]/i.test(trimmed)) {
    const match = SHORT_PATTERN.exec(trimmed);
    if (match) {
      const [, d, h, m, s] = match;
      ms = Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(m ?? 0) * MINUTE + Number(s ?? 0) * SECOND;
    }
  }
  if (ms === undefined) return { kind: 'invalid', message: `"${trimmed}" is not a duration; use e.g. 1h 30m, 45s or PT1H30M` };
  if (ms <= 0) return { kind: 'invalid', message: 'The duration must be longer than zero' };
  return { kind: 'ok', iso: msToIsoDuration(ms), ms };
}
