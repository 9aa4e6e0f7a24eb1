/** A runtime value; timestamps are milliseconds since the epoch and timeintervals are milliseconds. */
export type Value =
  | { type: 'double'; value: number }
  | { type: 'doubleVec'; value: readonly number[] }
  | { type: 'string'; value: string }
  | { type: 'timestamp'; value: number }
  | { type: 'timeinterval'; value: number };

/** The name of a value's type, as the docs spell it. */
export type ValueType = Value['type'];

/** Wraps a number as a double. */
export function double(value: number): Value {
  return { type: 'double', value };
}

/** Wraps numbers as a doubleVec. */
export function doubleVec(value: readonly number[]): Value {
  return { type: 'doubleVec', value };
}

/** Wraps text as a string value. */
export function text(value: string): Value {
  return { type: 'string', value };
}

/** Wraps an epoch-milliseconds instant as a timestamp. */
export function timestamp(value: number): Value {
  return { type: 'timestamp', value };
}

/** Wraps a millisecond duration as a timeinterval. */
export function timeinterval(value: number): Value {
  return { type: 'timeinterval', value };
}

/** Comparisons and logical operators yield 1 for true and 0 for false. */
export function truth(condition: boolean): Value {
  return double(condition ? 1 : 0);
}

/** Whether a double counts as true: nonzero is true, as in the docs' ternary rule. */
export function isTrue(value: number): boolean {
  return value !== 0 && !Number.isNaN(value);
}

/** Formats a double with at most 15 significant digits, so 1.1 * 3 reads 3.3 rather than 3.3000000000000003. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value === 0 ? 0 : value);
  return String(Number(value.toPrecision(15)));
}

/** Formats a timeinterval as .NET's TimeSpan does: `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatTimeInterval(milliseconds: number): string {
  const ticks = Math.round(Math.abs(milliseconds) * 10_000);
  const fraction = ticks % 10_000_000;
  const totalSeconds = Math.floor(ticks / 10_000_000);
  const days = Math.floor(totalSeconds / 86_400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor(totalSeconds / 3600) % 24)}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}`;
  const sign = milliseconds < 0 && ticks > 0 ? '-' : '';
  return `${sign}${days > 0 ? `${days}.` : ''}${clock}${fraction > 0 ? `.${String(fraction).padStart(7, '0')}` : ''}`;
}

/** Formats any value the way the service lists it in AutoScaleRun.results. */
export function formatValue(value: Value): string {
  switch (value.type) {
    case 'double':
      return formatNumber(value.value);
    case 'doubleVec':
      return `[${value.value.map(formatNumber).join(',')}]`;
    case 'string':
      return value.value;
    case 'timestamp':
      return new Date(value.value).toISOString();
    case 'timeinterval':
      return formatTimeInterval(value.value);
  }
}
