// ISO-8601 durations as the service accepts them (xsd:duration), e.g. PT1H30M or P10675199DT2H48M5.4775807S.
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const MS = { year: 365 * 86_400_000, month: 30 * 86_400_000, week: 7 * 86_400_000, day: 86_400_000, hour: 3_600_000, minute: 60_000 };

/** The service's "unlimited" duration (TimeSpan.MaxValue), used as the default for time limits. */
export const MAX_DURATION = 'P10675199DT2H48M5.4775807S';

/** Milliseconds in an ISO-8601 duration (years 365 days, months 30), or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return (
    n(1) * MS.year + n(2) * MS.month + n(3) * MS.week + n(4) * MS.day + n(5) * MS.hour + n(6) * MS.minute + n(7) * 1000
  );
}
