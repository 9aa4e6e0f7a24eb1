/** Inclusive bounds of the integer formats; int64 bounds are the nearest doubles, as JSON numbers arrive as doubles. */
export const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63],
};

// An instant needs a zone designator: without one the text names a local time, not a point in time.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

// Fractions only on seconds: that is the one place .NET's XmlConvert (the service's serializer) writes them.
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:(T)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `text` is an ISO-8601 instant: full date, time, optional fraction, and `Z` or a ±hh:mm offset. */
export function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

/** Whether `text` is an ISO-8601 duration such as `PT1H` or `P10675199DT2H48M5.4775807S`. */
export function isDuration(text: string): boolean {
  const m = DURATION.exec(text);
  if (!m) return false;
  const dateParts = m.slice(1, 5);
  const timeParts = m.slice(6, 9);
  // 'P' alone and a 'T' with nothing after it both match the pattern but name no length of time.
  if (m[5] !== undefined && timeParts.every((part) => part === undefined)) return false;
  return [...dateParts, ...timeParts].some((part) => part !== undefined);
}
