// Container and file-group names: the messages the create form shows inline, and how containers are labelled.
import { containerName } from '../../../shared/contract';
import type { ContainerSummary } from '../../../shared/models';

/** Batch Explorer's file groups are containers with this prefix. */
export const FILE_GROUP_PREFIX = 'fgrp-';

const MIN = 3;
const MAX = 63;

// The most specific reason first, so the user learns what to change rather than the whole rule.
function problem(name: string, min: number, max: number, what: string): string | undefined {
  if (name === '') return `Type a ${what} name`;
  if (/[A-Z]/.test(name)) return 'Use lower-case letters only';
  if (/[^a-z0-9-]/.test(name)) return 'Use only letters, digits and hyphens';
  if (name.length < min) return `A ${what} name has at least ${min} characters`;
  if (name.length > max) return `A ${what} name has at most ${max} characters`;
  if (name.startsWith('-') || name.endsWith('-')) return `A ${what} name starts and ends with a letter or digit`;
  if (name.includes('--')) return 'Hyphens cannot follow each other';
  return undefined;
}

/** Why `name` is not a valid container name, or undefined when it is. */
export function containerNameError(name: string): string | undefined {
  const reason = problem(name, MIN, MAX, 'container');
  if (reason) return reason;
  const parsed = containerName.safeParse(name);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'Not a valid container name');
}

/** Why `group` is not a valid file group name (its container is `fgrp-<group>`), or undefined when it is. */
export function fileGroupNameError(group: string): string | undefined {
  // "fgrp-" already supplies a letter start, so one character is enough; the whole container name must fit 63.
  const reason = problem(group, 1, MAX - FILE_GROUP_PREFIX.length, 'file group');
  if (reason) return reason;
  return containerNameError(`${FILE_GROUP_PREFIX}${group}`);
}

/** The container a file group lives in. */
export function fileGroupContainer(group: string): string {
  return `${FILE_GROUP_PREFIX}${group}`;
}

/** The file group a container holds, when it is one. */
export function fileGroupOf(container: Pick<ContainerSummary, 'name' | 'fileGroup'>): string | undefined {
  if (container.fileGroup) return container.fileGroup;
  return container.name.startsWith(FILE_GROUP_PREFIX) && container.name.length > FILE_GROUP_PREFIX.length ? container.name.slice(FILE_GROUP_PREFIX.length) : undefined;
}

/** How a container is shown: a file group by its group name, any other by its own. */
export function containerLabel(container: Pick<ContainerSummary, 'name' | 'fileGroup'>): string {
  return fileGroupOf(container) ?? container.name;
}

/** The file groups (by group name) of the loaded containers, and every container by name. */
export function splitContainers<C extends Pick<ContainerSummary, 'name' | 'fileGroup'>>(containers: readonly C[]): { fileGroups: C[]; all: C[] } {
  const byLabel = (a: C, b: C) => containerLabel(a).localeCompare(containerLabel(b));
  return { fileGroups: containers.filter((c) => fileGroupOf(c) !== undefined).sort(byLabel), all: [...containers].sort((a, b) => a.name.localeCompare(b.name)) };
}
