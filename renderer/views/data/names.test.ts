import { describe, expect, it } from 'vitest';
import { containerLabel, containerNameError, fileGroupContainer, fileGroupNameError, fileGroupOf, splitContainers } from './names';

describe('container names', () => {
  it('accept what Azure Storage accepts', () => {
    for (const ok of ['abc', 'fgrp-inputs', 'a1-b2-c3', 'x'.repeat(63)]) expect(containerNameError(ok)).toBeUndefined();
  });

  it('say the most specific reason a name is refused', () => {
    expect(containerNameError('')).toBe('Type a container name');
    expect(containerNameError('Inputs')).toBe('Use lower-case letters only');
    expect(containerNameError('in_puts')).toBe('Use only letters, digits and hyphens');
    expect(containerNameError('ab')).toBe('A container name has at least 3 characters');
    expect(containerNameError('x'.repeat(64))).toBe('A container name has at most 63 characters');
    expect(containerNameError('-abc')).toBe('A container name starts and ends with a letter or digit');
    expect(containerNameError('abc-')).toBe('A container name starts and ends with a letter or digit');
    expect(containerNameError('a--b')).toBe('Hyphens cannot follow each other');
  });
});

describe('file groups', () => {
  it('validate the group name against the room left after fgrp-', () => {
    expect(fileGroupNameError('x')).toBeUndefined();
    expect(fileGroupNameError('x'.repeat(58))).toBeUndefined();
    expect(fileGroupNameError('x'.repeat(59))).toBe('A file group name has at most 58 characters');
    expect(fileGroupNameError('')).toBe('Type a file group name');
    expect(fileGroupNameError('-x')).toBe('A file group name starts and ends with a letter or digit');
    expect(fileGroupContainer('inputs')).toBe('fgrp-inputs');
  });

  it('label fgrp- containers by their group and sort both sections', () => {
    expect(fileGroupOf({ name: 'fgrp-a' })).toBe('a');
    expect(fileGroupOf({ name: 'fgrp-a', fileGroup: 'given' })).toBe('given');
    expect(fileGroupOf({ name: 'plain' })).toBeUndefined();
    expect(containerLabel({ name: 'fgrp-data' })).toBe('data');
    expect(containerLabel({ name: 'logs' })).toBe('logs');
    const { fileGroups, all } = splitContainers([{ name: 'zeta' }, { name: 'fgrp-b' }, { name: 'alpha' }, { name: 'fgrp-a' }]);
    expect(fileGroups.map((c) => c.name)).toEqual(['fgrp-a', 'fgrp-b']);
    expect(all.map((c) => c.name)).toEqual(['alpha', 'fgrp-a', 'fgrp-b', 'zeta']);
  });
});
