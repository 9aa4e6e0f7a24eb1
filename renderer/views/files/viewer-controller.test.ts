import { describe, expect, it } from 'vitest';
import type { FileChunk } from '../../../shared/models';
import { FakeFile } from './test-reader';
import { ViewerController, type ViewerSource } from './viewer-controller';
import { atLiveEnd } from './viewer-window';

const lines = (count: number) => Array.from({ length: count }, (_, i) => `row ${i + 1} ${'.'.repeat(30)}`);

/** A source whose reads wait until the test releases them, to interleave operations. */
class GatedSource implements ViewerSource {
  readonly waiting: (() => void)[] = [];
  gated = false;
  constructor(readonly file: FakeFile) {}
  read = async (offset: number, length: number): Promise<FileChunk> => {
    if (this.gated) await new Promise<void>((release) => this.waiting.push(release));
    return this.file.read(offset, length);
  };
  size = () => this.file.size();
  releaseAll(): void {
    for (const release of this.waiting.splice(0)) release();
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('ViewerController', () => {
  it('opens at the start and asks to scroll to the first row; listeners hear every change', async () => {
    const controller = new ViewerController(new FakeFile(`${lines(10).join('\n')}\n`));
    let changes = 0;
    controller.subscribe(() => changes++);
    await controller.openStart();
    const state = controller.getState();
    expect(state.window?.rows).toHaveLength(10);
    expect(state.opening).toBe(false);
    expect(state.scroll).toMatchObject({ rowId: 0, align: 'start' });
    expect(state.size).toBe(state.window?.totalSize);
    expect(changes).toBeGreaterThanOrEqual(2);
  });

  it('opens at the end scrolled to the last row', async () => {
    const all = lines(50_000);
    const controller = new ViewerController(new FakeFile(`${all.join('\n')}\n`));
    await controller.openEnd();
    const { window: win, scroll } = controller.getState();
    expect(win!.rows.at(-1)?.text).toBe(all.at(-1));
    expect(scroll).toMatchObject({ rowId: win!.origin + win!.rows.length - 1, align: 'end' });
  });

  it('jumps so the line holding the offset is the scroll target, with earlier lines loaded above it', async () => {
    const all = lines(50_000);
    const file = new FakeFile(`${all.join('\n')}\n`);
    const controller = new ViewerController(file);
    const offset = all.slice(0, 30_000).join('\n').length + 1 + 4; // inside line 30001
    await controller.jumpTo(offset);
    const { window: win, scroll } = controller.getState();
    const target = win!.rows[scroll!.rowId - win!.origin]!;
    expect(target.text).toBe(all[30_000]);
    expect(target.start).toBeLessThanOrEqual(offset);
    expect(target.start + target.bytes).toBeGreaterThan(offset);
    expect(scroll!.rowId - win!.origin).toBeGreaterThan(10);
  });

  it('ignores an extension that finishes after a jump replaced the window', async () => {
    const source = new GatedSource(new FakeFile(`${lines(50_000).join('\n')}\n`));
    const controller = new ViewerController(source);
    await controller.openStart();
    source.gated = true;
    const extending = controller.extend('forward');
    expect(controller.getState().busy).toBe(true);
    const jumping = controller.jumpTo(1_000_000);
    await flush();
    expect(source.waiting).toHaveLength(2);
    // The jump's read answers first; the extension's stale answer arrives after it.
    const [releaseExtend, releaseJump] = source.waiting.splice(0);
    source.gated = false;
    releaseJump!();
    await jumping;
    releaseExtend!();
    await extending;
    const { window: win } = controller.getState();
    expect(win!.start).toBeGreaterThan(900_000);
    expect(win!.generation).toBe(2);
  });

  it('refuses a second extension while one runs', async () => {
    const source = new GatedSource(new FakeFile(`${lines(50_000).join('\n')}\n`));
    const controller = new ViewerController(source);
    await controller.openStart();
    source.gated = true;
    const first = controller.extend('forward');
    const second = controller.extend('forward');
    await flush();
    expect(source.waiting).toHaveLength(1);
    source.releaseAll();
    await Promise.all([first, second]);
  });

  it('follows appended output at the live end, and only tracks the size elsewhere', async () => {
    const file = new FakeFile('first\n');
    const controller = new ViewerController(file);
    await controller.openEnd();
    const before = controller.getState().window;
    await controller.poll();
    expect(controller.getState().window).toBe(before);
    file.append('second\nthi');
    await controller.poll();
    expect(controller.getState().window!.rows.map((r) => r.text)).toEqual(['first', 'second', 'thi']);
    expect(atLiveEnd(controller.getState().window!)).toBe(true);

    const big = new FakeFile(`${lines(50_000).join('\n')}\n`);
    const reading = new ViewerController(big);
    await reading.openStart();
    const reads = big.reads.length;
    big.append('more\n');
    await reading.poll();
    expect(big.reads.length).toBe(reads);
    expect(reading.getState().size).toBe(big.bytes.length);
    expect(reading.getState().window!.totalSize).toBeLessThan(big.bytes.length);
  });

  it('keeps the rows and reports the error when a read fails, then backs off follow polls', async () => {
    const file = new FakeFile('one\n');
    let fail = false;
    let calls = 0;
    const source: ViewerSource = {
      read: (offset, length) => {
        calls++;
        return fail ? Promise.reject(new Error('network down')) : file.read(offset, length);
      },
      size: file.size,
    };
    const controller = new ViewerController(source);
    await controller.openStart();
    fail = true;
    await controller.poll();
    expect((controller.getState().error as Error).message).toBe('network down');
    expect(controller.getState().window?.rows).toHaveLength(1);
    const afterFirst = calls;
    await controller.poll();
    expect(calls).toBe(afterFirst);
    fail = false;
    file.append('two\n');
    await controller.poll();
    expect(controller.getState().window?.rows.map((r) => r.text)).toEqual(['one', 'two']);
    expect(controller.getState().error).toBeUndefined();
  });

  it('shows a failed open as the error', async () => {
    const controller = new ViewerController({ read: () => Promise.reject(new Error('gone')), size: async () => ({ size: 0 }) });
    await controller.openStart();
    expect(controller.getState().window).toBeUndefined();
    expect((controller.getState().error as Error).message).toBe('gone');
  });

  it('makes the final read after a running one, even while polls back off', async () => {
    const file = new FakeFile('a\n');
    let fail = true;
    const source = new GatedSource(file);
    const controller = new ViewerController({ read: (o, l) => (fail ? Promise.reject(new Error('flaky')) : source.read(o, l)), size: source.size });
    fail = false;
    await controller.openEnd();
    fail = true;
    await controller.poll();
    fail = false;
    source.gated = true;
    file.append('b\n');
    const reopening = controller.jumpTo(0);
    const final = controller.finalRead();
    await flush();
    expect(controller.getState().opening).toBe(true);
    source.gated = false;
    source.releaseAll();
    await reopening;
    // Written after the reopening read, while the final read still waits its turn.
    file.append('c\n');
    await final;
    expect(controller.getState().window?.rows.map((r) => r.text)).toEqual(['a', 'b', 'c']);
  });
});
