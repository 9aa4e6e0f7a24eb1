// Dropped and picked files as relative upload paths: folders keep their structure, whatever the browser hands over.
import type { UploadFile } from '../../api/storage';

/** The slice of a FileSystemEntry (from `DataTransferItem.webkitGetAsEntry`) the traversal reads. */
export interface DropEntry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: DropEntry[]) => void, failure?: (error: unknown) => void): void };
}

/** A file that could not be read while walking a dropped folder. */
export interface DropProblem {
  path: string;
  message: string;
}

function readFile(entry: DropEntry): Promise<File> {
  return new Promise((resolve, reject) => {
    if (!entry.file) reject(new Error('not a file'));
    else entry.file(resolve, reject);
  });
}

// A directory reader hands out entries in batches (100 in Chromium) until it answers an empty one.
async function readAll(entry: DropEntry): Promise<DropEntry[]> {
  const reader = entry.createReader?.();
  if (!reader) return [];
  const out: DropEntry[] = [];
  for (;;) {
    const batch = await new Promise<DropEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

/**
 * Walks dropped entries depth first into files with their relative paths ("photos/2024/a.jpg"); an unreadable file
 * or folder is reported, not silently skipped.
 */
export async function flattenDrop(entries: readonly DropEntry[]): Promise<{ files: UploadFile[]; problems: DropProblem[] }> {
  const files: UploadFile[] = [];
  const problems: DropProblem[] = [];
  const walk = async (entry: DropEntry, parent: string): Promise<void> => {
    const path = parent ? `${parent}/${entry.name}` : entry.name;
    try {
      if (entry.isFile) files.push({ path, file: await readFile(entry) });
      else if (entry.isDirectory) for (const child of await readAll(entry)) await walk(child, path);
    } catch (error) {
      problems.push({ path, message: error instanceof Error ? error.message : String(error) });
    }
  };
  for (const entry of entries) await walk(entry, '');
  return { files, problems };
}

/** The slice of a picked File the input path reads: folder pickers fill `webkitRelativePath`. */
export interface PickedFile extends Blob {
  readonly name: string;
  readonly webkitRelativePath?: string;
}

/** Files from `<input type=file>`: a folder pick keeps "folder/sub/file", a file pick just the name. */
export function pickedFiles(list: Iterable<PickedFile>): UploadFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** The entries of a drop, in order; items without an entry (e.g. text) are left out. */
export function dropEntries(items: Iterable<{ kind: string; webkitGetAsEntry(): unknown }>): DropEntry[] {
  const out: DropEntry[] = [];
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry() as DropEntry | null;
    if (entry) out.push(entry);
  }
  return out;
}
