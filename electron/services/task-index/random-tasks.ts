// Seeded random tasks for the index's tests: every state, results, missing values and plenty of ties.
import type { TaskFacts } from './store';

const t = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));
const STATES = ['active', 'preparing', 'running', 'completed', undefined];

/** A seeded generator of numbers and of tasks, so a failing run can be repeated exactly. */
export function randomTasks(seed: number): { random: (n: number) => number; task: (id: string) => TaskFacts } {
  const random = (n: number) => {
    // A 32-bit LCG's low bits repeat with short periods (the lowest one alternates), which made some columns nearly
    // empty; its top 16 bits are usable.
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const task = (id: string): TaskFacts => {
    const start = random(3) ? t(random(50)) : undefined;
    const ended = start && random(2) ? new Date(start.getTime() + random(5) * 60_000) : undefined;
    return {
      id,
      ...(random(3) ? {} : { displayName: `Name ${random(40)}` }),
      state: STATES[random(5)],
      creationTime: t(random(20)),
      executionInfo: { startTime: start, endTime: ended, exitCode: ended ? random(3) - 1 : undefined, result: ended ? (random(2) ? 'success' : 'failure') : undefined, retryCount: random(2) ? random(3) : undefined },
      ...(random(4) ? { nodeInfo: { nodeId: `n${random(6)}`, poolId: 'p' } } : {}),
    };
  };
  return { random, task };
}
