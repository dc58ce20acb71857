import { useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty } from 'antd';
import { nextActiveIndex } from './keyboardNav';
import { DEFAULT_HEIGHT, HEADER_HEIGHT, OVERSCAN, ROW_HEIGHT, SELECTION_COLUMN_WIDTH, columnWidth } from './layout';
import { LedgerHeader } from './LedgerHeader';
import { LedgerRow, type RowHandlers } from './LedgerRow';
import { LedgerToolbar } from './LedgerToolbar';
import { AttachmentFilterSelect } from './AttachmentFilterSelect';
import { LedgerExcelExport } from '../Excel/LedgerExcelExport';
import { LedgerExcelImport } from '../Excel/LedgerExcelImport';
import { readPagedRows } from '../Excel/readLedgerRows';
import { useLedgerTable } from './useLedgerTable';
import type { LedgerColumn, LedgerTableProps } from './types';
import './LedgerTable.css';

const estimateRowSize = () => ROW_HEIGHT;

/**
 * The ledger grid used by every 台账 screen. State lives in useLedgerTable (tanstack table +
 * quick search + selection); this component draws a virtualised ARIA grid: focus stays on the
 * grid element and `aria-activedescendant` names the active row, because rows scrolled out of
 * view are unmounted and could not hold focus themselves.
 *
 * Pass a memoised `columns` array (module constant or useMemo): its identity keys the column
 * definitions and the quick-search cache.
 */
export function LedgerTable<T>(props: LedgerTableProps<T>) {
  const { tableId, columns, selectable = false, onRowActivate, height = DEFAULT_HEIGHT } = props;
  const model = useLedgerTable(props);
  const { table, display, rowAt, idAt, visibleColumns, rowSelection, toggleRow } = model;
  const rowCount = model.count;

  const ledgerColumns = useMemo(() => new Map(columns.map((c) => [c.id, c] as [string, LedgerColumn<T>])), [columns]);
  const gridWidth = useMemo(
    () => visibleColumns.reduce((sum, c) => sum + columnWidth(c), selectable ? SELECTION_COLUMN_WIDTH : 0),
    [visibleColumns, selectable],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: estimateRowSize,
    overscan: OVERSCAN,
    // The sticky header sits inside the scroller: offset the rows by it, and keep rows scrolled
    // to by the keyboard from ending up underneath it.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 0, height: typeof height === 'number' ? height : DEFAULT_HEIGHT },
  });

  // --- active row (tracked by id so it survives sorting and filtering) ----------------------
  const [activeId, setActiveIdState] = useState<string | null>(null);
  const activeIdRef = useRef<string | null>(null);
  const setActiveId = useCallback((id: string | null) => {
    activeIdRef.current = id;
    setActiveIdState(id);
  }, []);
  // Where the active row is now; the last known position is checked first because a linear scan
  // of 100,000 ids on every arrow key would be wasteful.
  const activeHint = useRef(-1);
  const activeIndex = useMemo(() => {
    if (activeId === null) return -1;
    const hint = activeHint.current;
    if (hint >= 0 && hint < rowCount && idAt(hint) === activeId) return hint;
    for (let i = 0; i < rowCount; i++) if (idAt(i) === activeId) return i;
    return -1;
  }, [activeId, idAt, rowCount]);
  activeHint.current = activeIndex;

  // A new search, filter or sort shows its result from the top. Only scroll when needed:
  // scrollToOffset reads scrollHeight, which forces a layout of the whole grid.
  // (Keyed by the query, not the result: a write elsewhere must not move the clerk's place.)
  const { sorting, columnFilters, query } = model;
  const attachmentChoice = model.attachmentFilter.value;
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [sorting, columnFilters, query, attachmentChoice, virtualizer]);

  const rowAtRef = useRef(rowAt);
  rowAtRef.current = rowAt;
  const idAtRef = useRef(idAt);
  idAtRef.current = idAt;
  const onActivateRef = useRef(onRowActivate);
  onActivateRef.current = onRowActivate;

  const toggleRowRef = useRef(toggleRow);
  toggleRowRef.current = toggleRow;
  // Stable handlers so memoised rows do not re-render on every parent render.
  const handlers = useMemo<RowHandlers>(
    () => ({
      onPointerActivate: (index) => {
        activeHint.current = index;
        setActiveId(idAtRef.current(index) ?? null);
      },
      onDoubleClick: (index) => {
        const row = rowAtRef.current(index);
        if (row !== undefined) onActivateRef.current?.(row);
      },
      onToggle: (index, extendRange) => toggleRowRef.current(index, extendRange),
    }),
    [setActiveId],
  );

  const moveTo = (index: number) => {
    if (index < 0 || index >= rowCount) return;
    activeHint.current = index;
    setActiveId(idAt(index) ?? null);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in header buttons, filter popovers (React bubbles through portals) or custom
    // cell controls belong to those controls.
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (activeIndex >= 0) onRowActivate?.(rowAt(activeIndex) as T);
      return;
    }
    if (e.key === ' ') {
      e.preventDefault(); // otherwise the page scrolls
      if (activeIndex >= 0) toggleRow(activeIndex, e.shiftKey);
      return;
    }
    if (selectable && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      model.toggleAllFiltered();
      return;
    }
    const viewport = scrollRef.current?.clientHeight ?? 0;
    const pageSize = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const next = nextActiveIndex(e.key, activeIndex, rowCount, pageSize);
    if (next === null) return;
    e.preventDefault();
    moveTo(next);
  };

  // Focusing the grid (Tab) lands on the first row so screen readers announce something useful;
  // a mouse click has already chosen its row on mousedown.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if ((activeIdRef.current === null || activeIndex < 0) && rowCount > 0) {
      activeHint.current = 0;
      setActiveId(idAt(0) ?? null);
    }
  };

  // The header only changes with the sort, the filters and the visible columns; a search or a
  // write must not re-render its buttons and popovers (the select options are read on opening).
  const filterValuesRef = useRef(display.filterValues);
  filterValuesRef.current = display.filterValues;
  const filterValues = useCallback((column: LedgerColumn<T>) => filterValuesRef.current(column), []);
  const toggleAllRef = useRef(model.toggleAllFiltered);
  toggleAllRef.current = model.toggleAllFiltered;
  const onToggleAll = useCallback(() => toggleAllRef.current(), []);
  const headerState = useMemo(() => ({ sorting, columnFilters, visibleColumns }), [sorting, columnFilters, visibleColumns]);

  const domIdPrefix = useId();
  const rowDomId = (index: number) => `${domIdPrefix}-row-${index}`;
  const items = virtualizer.getVirtualItems();
  // Paged mode reads only the rows in view: tell the source which ones.
  const firstItem = items[0]?.index ?? 0;
  const lastItem = items[items.length - 1]?.index ?? 0;
  const { setWindow } = display;
  useEffect(() => setWindow(firstItem, lastItem), [setWindow, firstItem, lastItem]);
  // --- Excel: every ledger exports what is on screen or everything; some also import -------
  const { source, rows: memoryRows, getRowId } = props;
  const rowsOf = useCallback(
    async (ids: readonly string[]): Promise<readonly T[]> => {
      if (source) return readPagedRows(source, ids);
      const byId = new Map((memoryRows ?? []).map((r) => [getRowId(r), r] as [string, T]));
      return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
    },
    [source, memoryRows, getRowId],
  );
  // The Excel menu reads counts and ids when it is used, through refs: handing it the counts as
  // props would draw its antd Dropdown and Buttons again on every keystroke.
  const latest = useRef({ rowCount, total: display.total, display, source, memoryRows, getRowId });
  latest.current = { rowCount, total: display.total, display, source, memoryRows, getRowId };
  const exported = useMemo(
    () => ({
      displayed: { count: () => latest.current.rowCount, ids: () => latest.current.display.displayIds() },
      all: {
        count: () => latest.current.total,
        ids: () => {
          const { source: s, memoryRows: m, getRowId: idOf, display: d } = latest.current;
          return s ? (s.index ? s.index.query({ sort: s.defaultSort }) : d.displayIds()) : (m ?? []).map(idOf);
        },
      },
    }),
    [],
  );
  const excelTitle = props.exportTitle ?? props.ariaLabel ?? tableId;
  const { excelImport } = props;
  const excelActions = useMemo(() => {
    const excelMenu = (onImport?: () => void) => (
      <LedgerExcelExport title={excelTitle} columns={visibleColumns} displayed={exported.displayed} all={exported.all} rowsOf={rowsOf} onImport={onImport} />
    );
    return excelImport ? (
      <LedgerExcelImport {...excelImport} title={excelTitle}>
        {excelMenu}
      </LedgerExcelImport>
    ) : (
      excelMenu()
    );
  }, [excelTitle, visibleColumns, exported, rowsOf, excelImport]);

  const emptyContent = display.total === 0 ? (props.emptyText ?? '无数据') : '没有符合条件的记录';

  return (
    <div className="ledger-table" data-testid="ledger-table" data-table-id={tableId}>
      <LedgerToolbar
        query={model.query}
        onQueryChange={model.setQuery}
        filters={model.attachmentFilter.offered && <AttachmentFilterSelect value={attachmentChoice} onChange={model.attachmentFilter.setValue} loading={model.attachmentFilter.loading} />}
        extra={props.toolbarExtra}
        excel={excelActions}
        columns={columns}
        visibility={model.columnVisibility}
        shownCount={display.countKnown ? rowCount : null}
        totalCount={display.total}
        filtered={model.isFiltered}
        onClearFilters={model.clearFilters}
        selectable={selectable}
        selectedCount={model.selectedCount}
      />
      <div className="ledger-table__scroller" ref={scrollRef} style={{ height }}>
        <div
          ref={gridRef}
          role="grid"
          tabIndex={0}
          aria-label={props.ariaLabel ?? tableId}
          aria-rowcount={rowCount + 1}
          aria-colcount={visibleColumns.length + (selectable ? 1 : 0)}
          aria-multiselectable={selectable || undefined}
          aria-activedescendant={activeIndex >= 0 ? rowDomId(activeIndex) : undefined}
          className="ledger-table__grid"
          style={{ width: gridWidth }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <LedgerHeader
            table={table}
            tableState={headerState}
            ledgerColumns={ledgerColumns}
            filterValues={filterValues}
            selectable={selectable}
            allSelected={model.filteredSelection.all}
            someSelected={model.filteredSelection.selected > 0}
            onToggleAll={onToggleAll}
            width={gridWidth}
          />
          <div
            role="rowgroup"
            className="ledger-table__body"
            style={{ height: Math.max(0, virtualizer.getTotalSize() - HEADER_HEIGHT), width: gridWidth }}
          >
            {items.map((item) => {
              const row = rowAt(item.index);
              const id = idAt(item.index);
              if (row === undefined || id === undefined) {
                // Paged mode: this row is still being read.
                return (
                  <div key={`pending-${item.index}`} role="row" aria-rowindex={item.index + 2} className="ledger-table__row ledger-table__row--pending" style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT, width: gridWidth }}>
                    <div role="gridcell" className="ledger-table__cell">…</div>
                  </div>
                );
              }
              // Keyed by position, not by record: a search or sort that brings other records
              // into view rewrites the text of the rows on screen (React patches them), where
              // keys by id would remove every row and build it again — new elements, their
              // inline styles and a style pass over all of them, on every keystroke. A row
              // whose record, position and state are unchanged is still not rendered again
              // (LedgerRow is memoised); stateful cell content is keyed by id (LedgerRow).
              return (
                <LedgerRow
                  key={item.index}
                  row={row}
                  rowId={id}
                  index={item.index}
                  top={item.start - HEADER_HEIGHT}
                  domId={rowDomId(item.index)}
                  columns={visibleColumns}
                  width={gridWidth}
                  selectable={selectable}
                  selected={Boolean(rowSelection[id])}
                  active={item.index === activeIndex}
                  handlers={handlers}
                />
              );
            })}
          </div>
        </div>
        {rowCount === 0 && (
          <div className="ledger-table__empty" data-testid="ledger-empty">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyContent} />
          </div>
        )}
      </div>
    </div>
  );
}
