// A hand-written ISO-8601 reader: Date.parse reads offset-less timestamps as local time and
// accepts many non-ISO forms, and filters must treat literals and stored values identically.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_PER_DAY = 86_400_000;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Reads `count` decimal digits at `start`, or -1 if any is missing. */
function readDigits(s: string, start: number, count: number): number {
  if (start + count > s.length) return -1;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = s.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (works for years before 100, unlike Date.UTC). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Parses `YYYY-MM-DD` or `YYYY-MM-DDThh:mm[:ss[.fraction]][Z|±hh:mm]` to epoch milliseconds
 * (UTC when no offset is given; fractions beyond milliseconds are truncated), or undefined if invalid.
 */
export function parseIsoInstant(s: string): number | undefined {
  const year = readDigits(s, 0, 4);
  const month = readDigits(s, 5, 2);
  const day = readDigits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > monthDays) return undefined;
  const dateMs = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (s.length === 10) return dateMs;

  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return undefined; // 'T' or 't'
  const hour = readDigits(s, 11, 2);
  const minute = readDigits(s, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || s.charCodeAt(13) !== 58) return undefined;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (s.charCodeAt(i) === 58) {
    second = readDigits(s, i + 1, 2);
    if (second < 0 || second > 59) return undefined;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      i++;
      const fractionStart = i;
      while (i < s.length && isDigit(s.charCodeAt(i))) {
        if (i - fractionStart < 3) millis = millis * 10 + (s.charCodeAt(i) - 48);
        i++;
      }
      const fractionDigits = i - fractionStart;
      if (fractionDigits === 0) return undefined;
      for (let pad = fractionDigits; pad < 3; pad++) millis *= 10;
    }
  }
  let offsetMinutes = 0;
  if (i < s.length) {
    const zone = s.charCodeAt(i);
    if (zone === 90 || zone === 122) {
      i++; // 'Z' or 'z'
    } else if (zone === 43 || zone === 45) {
      const offsetHour = readDigits(s, i + 1, 2);
      const offsetMinute = readDigits(s, i + 4, 2);
      if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return undefined;
      if (s.charCodeAt(i + 3) !== 58) return undefined;
      offsetMinutes = (offsetHour * 60 + offsetMinute) * (zone === 45 ? -1 : 1);
      i += 6;
    } else {
      return undefined;
    }
  }
  if (i !== s.length) return undefined;
  return dateMs + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}
