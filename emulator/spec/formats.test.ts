import { describe, expect, it } from 'vitest';
import { INTEGER_RANGES, isDateTime, isDuration } from './formats';

describe('isDateTime', () => {
  it.each([
    '2016-11-22T22:22:27.2236818Z',
    '2016-11-22T22:22:27Z',
    '2024-02-29T00:00:00Z',
    '2016-11-22T22:22:27.5+05:30',
    '2016-11-22T23:59:59-08:00',
  ])('accepts %s', (text) => {
    expect(isDateTime(text)).toBe(true);
  });

  it.each([
    ['no zone', '2016-11-22T22:22:27'],
    ['date only', '2016-11-22'],
    ['space separator', '2016-11-22 22:22:27Z'],
    ['month 13', '2016-13-01T00:00:00Z'],
    ['31 April', '2016-04-31T00:00:00Z'],
    ['29 Feb in a common year', '2023-02-29T00:00:00Z'],
    ['29 Feb in a century year', '1900-02-29T00:00:00Z'],
    ['hour 24', '2016-11-22T24:00:00Z'],
    ['minute 60', '2016-11-22T10:60:00Z'],
    ['offset hour 24', '2016-11-22T10:00:00+24:00'],
    ['empty fraction', '2016-11-22T10:00:00.Z'],
    ['HTTP date', 'Fri, 17 Feb 2017 00:00:00 GMT'],
    ['epoch number as text', '1479853347'],
  ])('rejects %s', (_why, text) => {
    expect(isDateTime(text)).toBe(false);
  });
});

describe('isDuration', () => {
  it.each(['PT1H', 'PT15M', 'P10675199DT2H48M5.4775807S', 'P1D', 'PT0S', 'P1Y2M3W4DT5H6M7S', 'PT0.5S'])('accepts %s', (text) => {
    expect(isDuration(text)).toBe(true);
  });

  it.each([
    ['bare P', 'P'],
    ['T with no time part', 'P1DT'],
    ['missing P', 'T1H'],
    ['time unit without T', 'P1H'],
    ['negative', '-PT1H'],
    ['units out of order', 'PT1M1H'],
    ['fraction off the seconds', 'PT1.5H'],
    ['.NET TimeSpan text', '01:00:00'],
    ['lower case', 'pt1h'],
  ])('rejects %s', (_why, text) => {
    expect(isDuration(text)).toBe(false);
  });
});

describe('INTEGER_RANGES', () => {
  it('bounds int32 at the two’s-complement limits', () => {
    expect(INTEGER_RANGES.int32).toEqual([-2147483648, 2147483647]);
  });
});
