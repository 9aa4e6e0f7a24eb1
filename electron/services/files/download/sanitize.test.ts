import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_BYTES, pathInside, sanitizePath, sanitizeSegment } from './sanitize';

describe('sanitizeSegment', () => {
  it('keeps ordinary names as they are', () => {
    for (const name of ['stdout.txt', 'résumé 2.pdf', 'a-b_c', '.bashrc', 'x..y', '日本語.log']) expect(sanitizeSegment(name)).toBe(name);
  });

  it('replaces characters Windows refuses and every control character', () => {
    expect(sanitizeSegment('a<b>c:d"e|f?g*h\\i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(sanitizeSegment('tab\there\nnul\u0000del\u007f')).toBe('tab_here_nul_del_');
    expect(sanitizeSegment('a/b')).toBe('a_b');
  });

  it('turns ".", ".." and empty names into "_"', () => {
    expect(sanitizeSegment('.')).toBe('_');
    expect(sanitizeSegment('..')).toBe('_');
    expect(sanitizeSegment('')).toBe('_');
  });

  it('trims trailing dots and spaces, which Windows drops silently', () => {
    expect(sanitizeSegment('name. . ')).toBe('name');
    expect(sanitizeSegment('...')).toBe('_');
    expect(sanitizeSegment('   ')).toBe('_');
    expect(sanitizeSegment(' lead')).toBe(' lead');
  });

  it('prefixes Windows reserved device names, with or without an extension, in any case', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'com1', 'COM9', 'lpt1', 'LPT9', 'con.txt', 'nul.tar.gz', 'CON.']) {
      expect(sanitizeSegment(name)).toBe(`_${name.replace(/\.$/, '')}`);
    }
    for (const name of ['CONSOLE', 'com0', 'com10', 'lpt', 'xnul', 'aux_']) expect(sanitizeSegment(name)).toBe(name);
  });

  it('cuts long names to 200 bytes on a character boundary, keeping a short extension', () => {
    const long = sanitizeSegment(`${'a'.repeat(300)}.log`);
    expect(Buffer.byteLength(long)).toBe(MAX_SEGMENT_BYTES);
    expect(long.endsWith('.log')).toBe(true);
    const wide = sanitizeSegment('é'.repeat(150));
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(wide).toBe('é'.repeat(100));
    const noExt = sanitizeSegment(`${'x'.repeat(250)}.${'e'.repeat(40)}`);
    expect(Buffer.byteLength(noExt)).toBe(MAX_SEGMENT_BYTES);
    expect(sanitizeSegment(`${'b'.repeat(199)} ${'c'.repeat(10)}`)).toBe('b'.repeat(199));
  });
});

describe('sanitizePath', () => {
  it('cleans every segment of a service path, / or \\ separated', () => {
    expect(sanitizePath('wd/sub/deep/y.txt')).toEqual(['wd', 'sub', 'deep', 'y.txt']);
    expect(sanitizePath('../../x')).toEqual(['_', '_', 'x']);
    expect(sanitizePath('a\\..\\b')).toEqual(['a', '_', 'b']);
    expect(sanitizePath('/etc/passwd')).toEqual(['_', 'etc', 'passwd']);
    expect(sanitizePath('a//b/')).toEqual(['a', '_', 'b', '_']);
    expect(sanitizePath('')).toEqual(['_']);
  });
});

describe('pathInside', () => {
  const root = resolve('/downloads/chosen');

  it('joins sanitised segments under the root', () => {
    expect(pathInside(root, sanitizePath('../../x'))).toBe(join(root, '_', '_', 'x'));
    expect(pathInside(root, ['a', 'b'])).toBe(join(root, 'a', 'b'));
  });

  it('refuses anything that resolves outside or onto the root itself', () => {
    expect(() => pathInside(root, ['..', 'x'])).toThrow('Refusing to write outside the chosen folder');
    expect(() => pathInside(root, ['a', '..', '..', 'x'])).toThrow('outside the chosen folder');
    expect(() => pathInside(root, [resolve('/etc/passwd')])).toThrow('outside the chosen folder');
    expect(() => pathInside(root, ['.'])).toThrow('outside the chosen folder');
    expect(() => pathInside(root, ['a', '..'])).toThrow('outside the chosen folder');
  });

  it('accepts names that merely start with dots', () => {
    expect(pathInside(root, ['..hidden'])).toBe(`${root}${sep}..hidden`);
  });
});
