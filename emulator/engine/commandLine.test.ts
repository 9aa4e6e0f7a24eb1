import { describe, expect, it } from 'vitest';
import { parseCommandLine, splitPosix, splitWindows } from './commandLine.js';

describe('command lines', () => {
  it('splits POSIX command lines like a shell would, without expanding anything', () => {
    expect(splitPosix('/bin/sh -c "exit 3"')).toEqual(['/bin/sh', '-c', 'exit 3']);
    expect(splitPosix(`prog 'a b' "c \\"d\\" \\$e" f\\ g $HOME`)).toEqual(['prog', 'a b', 'c "d" $e', 'f g', '$HOME']);
    expect(splitPosix('  a\t\tb  ')).toEqual(['a', 'b']);
    expect(splitPosix(`x ''`)).toEqual(['x', '']);
    expect(splitPosix('a"b"c')).toEqual(['abc']);
    expect(() => splitPosix('a "b')).toThrow(/Unterminated/);
  });

  it('keeps Windows arguments verbatim after the program', () => {
    expect(splitWindows('cmd /c "echo hi"')).toEqual({ file: 'cmd', rest: '/c "echo hi"' });
    expect(splitWindows('"C:\\Program Files\\x.exe" -a')).toEqual({ file: 'C:\\Program Files\\x.exe', rest: '-a' });
    expect(parseCommandLine('cmd /c dir', 'win32')).toEqual({ file: 'cmd', args: ['/c dir'], verbatim: true });
  });

  it('refuses an empty command line', () => {
    expect(() => parseCommandLine('   ', 'linux')).toThrow(/empty/);
    expect(() => parseCommandLine('', 'win32')).toThrow(/empty/);
  });
});
