// The happy paths (and the expected failures) of the issue, driven through @azure/batch as a user would.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';
import type { RunningEmulator } from './index.js';

const VM = {
  imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
  nodeAgentSKUId: 'batch.node.ubuntu 22.04',
};

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function allTasks(jobId: string): Promise<BatchServiceModels.CloudTask[]> {
  const tasks: BatchServiceModels.CloudTask[] = [];
  let page = await client.task.list(jobId);
  tasks.push(...page);
  while (page.odatanextLink) {
    page = await client.task.listNext(page.odatanextLink);
    tasks.push(...page);
  }
  return tasks;
}

// 150 tasks: every tenth fails with exit code 3, the rest succeed; two write to stdout.
function taskBatch(from: number, count: number): BatchServiceModels.TaskAddParameter[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const id = `task-${String(n).padStart(3, '0')}`;
    const commandLine = n % 10 === 0 ? '/bin/sh -c "exit 3"' : `/bin/sh -c "echo out-${n}; echo err-${n} >&2"`;
    return { id, commandLine };
  });
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
});

afterAll(async () => {
  await stop();
});

describe('emulator through @azure/batch', () => {
  it('1: adds a pool whose nodes become idle', async () => {
    await client.pool.add({ id: 'pool-1', vmSize: 'Standard_D2s_v3', virtualMachineConfiguration: VM, targetDedicatedNodes: 3, taskSlotsPerNode: 4 });
    const pool = await client.pool.get('pool-1');
    expect(pool.id).toBe('pool-1');
    expect(pool.vmSize).toBe('standard_d2s_v3');
    expect(pool.targetDedicatedNodes).toBe(3);
    expect(pool.taskSlotsPerNode).toBe(4);
    const nodes = await waitFor(async () => {
      const list = await client.computeNode.list('pool-1');
      return list.length === 3 && list.every((n) => n.state === 'idle') ? list : undefined;
    }, 15_000, 'three idle nodes');
    for (const node of nodes) {
      expect(node.isDedicated).toBe(true);
      expect(node.ipAddress).toMatch(/^10\.0\.\d+\.\d+$/);
      expect(node.runningTasksCount).toBe(0);
    }
    expect((await client.pool.exists('pool-1')).body).toBe(true);
    expect((await client.pool.exists('no-such-pool')).body).toBe(false);
    expect((await client.pool.get('pool-1')).allocationState).toBe('steady');
  });

  it('2: adds a job and 150 tasks in two collections, some failing', async () => {
    await client.job.add({ id: 'job-1', poolInfo: { poolId: 'pool-1' } });
    const first = await client.task.addCollection('job-1', taskBatch(0, 100));
    const second = await client.task.addCollection('job-1', taskBatch(100, 50));
    expect(first.value?.every((r) => r.status === 'success')).toBe(true);
    expect(second.value).toHaveLength(50);
    expect(second.value?.every((r) => r.status === 'success' && r.eTag && r.location?.endsWith(r.taskId))).toBe(true);
    const done = await waitFor(async () => {
      const tasks = await allTasks('job-1');
      return tasks.length === 150 && tasks.every((t) => t.state === 'completed') ? tasks : undefined;
    }, 25_000, '150 completed tasks');
    const failed = done.filter((t) => t.executionInfo?.result === 'failure');
    expect(failed.map((t) => t.id)).toEqual(taskBatch(0, 150).filter((_, i) => i % 10 === 0).map((t) => t.id));
    for (const task of failed) {
      expect(task.executionInfo?.exitCode).toBe(3);
      expect(task.executionInfo?.failureInfo?.category).toBe('userError');
      expect(task.executionInfo?.failureInfo?.code).toBe('FailureExitCode');
      expect(task.executionInfo?.failureInfo?.message).toContain('3');
    }
    const ok = done.find((t) => t.id === 'task-001');
    expect(ok?.executionInfo?.exitCode).toBe(0);
    expect(ok?.executionInfo?.result).toBe('success');
    expect(ok?.executionInfo?.startTime).toBeInstanceOf(Date);
    expect(ok?.executionInfo?.endTime).toBeInstanceOf(Date);
    expect(ok?.executionInfo?.retryCount).toBe(0);
    expect(ok?.executionInfo?.requeueCount).toBe(0);
    expect(ok?.nodeInfo?.poolId).toBe('pool-1');
    expect(ok?.nodeInfo?.taskRootDirectory).toBe('workitems/job-1/job-1/task-001');
  });

  it('3: counts tasks and slots', async () => {
    const counts = await client.job.getTaskCounts('job-1');
    expect(counts.taskCounts).toEqual({ active: 0, running: 0, completed: 150, succeeded: 135, failed: 15 });
    expect(counts.taskSlotCounts).toEqual({ active: 0, running: 0, completed: 150, succeeded: 135, failed: 15 });
    const nodes = await client.computeNode.list('pool-1');
    expect(nodes.reduce((sum, n) => sum + (n.totalTasksRun ?? 0), 0)).toBe(150);
    expect(nodes.reduce((sum, n) => sum + (n.totalTasksSucceeded ?? 0), 0)).toBe(135);
    expect(nodes.some((n) => (n.recentTasks?.length ?? 0) > 0)).toBe(true);
  });

  it('4: lists in pages of 40', async () => {
    const sizes: number[] = [];
    const ids: string[] = [];
    let page = await client.task.list('job-1', { taskListOptions: { maxResults: 40 } });
    for (;;) {
      sizes.push(page.length);
      ids.push(...page.map((t) => t.id ?? ''));
      if (!page.odatanextLink) break;
      expect(page.odatanextLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/jobs\/job-1\/tasks\?/);
      page = await client.task.listNext(page.odatanextLink);
    }
    expect(sizes).toEqual([40, 40, 40, 30]);
    expect(new Set(ids).size).toBe(150);
    expect(ids).toEqual([...ids].sort());
  });

  it('5: filters and selects', async () => {
    const failed = await client.task.list('job-1', { taskListOptions: { filter: "executionInfo/result eq 'failure'" } });
    expect(failed).toHaveLength(15);
    const exit3 = await client.task.list('job-1', { taskListOptions: { filter: 'executionInfo/exitCode eq 3 and startswith(id, \'task-1\')' } });
    expect(exit3.map((t) => t.id)).toEqual(['task-100', 'task-110', 'task-120', 'task-130', 'task-140']);
    const completed = await client.task.list('job-1', { taskListOptions: { filter: "state eq 'Completed'", select: 'id,state' } });
    expect(completed).toHaveLength(150);
    expect(Object.keys(completed[0] ?? {}).sort()).toEqual(['id', 'state']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await client.task.list('job-1', { taskListOptions: { filter: `stateTransitionTime gt datetime'${future}'` } })).toHaveLength(0);
    expect(await client.task.list('job-1', { taskListOptions: { filter: `creationTime le datetime'${future}'`, maxResults: 5 } })).toHaveLength(5);
    const pools = await client.pool.list({ poolListOptions: { filter: "state eq 'active' and startswith(id,'pool')" } });
    expect(pools.map((p) => p.id)).toEqual(['pool-1']);
    const jobs = await client.job.list({ jobListOptions: { filter: "id eq 'JOB-1'" } });
    expect(jobs.map((j) => j.id)).toEqual(['job-1']);
    const idle = await client.computeNode.list('pool-1', { computeNodeListOptions: { filter: "state eq 'idle'", select: 'id,state' } });
    expect(idle).toHaveLength(3);
    const bad = await sdkStatus(client.task.list('job-1', { taskListOptions: { filter: "colour eq 'red'" } }));
    expect(bad).toEqual({ status: 400, code: 'InvalidQueryParameterValue' });
  });

  it('6: reads stdout.txt whole and as a byte range', async () => {
    const whole = await client.file.getFromTask('job-1', 'task-012', 'stdout.txt');
    expect(await readAll(whole.readableStreamBody)).toBe('out-12\n');
    expect(whole.contentLength).toBe(7);
    const range = await client.file.getFromTask('job-1', 'task-012', 'stdout.txt', { fileGetFromTaskOptions: { ocpRange: 'bytes=4-5' } });
    expect(await readAll(range.readableStreamBody)).toBe('12');
    expect(range.contentLength).toBe(2);
    const stderr = await client.file.getFromTask('job-1', 'task-012', 'stderr.txt');
    expect(await readAll(stderr.readableStreamBody)).toBe('err-12\n');
    const props = await client.file.getPropertiesFromTask('job-1', 'task-012', 'stdout.txt');
    expect(props.contentLength).toBe(7);
    expect(props.ocpBatchFileIsdirectory).toBe(false);
    expect(props.ocpBatchFileUrl).toContain('/jobs/job-1/tasks/task-012/files/stdout.txt');
  });

  it('7: lists task files and node files', async () => {
    const top = await client.file.listFromTask('job-1', 'task-012');
    expect(top.map((f) => f.name)).toEqual(['stderr.txt', 'stdout.txt', 'wd']);
    expect(top.find((f) => f.name === 'wd')?.isDirectory).toBe(true);
    expect(top.find((f) => f.name === 'stdout.txt')?.properties?.contentLength).toBe(7);
    const task = await client.task.get('job-1', 'task-012');
    const nodeId = task.nodeInfo?.nodeId ?? '';
    const rootFiles = await client.file.listFromComputeNode('pool-1', nodeId);
    expect(rootFiles.map((f) => f.name)).toEqual(expect.arrayContaining(['shared', 'startup', 'workitems']));
    const deep = await client.file.listFromComputeNode('pool-1', nodeId, {
      recursive: true,
      fileListFromComputeNodeOptions: { filter: "startswith(name,'workitems/job-1/job-1/task-012/')" },
    });
    expect(deep.map((f) => f.name)).toEqual([
      'workitems/job-1/job-1/task-012/stderr.txt',
      'workitems/job-1/job-1/task-012/stdout.txt',
      'workitems/job-1/job-1/task-012/wd',
    ]);
    const nodeFile = await client.file.getFromComputeNode('pool-1', nodeId, 'workitems/job-1/job-1/task-012/stdout.txt');
    expect(await readAll(nodeFile.readableStreamBody)).toBe('out-12\n');
  });

  it('8: answers 404 and 409 with the service codes', async () => {
    expect(await sdkStatus(client.job.get('nope'))).toEqual({ status: 404, code: 'JobNotFound' });
    expect(await sdkStatus(client.pool.get('nope'))).toEqual({ status: 404, code: 'PoolNotFound' });
    expect(await sdkStatus(client.task.get('job-1', 'nope'))).toEqual({ status: 404, code: 'TaskNotFound' });
    expect(await sdkStatus(client.computeNode.get('pool-1', 'nope'))).toEqual({ status: 404, code: 'NodeNotFound' });
    // The SDK does not parse error bodies of streamed operations; raw.test.ts checks the FileNotFound code.
    expect((await sdkStatus(client.file.getFromTask('job-1', 'task-012', 'nope.txt'))).status).toBe(404);
    expect(await sdkStatus(client.pool.add({ id: 'POOL-1', vmSize: 'x', virtualMachineConfiguration: VM }))).toEqual({ status: 409, code: 'PoolExists' });
    expect(await sdkStatus(client.job.add({ id: 'Job-1', poolInfo: { poolId: 'pool-1' } }))).toEqual({ status: 409, code: 'JobExists' });
    expect(await sdkStatus(client.task.add('job-1', { id: 'TASK-001', commandLine: 'x' }))).toEqual({ status: 409, code: 'TaskExists' });
    expect(await sdkStatus(client.task.reactivate('job-1', 'task-001'))).toEqual({ status: 409, code: 'TaskSucceeded' });
    const bad = await client.task.addCollection('job-1', [{ id: 'task-001', commandLine: 'x' }, { id: 'bad id!', commandLine: 'x' }]);
    expect(bad.value?.map((r) => [r.status, r.error?.code])).toEqual([
      ['clientError', 'TaskExists'],
      ['clientError', 'InvalidPropertyValue'],
    ]);
  });

  it('9: refuses a wrong key with 403 AuthenticationFailed', async () => {
    const wrong = sdkClient(emulator, recorder, Buffer.alloc(32, 7).toString('base64'));
    expect(await sdkStatus(wrong.pool.list())).toEqual({ status: 403, code: 'AuthenticationFailed' });
  });

  it('10: refuses a stale If-Match with 412 ConditionNotMet and honours a fresh one', async () => {
    const job = await client.job.get('job-1');
    await client.job.patch('job-1', { priority: 10 }, { jobPatchOptions: { ifMatch: job.eTag } });
    const stale = await sdkStatus(client.job.patch('job-1', { priority: 20 }, { jobPatchOptions: { ifMatch: job.eTag } }));
    expect(stale).toEqual({ status: 412, code: 'ConditionNotMet' });
    const fresh = await client.job.get('job-1');
    expect(fresh.priority).toBe(10);
    expect(fresh.eTag).not.toBe(job.eTag);
    expect(await sdkStatus(client.job.get('job-1', { jobGetOptions: { ifNoneMatch: fresh.eTag } }))).toEqual({ status: 304, code: undefined });
  });

  it('updates pools, jobs and tasks in place', async () => {
    await client.pool.patch('pool-1', { metadata: [{ name: 'team', value: 'lens' }] });
    expect((await client.pool.get('pool-1')).metadata).toEqual([{ name: 'team', value: 'lens' }]);
    await client.pool.updateProperties('pool-1', {
      certificateReferences: [],
      applicationPackageReferences: [],
      metadata: [],
      startTask: { commandLine: '/bin/true' },
    });
    const replaced = await client.pool.get('pool-1');
    expect(replaced.metadata).toBeUndefined();
    expect(replaced.startTask?.commandLine).toBe('/bin/true');
    await client.pool.resize('pool-1', { targetDedicatedNodes: 4 });
    expect((await client.pool.get('pool-1')).allocationState).toBe('resizing');
    await client.pool.stopResize('pool-1');
    await waitFor(async () => (await client.pool.get('pool-1')).allocationState === 'steady', 10_000, 'resize stopped');
    await client.job.update('job-1', { poolInfo: { poolId: 'pool-1' }, priority: 3, metadata: [{ name: 'k', value: 'v' }] });
    const job = await client.job.get('job-1');
    expect([job.priority, job.metadata?.[0]?.value, job.constraints?.maxTaskRetryCount]).toEqual([3, 'v', 0]);
    await client.task.add('job-1', { id: 'slow', commandLine: '/bin/sleep 30' });
    await client.task.update('job-1', 'slow', { constraints: { maxTaskRetryCount: 4 } });
    expect((await client.task.get('job-1', 'slow')).constraints?.maxTaskRetryCount).toBe(4);
    await client.task.terminate('job-1', 'slow');
    expect((await client.task.get('job-1', 'slow')).state).toBe('completed');
  });

  it('reports node counts and supported images', async () => {
    const counts = await client.account.listPoolNodeCounts();
    const pool = counts.find((c) => c.poolId === 'pool-1');
    expect(pool?.dedicated?.total).toBe((await client.computeNode.list('pool-1')).length);
    expect(pool?.lowPriority?.total).toBe(0);
    const images = await client.account.listSupportedImages();
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => i.nodeAgentSKUId && i.imageReference && i.osType)).toBe(true);
  });

  it('deletes files of a task and of a node', async () => {
    await client.file.deleteFromTask('job-1', 'task-013', 'stderr.txt');
    expect((await sdkStatus(client.file.getPropertiesFromTask('job-1', 'task-013', 'stderr.txt'))).status).toBe(404);
    const task = await client.task.get('job-1', 'task-013');
    const nodeId = task.nodeInfo?.nodeId ?? '';
    const dir = 'workitems/job-1/job-1/task-013';
    expect(await sdkStatus(client.file.deleteFromComputeNode('pool-1', nodeId, dir))).toEqual({ status: 409, code: 'OperationInvalidForCurrentState' });
    await client.file.deleteFromComputeNode('pool-1', nodeId, dir, { recursive: true });
    expect(await sdkStatus(client.file.listFromTask('job-1', 'task-013'))).toEqual({ status: 409, code: 'TaskFilesUnavailable' });
  });

  it('11: deletes a task, a job and a pool', async () => {
    await client.task.deleteMethod('job-1', 'task-002');
    expect(await sdkStatus(client.task.get('job-1', 'task-002'))).toEqual({ status: 404, code: 'TaskNotFound' });
    await client.job.deleteMethod('job-1');
    await waitFor(async () => (await sdkStatus(client.job.get('job-1'))).status === 404, 10_000, 'job deletion');
    await client.pool.deleteMethod('pool-1');
    expect((await client.pool.get('pool-1').catch(() => undefined))?.state ?? 'deleting').toBe('deleting');
    await waitFor(async () => !(await client.pool.exists('pool-1')).body, 10_000, 'pool deletion');
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.checked).toBeGreaterThan(30);
    expect(recorder.problems).toEqual([]);
  });
});
