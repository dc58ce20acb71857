import type { RowSelectionState } from '@tanstack/react-table';

/**
 * Row selection helpers over tanstack's RowSelectionState (id → true). Selected ids are kept
 * even while a filter hides their rows, so narrowing a search never silently drops a choice.
 */

export function selectedIds(selection: RowSelectionState): string[] {
  return Object.keys(selection).filter((id) => selection[id]);
}

/** Sets every id in `ids` to `selected`; returns the same object when nothing changes. */
export function setIdsSelected(selection: RowSelectionState, ids: readonly string[], selected: boolean): RowSelectionState {
  let next: RowSelectionState | null = null;
  for (const id of ids) {
    if (Boolean(selection[id]) === selected) continue;
    next ??= { ...selection };
    if (selected) next[id] = true;
    else delete next[id];
  }
  return next ?? selection;
}

/** Ids between two positions of the displayed order, inclusive, in either direction. */
export function idsInRange(orderedIds: readonly string[], from: number, to: number): string[] {
  const start = Math.max(0, Math.min(from, to));
  const end = Math.min(orderedIds.length - 1, Math.max(from, to));
  return orderedIds.slice(start, end + 1);
}

/** Drops ids that no longer exist (rows deleted upstream); same object when none were dropped. */
export function pruneSelection(selection: RowSelectionState, exists: (id: string) => boolean): RowSelectionState {
  const stale = selectedIds(selection).filter((id) => !exists(id));
  return stale.length === 0 ? selection : setIdsSelected(selection, stale, false);
}
