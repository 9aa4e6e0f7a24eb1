import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from './index.js';
import { taskPuts, taskValue, tempDir } from './test-support.js';

const TASKS = 200_000;
const BATCH = 100;
const IN_FLIGHT = 8;

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir('scale'));
});
afterAll(async () => {
  await remove();
});

describe('scale', () => {
  it(`commits ${TASKS} task-sized records in batches of ${BATCH} and recovers them all`, { timeout: 300_000 }, async () => {
    const journal = await Journal.open({ dir });
    let nextBatch = 0;
    const writer = async (): Promise<void> => {
      for (let b = nextBatch++; b * BATCH < TASKS; b = nextBatch++) {
        await journal.commit(taskPuts('big', b * BATCH, BATCH));
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, writer));
    expect(journal.writeStats.commits).toBe(TASKS / BATCH);
    await journal.close();

    const reopened = await Journal.open({ dir });
    await reopened.close();
    const tasks = reopened.recovered.get('tasks/big');
    expect(tasks?.size).toBe(TASKS);
    for (let i = 0; i < TASKS; i++) {
      const value = tasks?.get(`task-${i}`) as { id?: string } | undefined;
      if (value?.id !== `task-${String(i).padStart(7, '0')}`) expect.fail(`task-${i} missing or wrong: ${JSON.stringify(value)}`);
    }
    expect(tasks?.get('task-123456')).toEqual(taskValue('big', 123456));
  });
});
