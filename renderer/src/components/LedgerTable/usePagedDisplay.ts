import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnFiltersState, SortingState } from '@tanstack/react-table';
import type { LedgerQuery } from '../../../../shared/search/keyIndex';
import type { LedgerKeyRow } from '../../../../shared/search/ledgerKeys';
import { keepUnchangedRows } from './keepUnchangedRows';
import type { CellValue, DateRangeFilterValue, LedgerColumn, LedgerPagedSource, SelectFilterValue } from './types';

/** What the grid needs to draw and select, whichever way the rows are read. */
export interface LedgerDisplay<T> {
  /** Rows matching the filters and search (the grid's length). */
  count: number;
  /** Rows in the ledger before filters. */
  total: number;
  /** False while a paged ledger is still counting (the grid holds the first page meanwhile). */
  countKnown: boolean;
  idAt: (index: number) => string | undefined;
  /** undefined while a paged row is still being read. */
  rowAt: (index: number) => T | undefined;
  /** Every matching id in display order ("select all matching"). */
  displayIds: () => string[];
  exists: (id: string) => boolean;
  /** Values of a column for its select filter's options. */
  filterValues: (column: LedgerColumn<T>) => CellValue[];
  /** Changes when the result set changes (scroll back to the top). */
  resultKey: unknown;
  /** Paged mode: the grid's visible index range, so those rows are read (and kept live). */
  setWindow: (start: number, end: number) => void;
}

/**
 * Runs `fn` in a task after the next frame is painted (a timeout right after the animation
 * frame), or after half a second when no frame comes (a hidden window draws none). Returns a
 * cancel.
 */
export function afterPaint(fn: () => void): () => void {
  let done = false;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const fallback = setTimeout(run, 500);
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (timeout = setTimeout(run, 0))) : undefined;
  return () => {
    done = true;
    clearTimeout(fallback);
    if (timeout !== undefined) clearTimeout(timeout);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}

/** Rows are read in blocks, so scrolling a few pixels does not re-subscribe. */
const BLOCK = 50;

/** Our sort / filter / search state as a LedgerQuery over key rows (paged mode). */
export function toLedgerQuery<T>(
  columns: readonly LedgerColumn<T>[],
  sorting: SortingState,
  columnFilters: ColumnFiltersState,
  search: string,
  defaultSort: LedgerQuery['sort'],
): LedgerQuery {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const q: { select: Record<string, string[]>; contains: Record<string, string>; dateRange: Record<string, [string, string]> } = { select: {}, contains: {}, dateRange: {} };
  for (const f of columnFilters) {
    const column = byId.get(f.id);
    const key = column?.key;
    if (!column || !key) continue;
    if (column.filter === 'select') q.select[key] = f.value as SelectFilterValue;
    else if (column.filter === 'text') q.contains[key] = String(f.value ?? '');
    else if (column.filter === 'dateRange') q.dateRange[key] = f.value as DateRangeFilterValue;
  }
  const s = sorting[0];
  const sortKey = s ? byId.get(s.id)?.key : undefined;
  return { ...q, search, sort: sortKey ? { field: sortKey, desc: s.desc } : defaultSort };
}

/**
 * Paged mode of LedgerTable: the matching ids come from the source's key index (names and keys
 * in memory, never whole records); only the rows in the grid's window are read, through the
 * source's live observer, so an edit elsewhere updates the rows on screen without a reload.
 */
export function usePagedDisplay<T>(
  source: LedgerPagedSource<T> | undefined,
  columns: readonly LedgerColumn<T>[],
  sorting: SortingState,
  columnFilters: ColumnFiltersState,
  search: string,
): LedgerDisplay<T> | null {
  const index = source?.index ?? null;
  const version = source?.version ?? 0;
  const defaultSort = source?.defaultSort ?? null;
  const query = useMemo(() => toLedgerQuery(columns, sorting, columnFilters, search, defaultSort), [columns, sorting, columnFilters, search, defaultSort]);
  // `version` is a dependency on purpose: the index changes in place with every committed write.
  const narrow = source?.narrow;
  const matching = useMemo(() => (index ? (narrow ? narrow(index.query(query)) : index.query(query)) : null), [index, query, version, narrow]);
  const firstPage = source?.firstPage ?? null;
  const firstIds = useMemo(() => (narrow ? narrow : (ids: string[]) => ids)(firstPage?.rows.map((r) => r.id) ?? []), [firstPage, narrow]);
  const ids = matching ?? firstIds;
  const count = matching ? matching.length : narrow ? firstIds.length : (firstPage?.total ?? firstIds.length);
  // `version`: the index counts its live records as they change.
  const total = useMemo(() => (index ? index.live : (firstPage?.total ?? firstIds.length)), [index, version, firstPage, firstIds]);

  // --- the rows of the window on screen, read live ---------------------------------------
  const [span, setSpan] = useState<[number, number]>([0, BLOCK]);
  const [rows, setRows] = useState<ReadonlyMap<string, T>>(() => new Map());
  const windowIds = useMemo(() => ids.slice(span[0], span[1]), [ids, span]);
  const windowKey = windowIds.join('\n');
  const observe = source?.observeRows;
  useEffect(() => {
    if (!observe || windowIds.length === 0) return;
    // After the paint: React runs this effect before the browser paints a keystroke's results,
    // and starting (and stopping) a live read of the records costs a keystroke 10–20 ms — and if
    // the records arrived before the frame, drawing them again would too. The rows are drawn
    // from their key rows meanwhile; typing on cancels reads never started.
    let current = true;
    let stop: (() => void) | null = null;
    const cancel = afterPaint(() => {
      stop = observe(windowIds, (loaded) => {
        // A row read again unchanged keeps its object, so its memoised grid row is not drawn again.
        if (current) setRows((shown) => keepUnchangedRows(shown, loaded));
      });
    });
    return () => {
      current = false;
      cancel();
      if (stop) setTimeout(stop, 0);
    };
    // Keyed by the ids' text, not the array: a new array with the same ids keeps the observer.
  }, [observe, windowKey]);

  const setWindow = useCallback((start: number, end: number) => {
    const from = Math.max(0, Math.floor(start / BLOCK) * BLOCK);
    const to = (Math.floor(end / BLOCK) + 1) * BLOCK;
    setSpan((w) => (w[0] === from && w[1] === to ? w : [from, to]));
  }, []);

  const idsRef = useRef(ids);
  idsRef.current = ids;
  // Rows drawn from key rows until the records arrive, one object per key row (stable identity,
  // so memoised grid rows do not re-render).
  const rowFromKey = source?.rowFromKey;
  const provisional = useMemo(() => new WeakMap<LedgerKeyRow, T>(), [rowFromKey]);
  const firstKeys = useMemo(() => new Map(firstPage?.rows.map((r) => [r.id, r])), [firstPage]);
  const keyRowOf = useCallback((id: string) => index?.get(id) ?? firstKeys.get(id), [index, firstKeys]);
  return useMemo<LedgerDisplay<T> | null>(() => {
    if (!source) return null;
    return {
      count,
      total,
      countKnown: matching !== null || (firstPage?.total ?? null) !== null,
      idAt: (i) => ids[i],
      rowAt: (i) => {
        const id = ids[i];
        if (id === undefined) return undefined;
        const row = rows.get(id);
        if (row !== undefined || !rowFromKey) return row;
        const key = keyRowOf(id);
        if (!key) return undefined;
        let made = provisional.get(key);
        if (made === undefined) provisional.set(key, (made = rowFromKey(key)));
        return made;
      },
      displayIds: () => idsRef.current.slice(),
      exists: (id) => (index ? index.get(id)?.live === 1 : true),
      filterValues: (column) => (index && column.key ? index.values(column.key) : []),
      resultKey: matching ?? firstPage,
      setWindow,
    };
  }, [source, count, total, ids, rows, index, matching, firstPage, setWindow, rowFromKey, keyRowOf, provisional]);
}
