// .NET ticks (100 ns since 0001-01-01) at the Unix epoch: the service's ETags are hex tick counts.
const EPOCH_TICKS = 621_355_968_000_000_000n;

let lastTicks = 0n;

/** A fresh ETag in the service's style (0x8D…), strictly increasing within this process. */
export function newETag(now = Date.now()): string {
  const ticks = BigInt(now) * 10_000n + EPOCH_TICKS;
  lastTicks = ticks > lastTicks ? ticks : lastTicks + 1n;
  return `0x${lastTicks.toString(16).toUpperCase()}`;
}

/** A deterministic ETag for a point in time, for entities versioned by when they last changed. */
export function eTagAt(ms: number): string {
  return `0x${(BigInt(ms) * 10_000n + EPOCH_TICKS).toString(16).toUpperCase()}`;
}

/** ISO-8601 UTC text of a millisecond timestamp, as bodies carry it. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** RFC 1123 text of a millisecond timestamp, as Last-Modified and other date headers carry it. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
