import { basename } from 'node:path';
import type { z } from 'zod';
import { PRIVATE_FILE_MODE, readIfExists, writeBackup, writeFileAtomic } from './atomic-file';
import { SerialQueue } from './serial-queue';

/** How a JSON store is set up: its file, its schema and the value to use when the file is missing or damaged. */
export interface JsonFileStoreOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  /** A fresh default value each call, so callers can never share (and mutate) one object. */
  defaults: () => T;
  /** Injected for tests so backup names are predictable. */
  now?: () => Date;
}

/** What loading found: the value in force and, when the file had to be recovered, a message for the user. */
export interface JsonLoadResult<T> {
  value: T;
  notice?: string;
}

/** Why a file on disk was not usable, for the notice. */
type Damage = { kind: 'unreadable'; error: unknown } | { kind: 'not-json' } | { kind: 'invalid'; issues: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function describeDamage(damage: Damage): string {
  if (damage.kind === 'not-json') return 'is not valid JSON';
  if (damage.kind === 'invalid') return `does not match the expected format (${damage.issues})`;
  return `could not be read (${damage.error instanceof Error ? damage.error.message : String(damage.error)})`;
}

/**
 * One JSON file validated by a zod schema. Loading never throws: a missing file gives the defaults, and a damaged
 * one is backed up, replaced by the defaults and reported. Writes are atomic and serialised, and each store touches
 * only its own file, so one damaged file never costs the others.
 */
export class JsonFileStore<T> {
  private readonly queue = new SerialQueue();
  private loading: Promise<JsonLoadResult<T>> | undefined;
  private value: T | undefined;
  /** Set when the file could neither be read nor backed up: overwriting it would destroy the only copy. */
  private writeBlocked: string | undefined;

  constructor(private readonly options: JsonFileStoreOptions<T>) {}

  /** The file this store owns. */
  get path(): string {
    return this.options.path;
  }

  /** Reads and validates the file once; later calls return the same result. */
  load(): Promise<JsonLoadResult<T>> {
    this.loading ??= this.queue.run(() => this.readOrRecover());
    return this.loading;
  }

  /** The value in force; the defaults until `load()` has finished. */
  get current(): T {
    return structuredClone(this.value ?? this.options.defaults());
  }

  /**
   * Applies `change` to a copy of the current value, validates the result and writes it, one update at a time so
   * concurrent updates all land. An invalid result is rejected and nothing is written.
   */
  async update(change: (current: T) => T | Promise<T>): Promise<T> {
    await this.load();
    return this.queue.run(async () => {
      const next = this.options.schema.parse(await change(this.current));
      if (this.writeBlocked) throw new Error(this.writeBlocked);
      await writeFileAtomic(this.options.path, `${JSON.stringify(next, null, 2)}\n`, PRIVATE_FILE_MODE);
      this.value = next;
      return structuredClone(next);
    });
  }

  private async readOrRecover(): Promise<JsonLoadResult<T>> {
    let bytes: Buffer | undefined;
    try {
      bytes = await readIfExists(this.options.path);
    } catch (error) {
      return this.recover({ kind: 'unreadable', error }, undefined);
    }
    if (bytes === undefined) {
      this.value = this.options.defaults();
      return { value: this.current };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      return this.recover({ kind: 'not-json' }, bytes);
    }
    const result = this.options.schema.safeParse(parsed);
    if (!result.success) return this.recover({ kind: 'invalid', issues: describeIssues(result.error) }, bytes);
    this.value = result.data;
    return { value: this.current };
  }

  /** Falls back to the defaults, keeping the damaged bytes in a backup first so nothing the user had is lost. */
  private async recover(damage: Damage, bytes: Buffer | undefined): Promise<JsonLoadResult<T>> {
    const name = basename(this.options.path);
    const problem = `The file ${this.options.path} ${describeDamage(damage)}.`;
    this.value = this.options.defaults();
    if (bytes === undefined) {
      this.writeBlocked = `${problem} It is left as it is and changes are not saved until it can be read.`;
      return { value: this.current, notice: `${problem} Defaults are used for this session; ${name} is left untouched and changes will not be saved.` };
    }
    let backup: string;
    try {
      backup = await writeBackup(this.options.path, bytes, this.options.now?.() ?? new Date());
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.writeBlocked = `${problem} It could not be backed up (${why}), so it is not overwritten.`;
      return { value: this.current, notice: `${problem} It could not be backed up (${why}); defaults are used for this session and ${name} is left untouched.` };
    }
    const saved = `${problem} The original was saved as ${backup} and ${name} was reset to defaults.`;
    try {
      await writeFileAtomic(this.options.path, `${JSON.stringify(this.value, null, 2)}\n`, PRIVATE_FILE_MODE);
    } catch (error) {
      // The backup exists, so a later update may still replace the damaged file.
      return { value: this.current, notice: `${saved} Writing the defaults failed (${error instanceof Error ? error.message : String(error)}); they apply for this session.` };
    }
    return { value: this.current, notice: saved };
  }
}
