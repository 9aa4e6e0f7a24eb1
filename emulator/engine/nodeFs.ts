import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The top-level directories of a real node's root. */
export const NODE_DIRS = ['applications', 'fsmounts', 'shared', 'startup', 'volatile', 'workitems'] as const;

/** Where a node's directory tree lives on disk. */
export function nodeRoot(dataDir: string, nodeId: string): string {
  return join(dataDir, 'nodes', nodeId);
}

/** A task's directory relative to the node root, with forward slashes as the file API names it. */
export function taskDirName(jobId: string, taskId: string): string {
  return `workitems/${jobId}/job-1/${taskId}`;
}

/** Creates a node's standard directories. */
export async function createNodeDirs(root: string): Promise<void> {
  await Promise.all(NODE_DIRS.map((dir) => mkdir(join(root, dir), { recursive: true })));
}

/** Removes a directory tree, ignoring one that is already gone. */
export async function removeTree(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true, maxRetries: 3 });
}
