// The tree view's state: which folders are expanded, what each expanded folder listed, and the flattened rows.
import type { FilePage, NodeFileEntry } from '../../../shared/models';
import { entryName } from './browser-model';

/** What one expanded folder has listed so far. */
export interface FolderListing {
  entries: NodeFileEntry[];
  continuation?: string;
  loading: boolean;
  error?: unknown;
}

/** Expanded folders and their listings (kept when collapsed, so expanding again is instant). */
export interface TreeState {
  expanded: ReadonlySet<string>;
  listings: ReadonlyMap<string, FolderListing>;
}

/** A tree with nothing expanded. */
export const EMPTY_TREE: TreeState = { expanded: new Set(), listings: new Map() };

/** A change to the tree. */
export type TreeAction =
  | { type: 'expand' | 'collapse'; folder: string }
  | { type: 'loading'; folder: string }
  | { type: 'loaded'; folder: string; page: FilePage; append: boolean }
  | { type: 'failed'; folder: string; error: unknown };

/** Applies one change. */
export function treeReducer(state: TreeState, action: TreeAction): TreeState {
  const listings = new Map(state.listings);
  const current = state.listings.get(action.folder);
  switch (action.type) {
    case 'expand':
    case 'collapse': {
      const expanded = new Set(state.expanded);
      if (action.type === 'expand') expanded.add(action.folder);
      else for (const folder of state.expanded) if (folder === action.folder || folder.startsWith(`${action.folder}/`)) expanded.delete(folder);
      return { ...state, expanded };
    }
    case 'loading':
      listings.set(action.folder, { entries: current?.entries ?? [], ...(current?.continuation ? { continuation: current.continuation } : {}), loading: true });
      return { ...state, listings };
    case 'loaded': {
      const entries = action.append ? [...(current?.entries ?? []), ...action.page.items] : action.page.items;
      listings.set(action.folder, { entries, ...(action.page.continuation ? { continuation: action.page.continuation } : {}), loading: false });
      return { ...state, listings };
    }
    case 'failed':
      listings.set(action.folder, { entries: current?.entries ?? [], loading: false, error: action.error });
      return { ...state, listings };
  }
}

/** One row of the flattened tree. */
export type TreeRow =
  | { kind: 'entry'; key: string; depth: number; entry: NodeFileEntry; name: string; expanded: boolean }
  | { kind: 'more'; key: string; depth: number; folder: string; loading: boolean }
  | { kind: 'error'; key: string; depth: number; folder: string; error: unknown }
  | { kind: 'empty'; key: string; depth: number; folder: string };

/** The visible rows: the folder's entries, with each expanded folder's listing nested under it. */
export function flattenTree(rootEntries: readonly NodeFileEntry[], rootFolder: string, state: TreeState): TreeRow[] {
  const out: TreeRow[] = [];
  const walk = (entries: readonly NodeFileEntry[], folder: string, depth: number) => {
    for (const entry of entries) {
      const expanded = entry.isDirectory && state.expanded.has(entry.name);
      out.push({ kind: 'entry', key: `e:${entry.name}`, depth, entry, name: entryName(entry, folder), expanded });
      if (!expanded) continue;
      const listing = state.listings.get(entry.name);
      if (listing) walk(listing.entries, entry.name, depth + 1);
      if (listing?.error !== undefined) out.push({ kind: 'error', key: `x:${entry.name}`, depth: depth + 1, folder: entry.name, error: listing.error });
      else if (!listing || listing.loading || listing.continuation) {
        out.push({ kind: 'more', key: `m:${entry.name}`, depth: depth + 1, folder: entry.name, loading: !listing || listing.loading });
      } else if (listing.entries.length === 0) out.push({ kind: 'empty', key: `0:${entry.name}`, depth: depth + 1, folder: entry.name });
    }
  };
  walk(rootEntries, rootFolder, 0);
  return out;
}

/** Most pages one "load more" follows while they come back empty (main keeps only a folder's direct children). */
export const MAX_EMPTY_PAGES = 20;

/** Lists pages of `folder` from `continuation` until one holds entries, the listing ends, or MAX_EMPTY_PAGES pass. */
export async function listSome(list: (folder: string, continuation?: string) => Promise<FilePage>, folder: string, continuation?: string): Promise<FilePage> {
  let next = continuation;
  for (let i = 0; i < MAX_EMPTY_PAGES; i++) {
    const page = await list(folder, next);
    if (page.items.length > 0 || !page.continuation) return page;
    next = page.continuation;
  }
  return { items: [], ...(next ? { continuation: next } : {}) };
}
