// The service's rules for a new task beyond the spec's types.
import type { JobEntry } from '../engine/entries.js';
import { allExitOptions, type ExitConditions } from '../engine/exitConditions.js';
import { prepTaskId, releaseTaskId } from '../engine/prepRelease.js';
import { BatchError, conflict, invalidProperty } from '../http/errors.js';
import { checkId, keyOf } from '../model/ids.js';
import { checkResourceFiles } from './storageRules.js';

/** The service's rules for a new task beyond the spec's types; throws the error it would answer. */
export function checkTaskProps(job: JobEntry, props: Record<string, unknown>): string {
  const id = checkId(props.id);
  const slots = props.requiredSlots;
  if (typeof slots === 'number' && slots < 1) throw invalidProperty('requiredSlots', slots, 'requiredSlots must be at least 1.');
  const retries = (props.constraints as { maxTaskRetryCount?: number } | undefined)?.maxTaskRetryCount;
  if (typeof retries === 'number' && retries < -1) {
    throw invalidProperty('constraints.maxTaskRetryCount', retries, 'maxTaskRetryCount must be -1 or greater.');
  }
  checkResourceFiles(props.resourceFiles, 'resourceFiles');
  checkDependencies(job, props);
  checkExitConditions(job, props.exitConditions as ExitConditions | undefined);
  if (keyOf(id) === keyOf(prepTaskId(job) ?? '')) throw conflict('TaskIdSameAsJobPreparationTask', 'The task has the id of the job preparation task.');
  if (keyOf(id) === keyOf(releaseTaskId(job) ?? '')) throw conflict('TaskIdSameAsJobReleaseTask', 'The task has the id of the job release task.');
  return id;
}

const MAX_DEPENDENCY_ID_CHARS = 64_000;

function dependenciesNotOnJob(): BatchError {
  return new BatchError(
    400,
    'TaskDependenciesNotSpecifiedOnJob',
    'A task was specified as depending on other tasks, but the job did not specify that it would use task dependencies.',
  );
}

function checkDependencies(job: JobEntry, props: Record<string, unknown>): void {
  const deps = props.dependsOn as { taskIds?: string[]; taskIdRanges?: { start: number; end: number }[] } | undefined;
  if (deps === undefined) return;
  if (job.rec.props.usesTaskDependencies !== true) throw dependenciesNotOnJob();
  const chars = (deps.taskIds ?? []).reduce((sum, id) => sum + id.length, 0);
  if (chars > MAX_DEPENDENCY_ID_CHARS) {
    throw new BatchError(400, 'TaskDependencyListTooLong', 'The task ids the task depends on exceed 64000 characters; use task id ranges instead.');
  }
  (deps.taskIdRanges ?? []).forEach((range, i) => {
    if (range.start > range.end) throw invalidProperty(`dependsOn.taskIdRanges[${i}]`, range, 'The start of a task id range must not be greater than its end.');
  });
}

// Exit conditions may name a job action only when the job acts on them, and a dependency action only when it uses dependencies.
function checkExitConditions(job: JobEntry, conditions: ExitConditions | undefined): void {
  for (const options of allExitOptions(conditions)) {
    if (options.jobAction !== undefined && job.rec.props.onTaskFailure !== 'performExitOptionsJobAction') {
      throw invalidProperty('exitConditions', options.jobAction, "A jobAction requires the job's onTaskFailure to be performExitOptionsJobAction.");
    }
    if (options.dependencyAction !== undefined && job.rec.props.usesTaskDependencies !== true) throw dependenciesNotOnJob();
  }
}
