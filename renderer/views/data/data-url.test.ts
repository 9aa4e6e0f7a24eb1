import { describe, expect, it } from 'vitest';
import { dataPath, normalizeFolder, parentPrefix, parseDataLocation, prefixCrumbs } from './data-url';

const parse = (path: string) => parseDataLocation(new URLSearchParams(path.split('?')[1] ?? ''));

describe('Data view URL state', () => {
  it('round-trips a container and folder, names with odd characters included', () => {
    for (const at of [
      { container: 'fgrp-in', folder: '' },
      { container: 'fgrp-in', folder: 'a/b c/' },
      { container: 'data', folder: 'x y+%#&=/ü/' },
    ]) {
      expect(parse(dataPath(at))).toEqual(at);
    }
    expect(dataPath()).toBe('/data');
    expect(dataPath({ container: 'logs' })).toBe('/data?container=logs');
    expect(dataPath({ container: '', folder: 'ignored/' })).toBe('/data');
  });

  it('normalizes folders and ignores containers the service would refuse', () => {
    expect(normalizeFolder('/a//b')).toBe('a/b/');
    expect(normalizeFolder('')).toBe('');
    expect(parse('/data?container=logs&folder=a/b')).toEqual({ container: 'logs', folder: 'a/b/' });
    expect(parse('/data?container=Bad_Name&folder=a/')).toEqual({ container: '', folder: '' });
    expect(parse('/data')).toEqual({ container: '', folder: '' });
  });

  it('walks up folders and builds the breadcrumb', () => {
    expect(parentPrefix('a/b/')).toBe('a/');
    expect(parentPrefix('a/')).toBe('');
    expect(parentPrefix('')).toBeUndefined();
    expect(prefixCrumbs('a/b/', 'inputs')).toEqual([
      { label: 'inputs', folder: '' },
      { label: 'a', folder: 'a/' },
      { label: 'b', folder: 'a/b/' },
    ]);
  });
});
