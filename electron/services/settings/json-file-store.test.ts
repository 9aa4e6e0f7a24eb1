import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonFileStore } from './json-file-store';

const counterSchema = z.object({ count: z.number().int().nonnegative(), label: z.string().default('none') });
type Counter = z.infer<typeof counterSchema>;
const NOW = new Date('2030-04-05T06:07:08.009Z');
const STAMP = '2030-04-05T06-07-08.009Z';

let dir: string;

function counterStore(name = 'counter.json'): JsonFileStore<Counter> {
  return new JsonFileStore<Counter>({ path: join(dir, name), schema: counterSchema, defaults: () => ({ count: 0, label: 'none' }), now: () => NOW });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'json-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JsonFileStore', () => {
  it('gives the defaults for a missing file without writing anything', async () => {
    const store = counterStore();
    expect(await store.load()).toEqual({ value: { count: 0, label: 'none' } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('persists updates atomically with mode 0600', async () => {
    const store = counterStore();
    expect(await store.update((c) => ({ ...c, count: 5 }))).toEqual({ count: 5, label: 'none' });
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['counter.json']);
    expect((await counterStore().load()).value.count).toBe(5);
  });

  it('fills missing fields from schema defaults without calling the file corrupt', async () => {
    await writeFile(join(dir, 'counter.json'), '{"count": 3}');
    expect(await counterStore().load()).toEqual({ value: { count: 3, label: 'none' } });
  });

  it('backs up a file that is not JSON, resets it and names both files in the notice', async () => {
    const path = join(dir, 'counter.json');
    const original = Buffer.from('{"count": 3,,, oops');
    await writeFile(path, original);
    const { value, notice } = await counterStore().load();

    const backup = join(dir, `counter.corrupt-${STAMP}.json`);
    expect(value).toEqual({ count: 0, label: 'none' });
    expect(notice).toContain(path);
    expect(notice).toContain(backup);
    expect(notice).toContain('is not valid JSON');
    expect(await readFile(backup)).toEqual(original);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ count: 0, label: 'none' });
    expect((await counterStore().load()).notice).toBeUndefined();
  });

  it('backs up a file that fails the schema and says which field is wrong', async () => {
    const path = join(dir, 'counter.json');
    const original = '{"count": "seven", "label": "kept in the backup"}';
    await writeFile(path, original);
    const { value, notice } = await counterStore().load();
    expect(value.count).toBe(0);
    expect(notice).toMatch(/does not match the expected format \(count: /);
    expect(await readFile(join(dir, `counter.corrupt-${STAMP}.json`), 'utf8')).toBe(original);
  });

  it('never overwrites an earlier backup made in the same instant', async () => {
    await writeFile(join(dir, 'counter.json'), 'bad one');
    await counterStore().load();
    await writeFile(join(dir, 'counter.json'), 'bad two');
    const { notice } = await counterStore().load();
    expect(notice).toContain(`counter.corrupt-${STAMP}-1.json`);
    expect(await readFile(join(dir, `counter.corrupt-${STAMP}.json`), 'utf8')).toBe('bad one');
    expect(await readFile(join(dir, `counter.corrupt-${STAMP}-1.json`), 'utf8')).toBe('bad two');
  });

  it("leaves another store's file untouched when one file is corrupt", async () => {
    const other = counterStore('other.json');
    await other.update(() => ({ count: 42, label: 'precious' }));
    const otherBytes = await readFile(other.path);
    await writeFile(join(dir, 'counter.json'), '[]');

    expect((await counterStore().load()).notice).toBeDefined();
    expect(await readFile(other.path)).toEqual(otherBytes);
    expect(await counterStore('other.json').load()).toEqual({ value: { count: 42, label: 'precious' } });
  });

  it('serialises concurrent updates so none is lost', async () => {
    const store = counterStore();
    const updates = Array.from({ length: 25 }, () =>
      store.update(async (c) => {
        // Yield inside the update: without serialisation every update would read the same starting value.
        await new Promise((resolve) => setImmediate(resolve));
        return { ...c, count: c.count + 1 };
      }),
    );
    await Promise.all(updates);
    expect(store.current.count).toBe(25);
    expect((await counterStore().load()).value.count).toBe(25);
  });

  it('rejects an update that fails the schema and writes nothing', async () => {
    const store = counterStore();
    await store.update((c) => ({ ...c, count: 1 }));
    await expect(store.update((c) => ({ ...c, count: -1 }))).rejects.toThrow();
    expect(store.current.count).toBe(1);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual({ count: 1, label: 'none' });
  });

  it('hands out copies, so callers cannot change the stored value behind its back', async () => {
    const store = counterStore();
    await store.load();
    store.current.count = 99;
    await store.update((c) => {
      c.label = 'mutated draft';
      return c;
    });
    expect(store.current).toEqual({ count: 0, label: 'mutated draft' });
  });

  it('uses defaults but refuses to overwrite a file it cannot read', async () => {
    const path = join(dir, 'counter.json');
    await mkdir(path);
    const store = counterStore();
    const { value, notice } = await store.load();
    expect(value.count).toBe(0);
    expect(notice).toContain('could not be read');
    await expect(store.update((c) => ({ ...c, count: 1 }))).rejects.toThrow(/not saved/);
    expect((await stat(path)).isDirectory()).toBe(true);
  });
});
