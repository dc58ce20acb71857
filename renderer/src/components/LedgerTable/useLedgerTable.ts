import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  getCoreRowModel,
  useReactTable,
  type ColumnFiltersState,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { buildColumnDefs } from './buildColumnDefs';
import { filterIndices, sortIndices } from './rowPipeline';
import { getSearchTexts, parseQuery, queryNarrows, quickSearch } from './quickSearch';
import { idsInRange, pruneSelection, selectedIds, setIdsSelected } from './selection';
import { useColumnVisibility } from './useColumnVisibility';
import type { LedgerTableProps } from './types';

const NO_ROWS: unknown[] = [];

interface PreviousSearch {
  texts: readonly string[];
  query: string;
  mask: Uint8Array | null;
}

/** All table state (tanstack + quick search + selection), independent of how it is drawn. */
export function useLedgerTable<T>(props: LedgerTableProps<T>) {
  const { tableId, columns, rows, getRowId, selectable = false, onSelectionChange, onDisplayedRowsChange } = props;

  const columnVisibility = useColumnVisibility(tableId, columns);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [query, setQuery] = useState('');
  // Applied on every keystroke (IME compositions are held back by the search box, useImeInput):
  // one pass over 100,000 precomputed search texts takes a few milliseconds.
  const appliedQuery = query;

  const { visibility } = columnVisibility;
  const visibleColumns = useMemo(() => columns.filter((c) => visibility[c.id] !== false), [columns, visibility]);

  // --- quick search -------------------------------------------------------------------------
  const previousSearch = useRef<PreviousSearch | null>(null);
  const searchMask = useMemo(() => {
    if (parseQuery(appliedQuery).length === 0) return null;
    const texts = getSearchTexts(rows, visibleColumns);
    const prev = previousSearch.current;
    // Extending the query ('张' → '张三') can only remove rows: scan just the previous matches.
    const within = prev && prev.texts === texts && queryNarrows(prev.query, appliedQuery) ? prev.mask : null;
    const mask = quickSearch(texts, appliedQuery, within);
    previousSearch.current = { texts, query: appliedQuery, mask };
    return mask;
  }, [rows, visibleColumns, appliedQuery]);

  // Build the search strings while the user is still reading, so the first keystroke on a big
  // ledger does not pay for them.
  useEffect(() => {
    if (rows.length < 2_000) return;
    const run = () => getSearchTexts(rows, visibleColumns);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(run, { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(run, 200);
    return () => clearTimeout(timer);
  }, [rows, visibleColumns]);

  // --- tanstack: column model and sorting / filter / visibility state ----------------------
  const columnDefs = useMemo(() => buildColumnDefs(columns), [columns]);
  const table = useReactTable<T>({
    // Rows never go through tanstack's row models (see rowPipeline.ts); an empty data array
    // means an accidental getRowModel() call costs nothing instead of building 100,000 rows.
    data: NO_ROWS as T[],
    columns: columnDefs,
    state: { sorting, columnFilters, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    manualSorting: true,
    manualFiltering: true,
    // Always 升序 first, whatever the column type (tanstack would start numbers at 降序).
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
  });

  // --- row pipeline -------------------------------------------------------------------------
  // Sorting is cached separately from filtering, so typing a search never re-sorts.
  const sortedOrder = useMemo(() => sortIndices(rows, columns, sorting), [rows, columns, sorting]);
  const order = useMemo(
    () => filterIndices(rows, columns, sortedOrder, columnFilters, searchMask),
    [rows, columns, sortedOrder, columnFilters, searchMask],
  );
  const getRowIdRef = useRef(getRowId);
  getRowIdRef.current = getRowId;
  const rowAt = useCallback((index: number): T | undefined => rows[order[index]], [rows, order]);
  const idAt = useCallback((index: number) => getRowIdRef.current(rows[order[index]]), [rows, order]);
  const displayIds = useCallback(() => Array.from(order, (i) => getRowIdRef.current(rows[i])), [rows, order]);

  // Pages print or export what the clerk sees: the filtered rows in displayed order.
  const onDisplayedRowsChangeRef = useRef(onDisplayedRowsChange);
  onDisplayedRowsChangeRef.current = onDisplayedRowsChange;
  useEffect(() => {
    onDisplayedRowsChangeRef.current?.(Array.from(order, (i) => rows[i]));
  }, [rows, order]);

  // --- selection (by row id, so it survives sorting, filtering and new rows arrays) --------
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const selectionRef = useRef(rowSelection);
  const onSelectionChangeRef = useRef(onSelectionChange);
  onSelectionChangeRef.current = onSelectionChange;
  const anchorIndex = useRef<number | null>(null);

  const updateSelection = useCallback((next: RowSelectionState) => {
    if (next === selectionRef.current) return;
    selectionRef.current = next;
    setRowSelection(next);
    onSelectionChangeRef.current?.(selectedIds(next));
  }, []);

  // Rows deleted upstream must not linger in the selection (and in 已选 N 条).
  useEffect(() => {
    if (selectedIds(selectionRef.current).length === 0) return;
    const existing = new Set(rows.map((r) => getRowIdRef.current(r)));
    updateSelection(pruneSelection(selectionRef.current, (id) => existing.has(id)));
  }, [rows, updateSelection]);

  /** Checkbox / Space on the row at `index` of the displayed order; shift extends a range. */
  const toggleRow = useCallback(
    (index: number, extendRange: boolean) => {
      if (!selectable || index < 0 || index >= order.length) return;
      const id = idAt(index);
      const select = !selectionRef.current[id];
      const anchor = anchorIndex.current;
      const ids = extendRange && anchor !== null && anchor < order.length ? idsInRange(displayIds(), anchor, index) : [id];
      anchorIndex.current = index;
      updateSelection(setIdsSelected(selectionRef.current, ids, select));
    },
    [selectable, order, idAt, displayIds, updateSelection],
  );

  const filteredSelection = useMemo(() => {
    let selected = 0;
    if (selectedIds(rowSelection).length > 0) {
      for (let i = 0; i < order.length; i++) if (rowSelection[getRowIdRef.current(rows[order[i]])]) selected++;
    }
    return { selected, all: order.length > 0 && selected === order.length };
  }, [rows, order, rowSelection]);

  /** Header checkbox: select every row that passes the current filters, or clear them. */
  const toggleAllFiltered = useCallback(() => {
    updateSelection(setIdsSelected(selectionRef.current, displayIds(), !filteredSelection.all));
  }, [displayIds, filteredSelection.all, updateSelection]);

  /** 清除全部筛选: every column filter and the quick search at once. */
  const clearFilters = useCallback(() => {
    setColumnFilters([]);
    setQuery('');
  }, []);

  const selectedCount = useMemo(() => selectedIds(rowSelection).length, [rowSelection]);

  return {
    table,
    /** Display index → index into `rows`. */
    order,
    rowAt,
    idAt,
    visibleColumns,
    columnVisibility,
    sorting,
    columnFilters,
    searchMask,
    query,
    setQuery,
    isFiltered: columnFilters.length > 0 || searchMask !== null,
    rowSelection,
    selectedCount,
    filteredSelection,
    toggleRow,
    toggleAllFiltered,
    clearFilters,
  };
}
