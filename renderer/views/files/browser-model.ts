// The file browser's pure parts: names within a folder, the breadcrumb, merged listing pages, paging and keys.
import type { FilePage, NodeFileEntry } from '../../../shared/models';
import { LISTING_KEYS, type ListingKeyAction } from '../../components/listing-keys';

/** The entry's name inside `folder` (the service names entries by their full relative path). */
export function entryName(entry: Pick<NodeFileEntry, 'name'>, folder: string): string {
  const prefix = folder ? `${folder}/` : '';
  if (prefix && entry.name.startsWith(prefix)) return entry.name.slice(prefix.length);
  return entry.name.slice(entry.name.lastIndexOf('/') + 1);
}

/** One step of the breadcrumb: its label and the folder it opens. */
export interface Crumb {
  label: string;
  folder: string;
}

/** The breadcrumb of a folder: the root (labelled `rootLabel`), then each folder down to `folder`. */
export function breadcrumb(folder: string, rootLabel: string): Crumb[] {
  const parts = folder.split('/').filter(Boolean);
  return [{ label: rootLabel, folder: '' }, ...parts.map((label, i) => ({ label, folder: parts.slice(0, i + 1).join('/') }))];
}

/** The folder above `folder`, or undefined at the root. */
export function folderAbove(folder: string): string | undefined {
  if (!folder) return undefined;
  const cut = folder.lastIndexOf('/');
  return cut < 0 ? '' : folder.slice(0, cut);
}

/** The entries of the pages loaded so far, in the service's order, each name once (a refresh may repeat one). */
export function mergeFilePages(pages: readonly FilePage[]): NodeFileEntry[] {
  const out: NodeFileEntry[] = [];
  const at = new Map<string, number>();
  for (const page of pages) {
    for (const entry of page.items) {
      const seen = at.get(entry.name);
      if (seen === undefined) {
        at.set(entry.name, out.length);
        out.push(entry);
      } else out[seen] = entry;
    }
  }
  return out;
}

/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
export const FILES_LOAD_MORE_THRESHOLD = 100;

/**
 * Listing stops on its own after this many pages in a row added nothing: main lists a subfolder by listing its whole
 * subtree and keeping the direct children, so a folder over a deep tree (a node's workitems) could page for long.
 */
export const MAX_EMPTY_PAGE_STREAK = 10;

/** How many of the last pages in a row hold no entries. */
export function emptyPageStreak(pages: readonly FilePage[]): number {
  let streak = 0;
  for (let i = pages.length - 1; i >= 0 && pages[i]!.items.length === 0; i--) streak++;
  return streak;
}

/**
 * True when more should be listed: more pages exist, nothing is loading, the user is near the end of the rows (few or
 * no rows count, since pages can be empty), and the run of empty pages has not reached `emptyLimit`.
 */
export function shouldListMore(
  lastRendered: number,
  loaded: number,
  hasNextPage: boolean,
  isFetching: boolean,
  emptyStreak = 0,
  emptyLimit = MAX_EMPTY_PAGE_STREAK,
): boolean {
  if (!hasNextPage || isFetching || emptyStreak >= emptyLimit) return false;
  return lastRendered >= loaded - 1 - FILES_LOAD_MORE_THRESHOLD;
}

/** What a key pressed on the file list asks for. */
export type BrowserKeyAction = ListingKeyAction | 'expand' | 'collapse';

/** The list's keyboard: arrows move, Home/End jump, Enter opens, Backspace goes up a folder, Right/Left expand or collapse. */
export function browserKey(key: string, modifiers: { altKey: boolean; ctrlKey: boolean; metaKey: boolean }): BrowserKeyAction | undefined {
  if (modifiers.altKey || modifiers.ctrlKey || modifiers.metaKey) return undefined;
  const actions: Record<string, BrowserKeyAction> = { ...LISTING_KEYS, ArrowRight: 'expand', ArrowLeft: 'collapse' };
  return actions[key];
}

/** The index after a move within `count` rows (clamped; -1 stays -1 only when there are none). */
export function moveIndex(current: number, action: 'next' | 'previous' | 'first' | 'last', count: number): number {
  if (count === 0) return -1;
  if (action === 'first') return 0;
  if (action === 'last') return count - 1;
  if (current < 0) return 0;
  return Math.max(0, Math.min(count - 1, current + (action === 'next' ? 1 : -1)));
}
