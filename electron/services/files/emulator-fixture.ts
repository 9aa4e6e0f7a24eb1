import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { nodeRoot, taskDirName } from '../../../emulator/engine/nodeFs';
import { accountsStore } from '../accounts/records';
import { AccountsService, LOCAL_ACCOUNT_ID } from '../accounts/service';
import { EventBus } from '../events';
import { monitoringHandlers } from '../monitor/handlers';
import { HistoryStore } from '../monitor/history-store';
import { Monitor } from '../monitor/sampler';
import { MemoryVault } from '../vault/vault';

/** A local emulator with one pool, one job and one completed task that wrote the files a test needs. */
export interface FilesFixture {
  dir: string;
  accountId: string;
  accounts: AccountsService;
  events: EventBus;
  jobId: string;
  taskId: string;
  nodeId: string;
  /** Where a task file lies on the emulated node's disk, to compare downloads with. */
  taskFileOnDisk(path: string): string;
  close(): Promise<void>;
}

/** Starts the emulator through the real SDK path and runs `script` (sh) as task `taskId` of job `jobId` to completion. */
export async function startFilesFixture(name: string, script: string, ids = { jobId: 'fj', taskId: 'writer' }): Promise<FilesFixture> {
  const dir = mkdtempSync(join(tmpdir(), `bl-${name}-`));
  const emuDir = join(dir, 'emu');
  const emulator: RunningEmulator = await startEmulator({ dataDir: emuDir, fsync: false, nodeDelays: { allocate: 20, create: 20, start: 20 } });
  const events = new EventBus();
  const accounts = new AccountsService({
    store: accountsStore(join(dir, 'app')),
    vault: () => new MemoryVault(),
    events,
    local: () => ({ url: emulator.url, account: emulator.account, key: emulator.key, running: () => true }),
  });
  const monitor = new Monitor({ accounts, history: new HistoryStore(join(dir, 'history')), events });
  const batch = monitoringHandlers(accounts, monitor, events);
  const accountId = LOCAL_ACCOUNT_ID;
  const { jobId, taskId } = ids;
  await batch['pools.add']({
    accountId,
    pool: { id: 'fp', vmSize: 'standard_d2s_v3', targetDedicatedNodes: 1, virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'ubuntu', sku: '22_04-lts' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' } },
  });
  await batch['jobs.add']({ accountId, job: { id: jobId, poolInfo: { poolId: 'fp' } } });
  await batch['tasks.add']({ accountId, jobId, operationId: 'fixture-0001', tasks: [{ id: taskId, commandLine: `/bin/sh -c '${script}'` }] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const task = await batch['tasks.get']({ accountId, jobId, taskId });
    if (task.state === 'completed') {
      if (task.exitCode !== 0) throw new Error(`The fixture task failed with exit code ${task.exitCode}`);
      break;
    }
    if (Date.now() > deadline) throw new Error('The fixture task did not complete in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const nodeId = (await batch['nodes.list']({ accountId, poolId: 'fp' }))[0]!.id;
  return {
    dir,
    accountId,
    accounts,
    events,
    jobId,
    taskId,
    nodeId,
    taskFileOnDisk: (path) => join(nodeRoot(emuDir, nodeId), ...taskDirName(jobId, taskId).split('/'), ...path.split('/')),
    close: async () => {
      await monitor.stop();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
