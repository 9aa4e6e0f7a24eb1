// Job schedules: the operations, recurrences creating `<id>:job-<n>` jobs on time, and the lifecycle.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';
import { completedJob, idlePool, pause } from './test/jobHelpers.js';

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

// Jobs that end by themselves: the job manager exits at once and, by default, ends its job.
const QUICK_JOB: BatchServiceModels.JobSpecification = { poolInfo: { poolId: 'sched' }, jobManagerTask: { id: 'manager', commandLine: '/bin/true' } };

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator({ jobScheduleMinInterval: 100 }));
  client = sdkClient(emulator, recorder);
  await idlePool(client, 'sched', 1, 4);
});

afterAll(async () => {
  await stop();
});

async function jobIds(scheduleId: string): Promise<string[]> {
  return (await client.job.listFromJobSchedule(scheduleId)).map((j) => j.id ?? '');
}

function scheduleWhen(id: string, test: (s: BatchServiceModels.CloudJobSchedule) => boolean, what: string): Promise<BatchServiceModels.CloudJobSchedule> {
  return waitFor(async () => {
    const schedule = await client.jobSchedule.get(id);
    return test(schedule) ? schedule : undefined;
  }, 15_000, what);
}

describe('job schedule operations', () => {
  it('adds, gets, checks, lists, patches and updates a schedule', async () => {
    const until = new Date(Date.now() + 3_600_000);
    await client.jobSchedule.add({ id: 'later', displayName: 'Later', schedule: { doNotRunUntil: until }, jobSpecification: QUICK_JOB, metadata: [{ name: 'k', value: 'v' }] });
    const got = await client.jobSchedule.get('LATER');
    expect([got.id, got.displayName, got.state, got.metadata?.[0]?.value]).toEqual(['later', 'Later', 'active', 'v']);
    expect(got.executionInfo?.nextRunTime?.toISOString()).toBe(until.toISOString());
    expect(got.executionInfo?.recentJob).toBeUndefined();
    expect((await client.jobSchedule.exists('later')).body).toBe(true);
    expect((await client.jobSchedule.exists('nope')).body).toBe(false);
    expect(await sdkStatus(client.jobSchedule.get('nope'))).toEqual({ status: 404, code: 'JobScheduleNotFound' });
    expect(await sdkStatus(client.jobSchedule.add({ id: 'Later', schedule: {}, jobSpecification: QUICK_JOB }))).toEqual({ status: 409, code: 'JobScheduleExists' });
    const listed = await client.jobSchedule.list({ jobScheduleListOptions: { filter: "state eq 'active' and startswith(id,'lat')" } });
    expect(listed.map((s) => s.id)).toEqual(['later']);

    await client.jobSchedule.patch('later', { metadata: [{ name: 'k', value: 'patched' }] });
    const patched = await client.jobSchedule.get('later');
    expect([patched.metadata?.[0]?.value, patched.executionInfo?.nextRunTime?.toISOString()]).toEqual(['patched', until.toISOString()]);
    const moved = new Date(Date.now() + 7_200_000);
    await client.jobSchedule.update('later', { schedule: { doNotRunUntil: moved }, jobSpecification: { ...QUICK_JOB, priority: 5 } });
    const updated = await client.jobSchedule.get('later');
    expect([updated.metadata, updated.jobSpecification?.priority]).toEqual([undefined, 5]);
    expect(updated.executionInfo?.nextRunTime?.toISOString()).toBe(moved.toISOString());
    expect(updated.eTag).not.toBe(got.eTag);
    expect(await jobIds('later')).toEqual([]);
  });

  it('refuses intervals under the minimum and ids shared with jobs', async () => {
    const tooShort = await sdkStatus(client.jobSchedule.add({ id: 'fast', schedule: { recurrenceInterval: 'PT0.05S' }, jobSpecification: QUICK_JOB }));
    expect(tooShort).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    await client.job.add({ id: 'taken', poolInfo: { poolId: 'sched' } });
    expect(await sdkStatus(client.jobSchedule.add({ id: 'taken', schedule: {}, jobSpecification: QUICK_JOB }))).toEqual({ status: 409, code: 'JobWithSameIdExists' });
    expect(await sdkStatus(client.job.add({ id: 'later', poolInfo: { poolId: 'sched' } }))).toEqual({ status: 409, code: 'JobScheduleWithSameIdExists' });
    const badSpec = await sdkStatus(client.jobSchedule.add({ id: 'bad-spec', schedule: {}, jobSpecification: { poolInfo: { poolId: 'sched' }, priority: 5000 } }));
    expect(badSpec).toEqual({ status: 400, code: 'InvalidPropertyValue' });
  });
});

describe('recurrence', () => {
  it('creates a job per recurrence with the service ids, one active job at a time', async () => {
    await client.jobSchedule.add({ id: 'every', schedule: { recurrenceInterval: 'PT0.3S' }, jobSpecification: { ...QUICK_JOB, displayName: 'from schedule' } });
    await waitFor(async () => (await jobIds('every')).length >= 3, 15_000, 'three jobs');
    const ids = await jobIds('every');
    expect(ids.slice(0, 3)).toEqual(['every:job-1', 'every:job-2', 'every:job-3']);
    const first = await completedJob(client, 'every:job-1');
    expect([first.displayName, first.executionInfo?.terminateReason, first.poolInfo?.poolId]).toEqual(['from schedule', 'JMComplete', 'sched']);
    const second = await client.job.get('every:job-2');
    const schedule = await client.jobSchedule.get('every');
    // Due one interval after the first (which was due when the schedule was added), and created only once the first was complete.
    expect((second.creationTime?.getTime() ?? 0) - (schedule.creationTime?.getTime() ?? Infinity)).toBeGreaterThanOrEqual(300);
    expect(second.creationTime?.getTime()).toBeGreaterThanOrEqual(first.executionInfo?.endTime?.getTime() ?? Infinity);
    expect(schedule.executionInfo?.recentJob?.id).toMatch(/^every:job-\d+$/);
    expect(schedule.executionInfo?.nextRunTime).toBeInstanceOf(Date);
    expect(schedule.executionInfo?.recentJob?.url).toContain('/jobs/every%3Ajob-');
  });

  it('creates no job while disabled, and carries on once enabled', async () => {
    await client.jobSchedule.disable('every');
    const disabled = await client.jobSchedule.get('every');
    expect([disabled.state, disabled.previousState]).toEqual(['disabled', 'active']);
    await pause(200);
    const count = (await jobIds('every')).length;
    await pause(700);
    expect((await jobIds('every')).length).toBe(count);
    await client.jobSchedule.enable('every');
    await waitFor(async () => (await jobIds('every')).length > count, 15_000, 'a job after enabling');
    expect((await client.jobSchedule.get('every')).state).toBe('active');
  });

  it('waits for the schedule job that is still running before creating the next one', async () => {
    const slow: BatchServiceModels.JobSpecification = { poolInfo: { poolId: 'sched' }, jobManagerTask: { id: 'manager', commandLine: '/bin/sleep 30' } };
    await client.jobSchedule.add({ id: 'one-at-a-time', schedule: { recurrenceInterval: 'PT0.2S' }, jobSpecification: slow });
    await waitFor(async () => (await jobIds('one-at-a-time')).length === 1, 10_000, 'first job');
    await pause(700);
    expect(await jobIds('one-at-a-time')).toEqual(['one-at-a-time:job-1']);

    // Terminating the schedule terminates its active job with TerminateJobSchedule, then completes.
    await client.jobSchedule.terminate('one-at-a-time');
    const done = await scheduleWhen('one-at-a-time', (s) => s.state === 'completed', 'schedule completed');
    expect(done.executionInfo?.endTime).toBeInstanceOf(Date);
    expect((await completedJob(client, 'one-at-a-time:job-1')).executionInfo?.terminateReason).toBe('TerminateJobSchedule');
    expect(await sdkStatus(client.jobSchedule.patch('one-at-a-time', { metadata: [] }))).toEqual({ status: 409, code: 'JobScheduleCompleted' });
  });

  it('skips a recurrence whose start window closed while the previous job was still active', async () => {
    const halfSecond: BatchServiceModels.JobSpecification = { poolInfo: { poolId: 'sched' }, jobManagerTask: { id: 'manager', commandLine: '/bin/sleep 0.5' } };
    await client.jobSchedule.add({ id: 'windowed', schedule: { recurrenceInterval: 'PT0.3S', startWindow: 'PT0.1S' }, jobSpecification: halfSecond });
    await waitFor(async () => (await jobIds('windowed')).length >= 2, 15_000, 'two windowed jobs');
    const [schedule, second] = await Promise.all([client.jobSchedule.get('windowed'), client.job.get('windowed:job-2')]);
    // The job due at 0.3 s could not start before the first ended (after 0.5 s), and its window closed at 0.4 s.
    expect((second.creationTime?.getTime() ?? 0) - (schedule.creationTime?.getTime() ?? Infinity)).toBeGreaterThanOrEqual(600);
    await client.jobSchedule.terminate('windowed');
  });

  it('runs a schedule without recurrence once, then completes it when its job is done', async () => {
    await client.jobSchedule.add({ id: 'once', schedule: {}, jobSpecification: QUICK_JOB });
    const done = await scheduleWhen('once', (s) => s.state === 'completed', 'once completed');
    expect(done.executionInfo?.recentJob?.id).toBe('once:job-1');
    expect(done.executionInfo?.nextRunTime).toBeUndefined();
    expect(await jobIds('once')).toEqual(['once:job-1']);
  });

  it('creates no job after doNotRunAfter and completes the schedule', async () => {
    await client.jobSchedule.add({ id: 'expired', schedule: { recurrenceInterval: 'PT0.2S', doNotRunAfter: new Date(Date.now() - 1000) }, jobSpecification: QUICK_JOB });
    const done = await scheduleWhen('expired', (s) => s.state === 'completed', 'expired completed');
    expect(done.executionInfo?.recentJob).toBeUndefined();
    expect(await jobIds('expired')).toEqual([]);
  });

  it('deletes a schedule with its jobs', async () => {
    const before = await jobIds('every');
    expect(before.length).toBeGreaterThan(0);
    await client.jobSchedule.deleteMethod('every');
    await waitFor(async () => !(await client.jobSchedule.exists('every')).body, 10_000, 'schedule deleted');
    for (const id of before) expect((await sdkStatus(client.job.get(id))).status).toBe(404);
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
