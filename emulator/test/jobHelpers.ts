// Shared by the integration tests of tasks, jobs and job schedules: pools, polling for states, node files.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from './helpers.js';

/** A VM configuration the emulator accepts (images are not checked). */
export const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };

/** The node binary, quoted for a command line. */
export const NODE = JSON.stringify(process.execPath);

/** A command line running a JavaScript snippet with node. */
export function nodeScript(source: string): string {
  return `${NODE} -e ${JSON.stringify(source)}`;
}

/** A command line that sleeps for `seconds` and exits with `code`. */
export function sleepThenExit(seconds: number, code = 0): string {
  return `/bin/sh -c "sleep ${seconds}; exit ${code}"`;
}

/**
 * A command line that waits until the test calls `openGate(dataDir, name)`, then exits with `code`.
 * The gate is a file in the emulator's data folder, which every node's tasks can reach.
 */
export function untilGate(name: string, code = 0): string {
  return `/bin/sh -c "while [ ! -f $AZ_BATCH_NODE_ROOT_DIR/../../${name} ]; do sleep 0.02; done; exit ${code}"`;
}

/** Lets the tasks waiting at a gate go on. */
export function openGate(dataDir: string, name: string): Promise<void> {
  return writeFile(join(dataDir, name), '');
}

/** Adds a pool and waits until its nodes are idle. */
export async function idlePool(client: BatchServiceClient, id: string, nodes: number, slots = 1): Promise<BatchServiceModels.ComputeNode[]> {
  await client.pool.add({ id, vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: nodes, taskSlotsPerNode: slots });
  return waitFor(async () => {
    const list = await client.computeNode.list(id);
    return list.length === nodes && list.every((n) => n.state === 'idle') ? list : undefined;
  }, 15_000, `${id} idle`);
}

/** Polls a task until `test` holds. */
export function taskWhen(client: BatchServiceClient, jobId: string, taskId: string, test: (t: BatchServiceModels.CloudTask) => boolean, what: string): Promise<BatchServiceModels.CloudTask> {
  return waitFor(async () => {
    const task = await client.task.get(jobId, taskId);
    return test(task) ? task : undefined;
  }, 15_000, what);
}

/** Polls a task until it is completed. */
export function completedTask(client: BatchServiceClient, jobId: string, taskId: string): Promise<BatchServiceModels.CloudTask> {
  return taskWhen(client, jobId, taskId, (t) => t.state === 'completed', `${jobId}/${taskId} completed`);
}

/** Polls a job until `test` holds. */
export function jobWhen(client: BatchServiceClient, jobId: string, test: (j: BatchServiceModels.CloudJob) => boolean, what: string): Promise<BatchServiceModels.CloudJob> {
  return waitFor(async () => {
    const job = await client.job.get(jobId);
    return test(job) ? job : undefined;
  }, 15_000, what);
}

/** Polls a job until it is completed. */
export function completedJob(client: BatchServiceClient, jobId: string): Promise<BatchServiceModels.CloudJob> {
  return jobWhen(client, jobId, (j) => j.state === 'completed', `${jobId} completed`);
}

/** Reads a file of a task as text. */
export async function taskFile(client: BatchServiceClient, jobId: string, taskId: string, name: string): Promise<string> {
  const res = await client.file.getFromTask(jobId, taskId, name);
  const chunks: Buffer[] = [];
  for await (const chunk of res.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a file of a node as text. */
export async function nodeFile(client: BatchServiceClient, poolId: string, nodeId: string, name: string): Promise<string> {
  const res = await client.file.getFromComputeNode(poolId, nodeId, name);
  const chunks: Buffer[] = [];
  for await (const chunk of res.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits `ms` milliseconds (to show that something does not happen). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
