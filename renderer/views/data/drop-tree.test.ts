import { describe, expect, it } from 'vitest';
import { dropEntries, flattenDrop, pickedFiles, type DropEntry } from './drop-tree';

function file(name: string, text = name): DropEntry {
  return { isFile: true, isDirectory: false, name, file: (ok) => ok(new File([text], name)) };
}

// Hands its children out in batches of `batch`, like Chromium's reader does with 100.
function folder(name: string, children: DropEntry[], batch = 2): DropEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const next = children.slice(at, at + batch);
          at += next.length;
          ok(next);
        },
      };
    },
  };
}

describe('dropped folders', () => {
  it('flatten into relative paths, reading every batch of a large folder', async () => {
    const many = Array.from({ length: 5 }, (_, i) => file(`f${i}.txt`));
    const { files, problems } = await flattenDrop([file('top.txt'), folder('photos', [folder('2024', [file('a.jpg')]), ...many])]);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(['top.txt', 'photos/2024/a.jpg', ...many.map((m) => `photos/${m.name}`)]);
    expect(await files[0]!.file.text()).toBe('top.txt');
  });

  it('report unreadable files instead of dropping them silently', async () => {
    const broken: DropEntry = { isFile: true, isDirectory: false, name: 'locked.bin', file: (_ok, fail) => fail?.(new Error('permission denied')) };
    const { files, problems } = await flattenDrop([folder('d', [broken, file('ok.txt')])]);
    expect(files.map((f) => f.path)).toEqual(['d/ok.txt']);
    expect(problems).toEqual([{ path: 'd/locked.bin', message: 'permission denied' }]);
  });

  it('take only file items of a drop', () => {
    const entry = file('x');
    expect(dropEntries([{ kind: 'string', webkitGetAsEntry: () => entry }, { kind: 'file', webkitGetAsEntry: () => entry }, { kind: 'file', webkitGetAsEntry: () => null }])).toEqual([entry]);
  });
});

describe('picked files', () => {
  it('keep a folder pick relative path and a plain pick name', () => {
    const a = Object.assign(new File(['1'], 'a.txt'), { webkitRelativePath: 'dir/sub/a.txt' });
    const b = new File(['2'], 'b.txt');
    expect(pickedFiles([a, b]).map((f) => f.path)).toEqual(['dir/sub/a.txt', 'b.txt']);
  });
});
