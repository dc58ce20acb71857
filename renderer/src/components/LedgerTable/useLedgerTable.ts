import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  getCoreRowModel,
  useReactTable,
  type ColumnFiltersState,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { buildColumnDefs } from './buildColumnDefs';
import { filterIndices, getColumnValues, sortIndices } from './rowPipeline';
import { getSearchTexts, parseQuery, queryNarrows, quickSearch } from './quickSearch';
import { idsInRange, pruneSelection, selectedIds, setIdsSelected } from './selection';
import { useColumnVisibility } from './useColumnVisibility';
import { usePagedDisplay, type LedgerDisplay } from './usePagedDisplay';
import { useAttachmentFilter } from './useAttachmentFilter';
import { narrowIds, narrowOrder } from '../../../../shared/attachments/filter';
import type { LedgerColumn, LedgerPagedSource, LedgerTableProps } from './types';

const NO_ROWS: unknown[] = [];

interface PreviousSearch {
  texts: readonly string[];
  query: string;
  mask: Uint8Array | null;
}

/**
 * In-memory mode: every row is given; filters, quick search and sorting run over them
 * (rowPipeline.ts, quickSearch.ts). Returns null in paged mode.
 */
function useMemoryDisplay<T>(
  rows: readonly T[] | null,
  columns: readonly LedgerColumn<T>[],
  visibleColumns: readonly LedgerColumn<T>[],
  sorting: SortingState,
  columnFilters: ColumnFiltersState,
  query: string,
  getRowId: (row: T) => string,
  keep: ((id: string) => boolean) | null,
): { display: LedgerDisplay<T>; order: Int32Array; rows: readonly T[] } | null {
  const data = rows ?? (NO_ROWS as T[]);
  // --- quick search: applied on every keystroke (IME compositions are held back by the search
  // box, useImeInput); one pass over 100,000 precomputed search texts takes a few milliseconds.
  const previousSearch = useRef<PreviousSearch | null>(null);
  const searchMask = useMemo(() => {
    if (!rows || parseQuery(query).length === 0) return null;
    const texts = getSearchTexts(rows, visibleColumns);
    const prev = previousSearch.current;
    // Extending the query ('张' → '张三') can only remove rows: scan just the previous matches.
    const within = prev && prev.texts === texts && queryNarrows(prev.query, query) ? prev.mask : null;
    const mask = quickSearch(texts, query, within);
    previousSearch.current = { texts, query, mask };
    return mask;
  }, [rows, visibleColumns, query]);

  // Build the search strings (with their pinyin) while the user is still reading, so the first
  // keystroke on a big ledger does not pay for them.
  useEffect(() => {
    if (!rows || rows.length < 2_000) return;
    const run = () => getSearchTexts(rows, visibleColumns);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(run, { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(run, 200);
    return () => clearTimeout(timer);
  }, [rows, visibleColumns]);

  // Sorting is cached separately from filtering, so typing a search never re-sorts.
  const sortedOrder = useMemo(() => sortIndices(data, columns, sorting), [data, columns, sorting]);
  const getRowIdRef = useRef(getRowId);
  getRowIdRef.current = getRowId;
  // 有/无附件 after the column filters and search, on the same ids a paged ledger narrows.
  const order = useMemo(
    () => narrowOrder(filterIndices(data, columns, sortedOrder, columnFilters, searchMask), (i) => getRowIdRef.current(data[i]), keep),
    [data, columns, sortedOrder, columnFilters, searchMask, keep],
  );

  return useMemo(() => {
    if (!rows) return null;
    const ids = new Map<string, true>();
    const display: LedgerDisplay<T> = {
      count: order.length,
      total: rows.length,
      countKnown: true,
      idAt: (i) => (i < order.length ? getRowIdRef.current(rows[order[i]]) : undefined),
      rowAt: (i) => rows[order[i]],
      displayIds: () => Array.from(order, (i) => getRowIdRef.current(rows[i])),
      exists: (id) => {
        if (ids.size === 0) for (const r of rows) ids.set(getRowIdRef.current(r), true);
        return ids.has(id);
      },
      filterValues: (column) => getColumnValues(rows, column),
      resultKey: searchMask,
      setWindow: () => undefined,
    };
    return { display, order, rows };
  }, [rows, order, searchMask]);
}

/** All table state (tanstack + quick search + selection), independent of how it is drawn. */
export function useLedgerTable<T>(props: LedgerTableProps<T>) {
  const { tableId, columns, getRowId, selectable = false, onSelectionChange, onDisplayedRowsChange, onDisplayedIdsChange, source } = props;
  const rows = source ? null : (props.rows ?? (NO_ROWS as T[]));

  const columnVisibility = useColumnVisibility(tableId, columns);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [query, setQuery] = useState('');

  const { visibility } = columnVisibility;
  const visibleColumns = useMemo(() => columns.filter((c) => visibility[c.id] !== false), [columns, visibility]);

  // --- tanstack: column model and sorting / filter / visibility state ----------------------
  const columnDefs = useMemo(() => buildColumnDefs(columns, Boolean(source)), [columns, source]);
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
    // One sort at a time in paged mode (a key index sorts by one field).
    enableMultiSort: !source,
    getCoreRowModel: getCoreRowModel(),
  });

  // --- 有/无附件: a filter of the ledger like the columns' (cleared with them) ----------------
  const attachmentFilter = useAttachmentFilter(props.attachments);
  const { keep } = attachmentFilter;
  const narrowedSource = useMemo<LedgerPagedSource<T> | undefined>(() => {
    if (!source || !keep) return source;
    const before = source.narrow;
    return { ...source, narrow: (ids) => narrowIds(before ? before(ids) : ids, keep) };
  }, [source, keep]);

  // --- rows: in memory, or pages of a key index ---------------------------------------------
  const memory = useMemoryDisplay(rows, columns, visibleColumns, sorting, columnFilters, query, getRowId, keep);
  const paged = usePagedDisplay(narrowedSource, columns, sorting, columnFilters, query);
  const display = (memory?.display ?? paged) as LedgerDisplay<T>;
  const { count, idAt, rowAt, displayIds } = display;

  // Pages print or export what the clerk sees: the filtered rows in displayed order.
  const onDisplayedRowsChangeRef = useRef(onDisplayedRowsChange);
  onDisplayedRowsChangeRef.current = onDisplayedRowsChange;
  useEffect(() => {
    if (memory) onDisplayedRowsChangeRef.current?.(Array.from(memory.order, (i) => memory.rows[i]));
  }, [memory]);
  const onDisplayedIdsChangeRef = useRef(onDisplayedIdsChange);
  onDisplayedIdsChangeRef.current = onDisplayedIdsChange;
  useEffect(() => {
    onDisplayedIdsChangeRef.current?.({ count, ids: displayIds });
  }, [count, displayIds]);

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
    updateSelection(pruneSelection(selectionRef.current, display.exists));
  }, [display, updateSelection]);

  /** Checkbox / Space on the row at `index` of the displayed order; shift extends a range. */
  const toggleRow = useCallback(
    (index: number, extendRange: boolean) => {
      if (!selectable || index < 0 || index >= count) return;
      const id = idAt(index);
      if (id === undefined) return;
      const select = !selectionRef.current[id];
      const anchor = anchorIndex.current;
      const ids = extendRange && anchor !== null && anchor < count ? idsInRange(displayIds(), anchor, index) : [id];
      anchorIndex.current = index;
      updateSelection(setIdsSelected(selectionRef.current, ids, select));
    },
    [selectable, count, idAt, displayIds, updateSelection],
  );

  const filteredSelection = useMemo(() => {
    let selected = 0;
    if (selectedIds(rowSelection).length > 0) for (const id of displayIds()) if (rowSelection[id]) selected++;
    return { selected, all: count > 0 && selected === count };
  }, [count, displayIds, rowSelection]);

  /** Header checkbox: select every row that passes the current filters (all of them in paged mode), or clear them. */
  const toggleAllFiltered = useCallback(() => {
    updateSelection(setIdsSelected(selectionRef.current, displayIds(), !filteredSelection.all));
  }, [displayIds, filteredSelection.all, updateSelection]);

  /** 清除全部筛选: every filter the toolbar and the header show — columns, quick search, 附件 — at once. */
  const { setValue: setAttachmentFilter } = attachmentFilter;
  const clearFilters = useCallback(() => {
    setColumnFilters([]);
    setQuery('');
    setAttachmentFilter('all');
  }, [setAttachmentFilter]);

  const selectedCount = useMemo(() => selectedIds(rowSelection).length, [rowSelection]);

  return {
    table,
    display,
    /** Rows in the grid (matching the filters and search). */
    count,
    rowAt,
    idAt,
    visibleColumns,
    columnVisibility,
    sorting,
    columnFilters,
    query,
    setQuery,
    attachmentFilter,
    isFiltered: columnFilters.length > 0 || parseQuery(query).length > 0 || attachmentFilter.value !== 'all',
    rowSelection,
    selectedCount,
    filteredSelection,
    toggleRow,
    toggleAllFiltered,
    clearFilters,
  };
}
