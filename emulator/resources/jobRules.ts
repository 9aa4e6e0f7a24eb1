// The service's rules for job properties (and a schedule's jobSpecification) beyond the spec's types.
import { durationMs } from '../engine/deadlines.js';
import { DEFAULT_PREP_ID, DEFAULT_RELEASE_ID } from '../engine/prepRelease.js';
import { conflict, invalidProperty, missingProperty } from '../http/errors.js';
import { checkJobResourceFiles } from './storageRules.js';
import { checkId, keyOf } from '../model/ids.js';

type Props = Record<string, unknown>;
type TaskLike = { id?: string; requiredSlots?: number; constraints?: { maxTaskRetryCount?: number }; maxWallClockTime?: string } | undefined;

const RELEASE_MAX_WALL_CLOCK_MS = 15 * 60_000;

function checkRetries(path: string, constraints: { maxTaskRetryCount?: number } | undefined): void {
  const retries = constraints?.maxTaskRetryCount;
  if (typeof retries === 'number' && retries < -1) {
    throw invalidProperty(`${path}constraints.maxTaskRetryCount`, retries, 'maxTaskRetryCount must be -1 or greater.');
  }
}

function checkSpecialTasks(props: Props, path: string): void {
  const jm = props.jobManagerTask as TaskLike;
  const prep = props.jobPreparationTask as TaskLike;
  const release = props.jobReleaseTask as TaskLike;
  if (jm) {
    checkId(jm.id, `${path}jobManagerTask.id`);
    if (typeof jm.requiredSlots === 'number' && jm.requiredSlots < 1) {
      throw invalidProperty(`${path}jobManagerTask.requiredSlots`, jm.requiredSlots, 'requiredSlots must be at least 1.');
    }
    checkRetries(`${path}jobManagerTask.`, jm.constraints);
  }
  if (prep) {
    if (prep.id !== undefined) checkId(prep.id, `${path}jobPreparationTask.id`);
    checkRetries(`${path}jobPreparationTask.`, prep.constraints);
  }
  if (release) {
    if (!prep) {
      throw invalidProperty(`${path}jobReleaseTask`, 'jobReleaseTask', 'A job release task cannot be specified without a job preparation task.');
    }
    if (release.id !== undefined) checkId(release.id, `${path}jobReleaseTask.id`);
    const wall = durationMs(release.maxWallClockTime);
    if (wall !== undefined && wall > RELEASE_MAX_WALL_CLOCK_MS) {
      throw invalidProperty(`${path}jobReleaseTask.maxWallClockTime`, release.maxWallClockTime, 'The job release task may run for at most 15 minutes.');
    }
  }
  const prepId = prep && keyOf(prep.id ?? DEFAULT_PREP_ID);
  const releaseId = release && keyOf(release.id ?? DEFAULT_RELEASE_ID);
  if (jm?.id !== undefined && keyOf(jm.id) === prepId) throw conflict('TaskIdSameAsJobPreparationTask', 'The job manager task has the id of the job preparation task.');
  if (jm?.id !== undefined && keyOf(jm.id) === releaseId) throw conflict('TaskIdSameAsJobReleaseTask', 'The job manager task has the id of the job release task.');
  if (prepId !== undefined && prepId === releaseId) throw conflict('TaskIdSameAsJobPreparationTask', 'The job release task has the id of the job preparation task.');
}

/** Throws the service's error for job properties it refuses; `path` prefixes property names (e.g. `jobSpecification.`). */
export function checkJobProps(props: Props, path = ''): void {
  const poolInfo = props.poolInfo as { poolId?: string; autoPoolSpecification?: unknown } | undefined;
  if (poolInfo) {
    if (poolInfo.autoPoolSpecification !== undefined) {
      throw invalidProperty(`${path}poolInfo.autoPoolSpecification`, 'autoPoolSpecification', 'The emulator does not support auto pools; name an existing pool in poolInfo.poolId.');
    }
    if (poolInfo.poolId === undefined) throw missingProperty(`${path}poolInfo.poolId`);
    checkId(poolInfo.poolId, `${path}poolInfo.poolId`);
  }
  const priority = props.priority;
  if (typeof priority === 'number' && (priority < -1000 || priority > 1000)) {
    throw invalidProperty(`${path}priority`, priority, 'priority must be between -1000 and 1000.');
  }
  const parallel = props.maxParallelTasks;
  if (typeof parallel === 'number' && (parallel === 0 || parallel < -1)) {
    throw invalidProperty(`${path}maxParallelTasks`, parallel, 'maxParallelTasks must be -1 or greater than 0.');
  }
  checkRetries(path, props.constraints as { maxTaskRetryCount?: number } | undefined);
  checkSpecialTasks(props, path);
  checkJobResourceFiles(props, path);
}
