import type { TimestampMember } from './ast.js';

/** W3C-DTF: YYYY, YYYY-MM, YYYY-MM-DD, or a date with hh:mm[:ss[.s+]] and a zone designator. */
const W3C_DTF = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** RFC 1123, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (the form .NET's "r" format writes). */
const RFC_1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UTC|Z)$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Parses the dateTime formats `time(string)` accepts, returning epoch milliseconds or undefined. */
export function parseDateTime(input: string): number | undefined {
  const text = input.trim();
  const dtf = W3C_DTF.exec(text);
  if (dtf) {
    const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = dtf;
    const millis = Math.round(Number(`0.${fraction || '0'}`) * 1000);
    const local = fromParts(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second));
    if (local === undefined) return undefined;
    return local + millis - zoneOffset(zone);
  }
  const rfc = RFC_1123.exec(text);
  if (rfc) {
    const [, weekday = '', day, month = '', year, hour, minute, second] = rfc;
    const value = fromParts(Number(year), MONTHS.indexOf(month) + 1, Number(day), Number(hour), Number(minute), Number(second));
    if (value === undefined || WEEKDAYS[new Date(value).getUTCDay()] !== weekday) return undefined;
    return value;
  }
  return undefined;
}

/** Builds a UTC instant, rejecting out-of-range fields rather than letting Date roll them over. */
function fromParts(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getUTCDate() === day ? date.getTime() : undefined;
}

function zoneOffset(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours = 0, minutes = 0] = zone.slice(1).split(':').map(Number);
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Reads a member of a timestamp in UTC; weekday counts Monday as 1 through Sunday as 7. */
export function timestampMember(instant: number, member: TimestampMember): number {
  const date = new Date(instant);
  switch (member) {
    case 'year':
      return date.getUTCFullYear();
    case 'month':
      return date.getUTCMonth() + 1;
    case 'day':
      return date.getUTCDate();
    case 'weekday':
      return date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    case 'hour':
      return date.getUTCHours();
    case 'minute':
      return date.getUTCMinutes();
    case 'second':
      return date.getUTCSeconds();
  }
}
