// Multi-select over the loaded task rows: click toggles, shift-click selects a range, a header box selects all loaded.

/** Which rows are selected, and the row a shift-click range starts from. */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  readonly anchor?: string;
}

/** Nothing selected. */
export const EMPTY_SELECTION: Selection = { ids: new Set() };

/** Toggles one row and makes it the anchor of the next shift-click. */
export function toggleRow(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/**
 * Shift-click: every row from the anchor to `id` (in list order) takes the state the anchor has, as in a file
 * manager. Without an anchor still in the list, it behaves like a plain click.
 */
export function selectRange(selection: Selection, orderedIds: readonly string[], id: string): Selection {
  const from = selection.anchor === undefined ? -1 : orderedIds.indexOf(selection.anchor);
  const to = orderedIds.indexOf(id);
  if (from < 0 || to < 0) return toggleRow(selection, id);
  const select = selection.ids.has(selection.anchor!);
  const ids = new Set(selection.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const rowId = orderedIds[i]!;
    if (select) ids.add(rowId);
    else ids.delete(rowId);
  }
  return { ids, anchor: selection.anchor };
}

/** Selects every loaded row (never rows not loaded yet: the user cannot see what they would act on). */
export function selectAll(orderedIds: readonly string[]): Selection {
  return { ids: new Set(orderedIds) };
}

/** Drops selected ids that are no longer in the list, e.g. after the filter changed or tasks were deleted. */
export function pruneSelection(selection: Selection, orderedIds: readonly string[]): Selection {
  const present = new Set(orderedIds);
  const ids = new Set([...selection.ids].filter((id) => present.has(id)));
  if (ids.size === selection.ids.size && (selection.anchor === undefined || present.has(selection.anchor))) return selection;
  return selection.anchor !== undefined && present.has(selection.anchor) ? { ids, anchor: selection.anchor } : { ids };
}

/** The header checkbox's state for the loaded rows. */
export function headerCheckState(selection: Selection, orderedIds: readonly string[]): boolean | 'mixed' {
  if (selection.ids.size === 0 || orderedIds.length === 0) return false;
  const selectedLoaded = orderedIds.reduce((n, id) => n + (selection.ids.has(id) ? 1 : 0), 0);
  if (selectedLoaded === orderedIds.length) return true;
  return selectedLoaded === 0 ? false : 'mixed';
}

/** The selected ids in list order, which is the order a bulk action works through them. */
export function selectedInOrder(selection: Selection, orderedIds: readonly string[]): string[] {
  return orderedIds.filter((id) => selection.ids.has(id));
}

/**
 * The ids a bulk action works through: selected rows in list order, then selected rows no longer loaded (the list
 * holds only the windows near the screen, and scrolling away must not drop what the user picked).
 */
export function selectedForAction(selection: Selection, orderedIds: readonly string[]): string[] {
  const loaded = new Set(orderedIds);
  return [...selectedInOrder(selection, orderedIds), ...[...selection.ids].filter((id) => !loaded.has(id))];
}
