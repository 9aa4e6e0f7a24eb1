import { describe, expect, it } from 'vitest';
import { formatDuration, isoDurationMs, msToIsoDuration, parseDurationInput, spanMs, updatedAgo } from './time-format';

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(3 * 60_000 + 5_000)).toBe('3m 05s');
    expect(formatDuration(2 * 3_600_000 + 7 * 60_000)).toBe('2h 07m');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 04h');
  });

  it('shows a dash for nothing or a negative span', () => {
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('spanMs', () => {
  it('measures start to end, or start to now while running', () => {
    expect(spanMs('2024-01-01T00:00:00Z', '2024-01-01T00:00:02.5Z', 0)).toBe(2_500);
    expect(spanMs('2024-01-01T00:00:00Z', undefined, Date.parse('2024-01-01T00:01:00Z'))).toBe(60_000);
    expect(spanMs(undefined, '2024-01-01T00:00:00Z', 0)).toBeUndefined();
    expect(spanMs('garbage', undefined, 0)).toBeUndefined();
  });
});

describe('updatedAgo', () => {
  it('says how long ago the data arrived', () => {
    expect(updatedAgo(0, 10_000)).toBe('Not loaded yet');
    expect(updatedAgo(9_500, 10_000)).toBe('Updated just now');
    expect(updatedAgo(1_000, 31_000)).toBe('Updated 30 s ago');
  });
});

describe('ISO durations', () => {
  it('reads day-time durations', () => {
    expect(isoDurationMs('PT1H30M')).toBe(5_400_000);
    expect(isoDurationMs('P2DT3H')).toBe(2 * 86_400_000 + 3 * 3_600_000);
    expect(isoDurationMs('PT0.5S')).toBe(500);
    expect(isoDurationMs('P')).toBeUndefined();
    expect(isoDurationMs('PT')).toBeUndefined();
    expect(isoDurationMs('P1Y')).toBeUndefined();
  });

  it('writes whole seconds back', () => {
    expect(msToIsoDuration(5_400_000)).toBe('PT1H30M');
    expect(msToIsoDuration(86_400_000 + 1_000)).toBe('P1DT1S');
    expect(msToIsoDuration(2 * 86_400_000)).toBe('P2D');
    expect(msToIsoDuration(0)).toBe('PT0S');
  });
});

describe('parseDurationInput', () => {
  it('accepts ISO and shorthand, answering ISO', () => {
    expect(parseDurationInput('  ')).toEqual({ kind: 'empty' });
    expect(parseDurationInput('PT2H')).toEqual({ kind: 'ok', iso: 'PT2H', ms: 7_200_000 });
    expect(parseDurationInput('1h 30m')).toEqual({ kind: 'ok', iso: 'PT1H30M', ms: 5_400_000 });
    expect(parseDurationInput('90m')).toMatchObject({ iso: 'PT1H30M' });
    expect(parseDurationInput('2d')).toMatchObject({ iso: 'P2D' });
  });

  it('refuses bare numbers, nonsense and zero with a message', () => {
    for (const text of ['30', 'soon', '1x', 'PT0S', '0m']) {
      const result = parseDurationInput(text);
      expect(result.kind, text).toBe('invalid');
    }
  });
});
