import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { accountsStore } from '../accounts/records';
import { AccountsService, LOCAL_ACCOUNT_ID } from '../accounts/service';
import { EventBus } from '../events';
import { monitoringHandlers } from '../monitor/handlers';
import { HistoryStore } from '../monitor/history-store';
import { Monitor } from '../monitor/sampler';
import { MemoryVault } from '../vault/vault';
import { failureHandlers } from './handlers';
import { failureSummary } from './summary';

const dir = mkdtempSync(join(tmpdir(), 'bl-failures-'));
const accountId = LOCAL_ACCOUNT_ID;
let emulator: RunningEmulator;
let monitor: Monitor;
let accounts: AccountsService;
let batch: ReturnType<typeof monitoringHandlers>;

const pool = {
  id: 'failpool',
  vmSize: 'standard_d2s_v3',
  targetDedicatedNodes: 2,
  virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'ubuntu', sku: '22_04-lts' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' },
};

beforeAll(async () => {
  emulator = await startEmulator({ dataDir: join(dir, 'emu'), fsync: false, nodeDelays: { allocate: 20, create: 20, start: 20 } });
  const events = new EventBus();
  accounts = new AccountsService({
    store: accountsStore(join(dir, 'app')),
    vault: () => new MemoryVault(),
    events,
    local: () => ({ url: emulator.url, account: emulator.account, key: emulator.key, running: () => true }),
  });
  monitor = new Monitor({ accounts, history: new HistoryStore(join(dir, 'history')), events });
  batch = monitoringHandlers(accounts, monitor, events);
  await batch['pools.add']({ accountId, pool });
  await batch['jobs.add']({ accountId, job: { id: 'mixed', poolInfo: { poolId: 'failpool' } } });
  const exits = [0, 1, 1, 1, 2, 2, 0, 3];
  await batch['tasks.add']({
    accountId,
    jobId: 'mixed',
    operationId: 'failures-0001',
    tasks: exits.map((code, i) => ({ id: `t${i}`, commandLine: `/bin/sh -c "echo boom-${i} >&2; exit ${code}"` })),
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const counts = await batch['jobs.taskCounts']({ accountId, jobIds: ['mixed'] });
    if (counts.mixed?.counts?.completed === exits.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 90_000);

afterAll(async () => {
  await monitor.stop();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('failures.summary', () => {
  it('groups a job with mixed exit codes by cause and by node, with counts', async () => {
    const summary = await failureHandlers(accounts)['failures.summary']({ accountId, jobId: 'mixed' });
    expect(summary.failedTasks).toBe(6);
    expect(summary.truncated).toBe(false);
    expect(summary.byCause.map((g) => [g.exitCode, g.count, g.category])).toEqual([
      [1, 3, 'userError'],
      [2, 2, 'userError'],
      [3, 1, 'userError'],
    ]);
    expect(summary.byCause[0]?.taskIds.sort()).toEqual(['t1', 't2', 't3']);
    expect(summary.byNode.reduce((sum, g) => sum + g.count, 0)).toBe(6);
    expect(summary.byNode.every((g) => g.poolId === 'failpool' && g.poolMean === 3)).toBe(true);
  });

  it('says when it read only part of the failures', async () => {
    const summary = await accounts.withClient(accountId, (client, signal) => failureSummary(client, 'mixed', signal as unknown as AbortSignalLike, 4));
    expect(summary).toMatchObject({ failedTasks: 4, truncated: true });
  });

  it('answers the service error for a missing job', async () => {
    await expect(failureHandlers(accounts)['failures.summary']({ accountId, jobId: 'nope' })).rejects.toMatchObject({ code: 'JobNotFound' });
  });
});
