import { describe, expect, it } from 'vitest';
import { downloadPercent, isNotFound, missingFileText, parseGoTo, progressText, resultText, spanText } from './viewer-text';

describe('parseGoTo', () => {
  it('reads percentages and byte offsets, decimal or hex, with separators', () => {
    expect(parseGoTo('50%', 1000)).toEqual({ ok: true, offset: 500 });
    expect(parseGoTo(' 12.5 % ', 1000)).toEqual({ ok: true, offset: 125 });
    expect(parseGoTo('100%', 1000)).toEqual({ ok: true, offset: 999 });
    expect(parseGoTo('1_000', 5000)).toEqual({ ok: true, offset: 1000 });
    expect(parseGoTo('1,048,576', 2_000_000)).toEqual({ ok: true, offset: 1_048_576 });
    expect(parseGoTo('0x10', 100)).toEqual({ ok: true, offset: 16 });
    expect(parseGoTo('0', 0)).toEqual({ ok: true, offset: 0 });
  });

  it('says why other text cannot be used', () => {
    expect(parseGoTo('', 10)).toMatchObject({ ok: false });
    expect(parseGoTo('150%', 10)).toEqual({ ok: false, message: 'A percentage goes up to 100%' });
    expect(parseGoTo('abc', 10)).toEqual({ ok: false, message: '"abc" is neither a percentage nor a byte offset' });
    expect(parseGoTo('11', 10)).toEqual({ ok: false, message: 'Byte 11 is past the end of the file (10 bytes)' });
  });
});

describe('texts', () => {
  it('describe the loaded span', () => {
    expect(spanText(1024 * 1024, 5 * 1024 * 1024, 10 * 1024 * 1024)).toBe('Loaded 1.0 MiB–5.0 MiB of 10 MiB (10%)');
    expect(spanText(0, 0, 0)).toBe('Empty file');
  });

  it('describe downloads in progress and finished', () => {
    const progress = { operationId: 'op', bytesDone: 512, bytesTotal: 2048, filesDone: 1, filesTotal: 4 };
    expect(downloadPercent(progress)).toBe(25);
    expect(downloadPercent({ ...progress, bytesTotal: undefined })).toBeUndefined();
    expect(progressText(progress)).toBe('Downloading 512 B of 2.0 KiB (25%) · 1 of 4 files');
    expect(progressText(undefined)).toBe('Starting the download…');
    expect(resultText({ kind: 'saved', destination: '/tmp/x', files: 1, bytes: 10 })).toBe('Saved 1 file (10 B) to /tmp/x');
    expect(resultText({ kind: 'cancelled' })).toBe('Download cancelled');
    expect(resultText({ kind: 'browser', url: '/download/t', fileName: 'a.txt' })).toBe('Your browser is downloading a.txt');
  });

  it('recognise a missing file and say so', () => {
    expect(isNotFound({ code: 'FileNotFound', message: 'x', status: 404 })).toBe(true);
    expect(isNotFound({ code: 'Conflict', message: 'x', status: 409 })).toBe(false);
    expect(isNotFound(null)).toBe(false);
    expect(missingFileText('stderr.txt', 'task')).toBe('No stderr.txt on this task');
  });
});
