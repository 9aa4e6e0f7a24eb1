import { expect, type Page } from '@playwright/test';
import { callApi, poolSpec } from './api';

/** The id of the web host's built-in "Local emulator" account. */
export async function localAccountId(page: Page, origin: string): Promise<string> {
  const local = (await callApi(page, origin, 'accounts.list', {})).find((a) => a.kind === 'local');
  if (!local) throw new Error('the web host has no local emulator account');
  return local.id;
}

/** Creates a pool of `nodes` emulator nodes and waits until all of them are idle. */
export async function createIdlePool(page: Page, origin: string, accountId: string, poolId: string, nodes: number): Promise<void> {
  await callApi(page, origin, 'pools.add', { accountId, pool: poolSpec(poolId, nodes) });
  const idle = async () => (await callApi(page, origin, 'nodes.list', { accountId, poolId })).filter((n) => n.state === 'idle').length;
  await expect.poll(idle, { timeout: 60_000 }).toBe(nodes);
}

/** Adds tasks to a job and fails the test if any was refused. */
export async function addTasks(page: Page, origin: string, accountId: string, jobId: string, tasks: { id: string; commandLine: string }[]): Promise<void> {
  const operationId = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const results = await callApi(page, origin, 'tasks.add', { accountId, jobId, operationId, tasks });
  expect(results.filter((r) => !r.ok)).toEqual([]);
}

/** The state of one task. */
export async function taskState(page: Page, origin: string, accountId: string, jobId: string, taskId: string): Promise<string | undefined> {
  return (await callApi(page, origin, 'tasks.get', { accountId, jobId, taskId })).state;
}
