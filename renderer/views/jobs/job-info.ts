import type { JsonObject, JsonValue } from '../../../shared/models';
import { formatTime } from '../../components/time-format';
import { constraintDuration } from '../tasks/task-detail-model';

/** The job actions of the job page. */
export type JobActionName = 'disable' | 'enable' | 'terminate' | 'delete';

/** Which actions make sense in a job state; the service refuses the others (e.g. enabling an active job). */
export function availableJobActions(state: string | undefined): Record<JobActionName, boolean> {
  return {
    disable: state === 'active',
    enable: state === 'disabled',
    terminate: state === 'active' || state === 'disabled',
    delete: state !== 'deleting' && state !== undefined,
  };
}

/** What each action's confirmation says will happen. */
export const JOB_ACTION_TEXT: Record<JobActionName, { title: string; confirm: string; body: string; danger: boolean }> = {
  disable: {
    title: 'Disable job',
    confirm: 'Disable',
    body: 'No new tasks of this job will be scheduled until it is enabled again. Choose what happens to its running tasks.',
    danger: false,
  },
  enable: { title: 'Enable job', confirm: 'Enable', body: 'The job resumes scheduling its tasks.', danger: false },
  terminate: {
    title: 'Terminate job',
    confirm: 'Terminate',
    body: 'Running tasks are stopped and no task of this job will run again. The job and its tasks stay listed.',
    danger: true,
  },
  delete: {
    title: 'Delete job',
    confirm: 'Delete',
    body: 'The job and all its tasks and their history are deleted. Running tasks are stopped. This cannot be undone.',
    danger: true,
  },
};

const obj = (value: JsonValue | undefined): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
const text = (value: JsonValue | undefined): string | undefined =>
  value === undefined || value === null || typeof value === 'object' ? undefined : String(value);

/** The job's properties as label/value rows for the info panel; properties the service left out are skipped. */
export function jobInfoRows(raw: JsonObject): { label: string; value: string }[] {
  const exec = obj(raw.executionInfo);
  const constraints = obj(raw.constraints);
  const retries = text(constraints.maxTaskRetryCount);
  const rows: [string, string | undefined][] = [
    ['Id', text(raw.id)],
    ['Display name', text(raw.displayName)],
    ['State', text(raw.state)],
    ['Previous state', text(raw.previousState)],
    ['Pool', text(obj(raw.poolInfo).poolId) ?? (raw.poolInfo ? 'Auto pool' : undefined)],
    ['Priority', text(raw.priority)],
    ['Created', raw.creationTime ? formatTime(text(raw.creationTime)) : undefined],
    ['State changed', raw.stateTransitionTime ? formatTime(text(raw.stateTransitionTime)) : undefined],
    ['Started', exec.startTime ? formatTime(text(exec.startTime)) : undefined],
    ['Ended', exec.endTime ? formatTime(text(exec.endTime)) : undefined],
    ['Terminate reason', text(exec.terminateReason)],
    ['Max wall clock', constraintDuration(text(constraints.maxWallClockTime))],
    ['Max task retries', retries === '-1' ? 'Unlimited' : retries],
    ['Uses task dependencies', text(raw.usesTaskDependencies)],
    ['When all tasks complete', text(raw.onAllTasksComplete)],
    ['When a task fails', text(raw.onTaskFailure)],
    ['Max parallel tasks', text(raw.maxParallelTasks) === '-1' ? 'Unlimited' : text(raw.maxParallelTasks)],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '').map(([label, value]) => ({ label, value }));
}
