// What the node agent does before a command starts: deploy application packages (the pool's and the
// task's own) and download resource files into the working directory.
import type { Account } from './account.js';
import { deployAppPackages, type AppPackageRef } from './appPackages.js';
import type { NodeEntry } from './entries.js';
import type { Outcome } from './runner.js';
import { downloadResourceFiles, type ResourceFileSpec } from './resourceFiles.js';

/** What a command needs in place before it starts. */
export interface PreProcessingInput {
  /** The node's root directory. */
  nodeRoot: string;
  /** The command's working directory, where resource files go. */
  wd: string;
  resourceFiles?: readonly ResourceFileSpec[];
  /** The command's own package references (tasks only); the pool's are always deployed. */
  appPackages?: readonly AppPackageRef[];
  /** Aborted when the command is stopped before it starts. */
  signal?: AbortSignal;
}

/**
 * Deploys packages and downloads resource files; returns the package variables to add to the command's
 * environment, or the pre-processing failure the command ends with instead of running.
 */
export async function preProcess(
  account: Account,
  node: NodeEntry,
  input: PreProcessingInput,
): Promise<{ env: Record<string, string> } | { outcome: Outcome & { kind: 'preProcessingFailed' } }> {
  const poolRefs = (node.pool.rec.props.applicationPackageReferences as AppPackageRef[] | undefined) ?? [];
  const refs = [...poolRefs, ...(input.appPackages ?? [])];
  const storage = account.config.storage;
  const packages = await deployAppPackages(storage, input.nodeRoot, refs);
  if ('failure' in packages) return { outcome: { kind: 'preProcessingFailed', failure: packages.failure } };
  const failure = await downloadResourceFiles(input.resourceFiles, input.wd, storage, { signal: input.signal, timeoutMs: account.config.transferTimeoutMs });
  if (failure) return { outcome: { kind: 'preProcessingFailed', failure } };
  return { env: packages.env };
}
