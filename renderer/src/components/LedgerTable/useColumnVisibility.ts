import { useCallback, useMemo, useState } from 'react';
import type { VisibilityState } from '@tanstack/react-table';

/**
 * Remembers which columns a user hid, per table, in localStorage. Only the hidden ids are stored
 * so a column added in a later release shows up by default. Whatever is stored is untrusted: it
 * may come from an older version, be hand-edited or be truncated, so anything unexpected falls
 * back to the defaults instead of breaking the screen.
 */

export const columnStorageKey = (tableId: string) => `sciledger.table.${tableId}.columns`;

interface StoredColumns {
  v: 1;
  hidden: string[];
}

interface ColumnInfo {
  id: string;
  defaultHidden?: boolean;
}

function defaultHidden(columns: readonly ColumnInfo[]): string[] {
  return columns.filter((c) => c.defaultHidden).map((c) => c.id);
}

/** Parses a stored value; null when it is missing or not something we wrote. */
export function parseStoredHidden(raw: string | null): string[] | null {
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const hidden = (parsed as Partial<StoredColumns>).hidden;
    if (!Array.isArray(hidden)) return null;
    return hidden.filter((id): id is string => typeof id === 'string');
  } catch {
    return null;
  }
}

/** Hidden ids for a table: stored choice restricted to known columns, else the defaults. */
export function readHiddenColumns(tableId: string, columns: readonly ColumnInfo[]): string[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(columnStorageKey(tableId));
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames); defaults are fine then.
  }
  const stored = parseStoredHidden(raw);
  if (!stored) return defaultHidden(columns);
  const known = new Set(columns.map((c) => c.id));
  const hidden = stored.filter((id) => known.has(id));
  // A table with no visible column is unusable and the column chooser would be the only way out.
  if (columns.length > 0 && hidden.length >= columns.length) return defaultHidden(columns);
  return hidden;
}

function writeHiddenColumns(tableId: string, hidden: string[]): void {
  try {
    const value: StoredColumns = { v: 1, hidden };
    window.localStorage.setItem(columnStorageKey(tableId), JSON.stringify(value));
  } catch {
    // Quota or disabled storage: the choice still applies for this session.
  }
}

export interface ColumnVisibility {
  visibility: VisibilityState;
  isVisible: (id: string) => boolean;
  setColumnVisible: (id: string, visible: boolean) => void;
  resetColumns: () => void;
}

export function useColumnVisibility(tableId: string, columns: readonly ColumnInfo[]): ColumnVisibility {
  const [state, setState] = useState(() => ({ tableId, hidden: readHiddenColumns(tableId, columns) }));
  // Another tableId is another table: re-read during render rather than showing stale columns
  // for one frame (React's "adjust state on prop change" pattern).
  let current = state;
  if (state.tableId !== tableId) {
    current = { tableId, hidden: readHiddenColumns(tableId, columns) };
    setState(current);
  }
  const hidden = current.hidden;

  const visibility = useMemo(() => {
    const v: VisibilityState = {};
    for (const c of columns) v[c.id] = !hidden.includes(c.id);
    return v;
  }, [columns, hidden]);

  const setColumnVisible = useCallback(
    (id: string, visible: boolean) => {
      setState((prev) => {
        const next = visible ? prev.hidden.filter((h) => h !== id) : [...new Set([...prev.hidden, id])];
        const visibleCount = columns.filter((c) => !next.includes(c.id)).length;
        if (visibleCount === 0 && columns.length > 0) return prev; // keep at least one column
        // Writing inside the updater is idempotent, so StrictMode's double call is harmless.
        writeHiddenColumns(prev.tableId, next);
        return { ...prev, hidden: next };
      });
    },
    [columns],
  );

  const resetColumns = useCallback(() => {
    setState((prev) => {
      try {
        window.localStorage.removeItem(columnStorageKey(prev.tableId));
      } catch {
        // ignore, see writeHiddenColumns
      }
      return { ...prev, hidden: defaultHidden(columns) };
    });
  }, [columns]);

  const isVisible = useCallback((id: string) => !hidden.includes(id), [hidden]);

  // One object while nothing changes, so the column chooser is not drawn again on every keystroke.
  return useMemo(() => ({ visibility, isVisible, setColumnVisible, resetColumns }), [visibility, isVisible, setColumnVisible, resetColumns]);
}
