import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { AppError } from '../../../shared/errors';
import type { SampleWorkload } from '../../../shared/models';
import { serviceError } from '../batch/clients';

export const SAMPLE_POOL_ID = 'sample-pool';
const TASKS = 12;

function taskCommand(index: number, fails: boolean, platform: NodeJS.Platform): string {
  const seconds = 2 + (index % 4);
  if (platform === 'win32') {
    const end = fails ? `echo item ${index} could not be processed 1>&2 & exit /b 3` : `echo item ${index} done`;
    return `cmd.exe /c "echo processing item ${index} & ping -n ${seconds + 1} 127.0.0.1 >nul & ${end}"`;
  }
  const end = fails ? `echo "item ${index}: could not be processed" >&2; exit 3` : `echo "item ${index} done"`;
  return `/bin/sh -c "echo processing item ${index}; sleep ${seconds}; ${end}"`;
}

/** The tasks of the sample job: a few seconds each, every fourth one failing with exit code 3. */
export function sampleTasks(platform: NodeJS.Platform = process.platform): BatchServiceModels.TaskAddParameter[] {
  return Array.from({ length: TASKS }, (_, i) => ({
    id: `item-${String(i + 1).padStart(2, '0')}`,
    displayName: `Process item ${i + 1}`,
    commandLine: taskCommand(i + 1, (i + 1) % 4 === 0, platform),
  }));
}

function jobId(now: Date): string {
  return `sample-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
}

/** Creates (or reuses) a small pool and starts a job of short tasks, some failing, so a newcomer sees live numbers. */
export async function runSampleWorkload(client: BatchServiceClient, now = new Date()): Promise<SampleWorkload> {
  try {
    const exists = await client.pool.exists(SAMPLE_POOL_ID);
    if (!(exists as unknown as { body?: boolean }).body) {
      await client.pool.add({
        id: SAMPLE_POOL_ID,
        displayName: 'Sample pool',
        vmSize: 'standard_d2s_v3',
        virtualMachineConfiguration: {
          imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
          nodeAgentSKUId: 'batch.node.ubuntu 22.04',
        },
        targetDedicatedNodes: 2,
        taskSlotsPerNode: 2,
      });
    }
    const id = jobId(now);
    await client.job.add({ id, displayName: 'Sample workload', poolInfo: { poolId: SAMPLE_POOL_ID } });
    const tasks = sampleTasks();
    const result = await client.task.addCollection(id, tasks);
    const failed = (result.value ?? []).filter((r) => r.status !== 'success');
    if (failed.length > 0) {
      throw new AppError({
        code: 'SampleTasksRejected',
        message: `${failed.length} sample task(s) were not added: ${failed[0]?.error?.message?.value ?? failed[0]?.status}`,
      });
    }
    return { poolId: SAMPLE_POOL_ID, jobId: id, taskCount: tasks.length };
  } catch (error) {
    throw serviceError(error);
  }
}
