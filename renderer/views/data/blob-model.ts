// The blob table's pure parts: rows of a folder (folders first), multi-selection, the keyboard, delete wording.
import type { BlobPage } from '../../../shared/models';
import { LISTING_KEYS, type ListingKeyAction } from '../../components/listing-keys';

/** One row of the blob table: a virtual folder (name ends in `/`) or a blob, named in full. */
export type BlobRow =
  | { kind: 'folder'; name: string; label: string }
  | { kind: 'blob'; name: string; label: string; size: number; lastModified?: string };

/** The part of a full name below `prefix` (a folder keeps no trailing slash). */
export function labelIn(name: string, prefix: string): string {
  const rest = prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  return rest.endsWith('/') ? rest.slice(0, -1) : rest;
}

/** The rows of the pages loaded so far: every folder first, then the blobs, each name once (a refresh may repeat one). */
export function mergeBlobPages(pages: readonly BlobPage[], prefix: string): BlobRow[] {
  const folders = new Map<string, BlobRow>();
  const blobs = new Map<string, BlobRow>();
  for (const page of pages) {
    for (const name of page.folders) folders.set(name, { kind: 'folder', name, label: labelIn(name, prefix) });
    for (const blob of page.blobs) {
      const row: BlobRow = { kind: 'blob', name: blob.name, label: labelIn(blob.name, prefix), size: blob.size };
      if (blob.lastModified) row.lastModified = blob.lastModified;
      blobs.set(blob.name, row);
    }
  }
  return [...folders.values(), ...blobs.values()];
}

/** Which rows are selected (by name, so a refresh keeps them) and the anchor of Shift ranges. */
export interface Selection {
  names: ReadonlySet<string>;
  /** The row the keyboard is on. */
  focus: number;
  anchor: number;
}

/** Nothing selected, the keyboard before the first row. */
export const EMPTY_SELECTION: Selection = { names: new Set(), focus: -1, anchor: -1 };

/** A click or a keyboard move on row `index`: plain selects only it, Ctrl/Cmd toggles it, Shift extends from the anchor. */
export function selectRow(selection: Selection, rows: readonly BlobRow[], index: number, mode: 'only' | 'toggle' | 'range'): Selection {
  const row = rows[index];
  if (!row) return selection;
  if (mode === 'toggle') {
    const names = new Set(selection.names);
    if (names.has(row.name)) names.delete(row.name);
    else names.add(row.name);
    return { names, focus: index, anchor: index };
  }
  if (mode === 'range' && selection.anchor >= 0) {
    const [from, to] = selection.anchor <= index ? [selection.anchor, index] : [index, selection.anchor];
    return { names: new Set(rows.slice(from, to + 1).map((r) => r.name)), focus: index, anchor: selection.anchor };
  }
  return { names: new Set([row.name]), focus: index, anchor: index };
}

/** Every row selected, the focus kept. */
export function selectAll(selection: Selection, rows: readonly BlobRow[]): Selection {
  return { ...selection, names: new Set(rows.map((r) => r.name)) };
}

/** The selected rows, in table order. */
export function selectedRows(rows: readonly BlobRow[], selection: Selection): BlobRow[] {
  return rows.filter((r) => selection.names.has(r.name));
}

/** What a key on the blob table asks for. */
export type BlobKeyAction = ListingKeyAction | 'delete' | 'selectAll' | 'toggle';

/**
 * The table's keyboard: arrows and Home/End move (Shift extends the selection), Enter opens a folder, Backspace goes
 * up, Delete asks to delete, Space toggles the row, Ctrl/Cmd+A selects all.
 */
export function blobKey(key: string, mods: { altKey: boolean; ctrlKey: boolean; metaKey: boolean }): BlobKeyAction | undefined {
  if (mods.altKey) return undefined;
  if (mods.ctrlKey || mods.metaKey) return key === 'a' || key === 'A' ? 'selectAll' : undefined;
  const actions: Record<string, BlobKeyAction> = { ...LISTING_KEYS, Delete: 'delete', ' ': 'toggle' };
  return actions[key];
}

/** "2 files and 1 folder": a count of each kind, the empty kind left out. */
export function countText(rows: readonly Pick<BlobRow, 'kind'>[]): string {
  const folders = rows.filter((r) => r.kind === 'folder').length;
  const files = rows.length - folders;
  const parts: string[] = [];
  if (files) parts.push(files === 1 ? '1 file' : `${files} files`);
  if (folders) parts.push(folders === 1 ? '1 folder' : `${folders} folders`);
  return parts.join(' and ') || 'nothing';
}

/** The confirmation text of a delete: what goes, and that folders take everything under them. */
export function deleteQuestion(rows: readonly Pick<BlobRow, 'kind' | 'label'>[], container: string): string {
  const what = rows.length === 1 && rows[0] ? `${rows[0].kind === 'folder' ? 'the folder' : ''} "${rows[0].label}"`.trim() : countText(rows);
  const deep = rows.some((r) => r.kind === 'folder') ? ', with every blob under the folders,' : '';
  return `Delete ${what}${deep} from ${container}? This cannot be undone.`;
}
