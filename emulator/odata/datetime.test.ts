import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from './datetime.js';

describe('parseIsoInstant', () => {
  it('agrees with Date.parse on well-formed UTC timestamps', () => {
    for (const text of [
      '2024-01-01T00:00:00Z',
      '2024-02-29T23:59:59.999Z',
      '1999-12-31T12:34:56.7Z',
      '2038-01-19T03:14:08+05:30',
      '1969-07-20T20:17:40-04:00',
      '2024-06-15T08:30Z',
      '2000-03-01',
    ]) {
      expect(parseIsoInstant(text), text).toBe(Date.parse(text));
    }
  });

  it('reads offset-less timestamps as UTC and truncates sub-millisecond digits', () => {
    expect(parseIsoInstant('2024-01-01T00:00:00')).toBe(Date.UTC(2024, 0, 1));
    expect(parseIsoInstant('2024-01-01T00:00:00.1239999Z')).toBe(Date.UTC(2024, 0, 1, 0, 0, 0, 123));
    expect(parseIsoInstant('2024-01-01t00:00:00z')).toBe(Date.UTC(2024, 0, 1));
  });

  it('handles years before 100 without the Date.UTC two-digit-year quirk', () => {
    expect(parseIsoInstant('0001-01-01T00:00:00Z')).toBe(-62135596800000);
  });

  it('rejects malformed or out-of-range values', () => {
    for (const text of [
      '',
      '2024',
      '2024-1-01',
      '2024-00-10',
      '2024-13-01',
      '2023-02-29',
      '2024-04-31',
      '2024-01-01T24:00:00Z',
      '2024-01-01T12:60:00Z',
      '2024-01-01T12:00:60Z',
      '2024-01-01T12:00:00.Z',
      '2024-01-01T12:00:00+5:00',
      '2024-01-01T12:00:00+24:00',
      '2024-01-01T12:00:00ZZ',
      '2024-01-01 12:00:00Z',
      '2024-01-01T12',
      'yesterday',
    ]) {
      expect(parseIsoInstant(text), text).toBeUndefined();
    }
  });
});
