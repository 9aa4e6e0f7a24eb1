// How a task's exitConditions answer the way it ended: the job action and what its dependents do.
import type { TaskRecord } from '../model/records.js';
import { APP_PACKAGE_ERROR } from './appPackages.js';
import { RESOURCE_FILE_CODES } from './resourceFiles.js';

/** What a task's ending does to its job (when the job's onTaskFailure is performExitOptionsJobAction). */
export type JobAction = 'none' | 'disable' | 'terminate';
/** What a task's ending does to the tasks that depend on it. */
export type DependencyAction = 'satisfy' | 'block';

/** ExitOptions as a task gives them. */
export interface ExitOptions {
  jobAction?: JobAction;
  dependencyAction?: DependencyAction;
}

/** ExitConditions as a task gives them. */
export interface ExitConditions {
  exitCodes?: { code: number; exitOptions: ExitOptions }[];
  exitCodeRanges?: { start: number; end: number; exitOptions: ExitOptions }[];
  preProcessingError?: ExitOptions;
  fileUploadError?: ExitOptions;
  default?: ExitOptions;
}

/** How a completed task ended, in the terms exit conditions use. */
export type Completion =
  | { kind: 'exit'; exitCode: number }
  | { kind: 'preProcessingError' }
  | { kind: 'fileUploadError'; exitCode?: number }
  /** Ended by a user (terminate, or a job action) before it exited: no exit condition applies. */
  | { kind: 'ended' };

/** The exit options in force for one completion, with the service's defaults filled in. */
export interface ResolvedExitOptions {
  jobAction: JobAction;
  dependencyAction: DependencyAction;
}

// A command that never started: not found, not launchable, or its resource files or packages failed.
const PRE_PROCESSING_CODES = new Set<string>(['CommandProgramNotFound', 'CommandLaunchFailed', APP_PACKAGE_ERROR, ...RESOURCE_FILE_CODES]);

/** The failure codes of output file uploads. */
export const FILE_UPLOAD_CODES = new Set(['FileUploadAccessDenied', 'FileUploadContainerNotFound', 'FileUploadMiscError']);

/** How a completed task ended, read from its record; undefined while it has not completed. */
export function completionOf(task: TaskRecord): Completion | undefined {
  if (task.state !== 'completed') return undefined;
  const { exitCode, failureInfo } = task.exec;
  const code = failureInfo?.code;
  if (code !== undefined && PRE_PROCESSING_CODES.has(code)) return { kind: 'preProcessingError' };
  if (code !== undefined && FILE_UPLOAD_CODES.has(code)) return { kind: 'fileUploadError', exitCode };
  if (exitCode === undefined) return { kind: 'ended' };
  return { kind: 'exit', exitCode };
}

function byExitCode(conditions: ExitConditions, exitCode: number): ExitOptions | undefined {
  const exact = conditions.exitCodes?.find((m) => m.code === exitCode);
  if (exact) return exact.exitOptions;
  return conditions.exitCodeRanges?.find((r) => r.start <= exitCode && exitCode <= r.end)?.exitOptions;
}

function resolve(options: ExitOptions | undefined, success: boolean): ResolvedExitOptions {
  return {
    jobAction: options?.jobAction ?? (success ? 'none' : 'terminate'),
    dependencyAction: options?.dependencyAction ?? (success ? 'satisfy' : 'block'),
  };
}

/**
 * The exit options for a completion, as the service picks them: an exit code listed in exitCodes or
 * exitCodeRanges first, then preProcessingError or fileUploadError, then `default` for any other
 * failure. Exit code 0 uses `default` never. Unset options default to none/satisfy for exit code 0
 * and terminate/block otherwise; a task ended by a user gets no job action and blocks its dependents.
 */
export function exitOptionsFor(conditions: ExitConditions | undefined, completion: Completion): ResolvedExitOptions {
  const given = conditions ?? {};
  switch (completion.kind) {
    case 'ended':
      return { jobAction: 'none', dependencyAction: 'block' };
    case 'preProcessingError':
      return resolve(given.preProcessingError ?? given.default, false);
    case 'fileUploadError': {
      const byCode = completion.exitCode === undefined ? undefined : byExitCode(given, completion.exitCode);
      return resolve(byCode ?? given.fileUploadError ?? given.default, false);
    }
    case 'exit': {
      const byCode = byExitCode(given, completion.exitCode);
      if (completion.exitCode === 0) return resolve(byCode, true);
      return resolve(byCode ?? given.default, false);
    }
  }
}

/** The exit options in force for a completed task; undefined while it has not completed. */
export function taskExitOptions(task: TaskRecord): ResolvedExitOptions | undefined {
  const completion = completionOf(task);
  return completion && exitOptionsFor(task.props.exitConditions as ExitConditions | undefined, completion);
}

/** Every ExitOptions a task's exit conditions name, for validation. */
export function allExitOptions(conditions: ExitConditions | undefined): ExitOptions[] {
  if (!conditions) return [];
  return [
    ...(conditions.exitCodes ?? []).map((m) => m.exitOptions),
    ...(conditions.exitCodeRanges ?? []).map((r) => r.exitOptions),
    conditions.preProcessingError,
    conditions.fileUploadError,
    conditions.default,
  ].filter((o): o is ExitOptions => o !== undefined);
}
