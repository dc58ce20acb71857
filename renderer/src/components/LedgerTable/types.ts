import type { ReactNode } from 'react';
import type { KeyIndex } from '../../../../shared/search/keyIndex';
import type { LedgerKeyRow } from '../../../../shared/search/ledgerKeys';
import type { ExportKind } from '../../../../shared/excel/exportSheet';
import type { ImportTargetId } from '../../../../shared/excel/targets';
import type { AttachmentFilterValue } from '../../../../shared/attachments/filter';

/**
 * What a column accessor may return. Kept to plain values so sorting, filtering and quick search
 * can work on them without knowing the domain; dates travel as 'YYYY-MM-DD' strings.
 */
export type CellValue = string | number | boolean | null | undefined;

export type ColumnFilterKind = 'text' | 'select' | 'dateRange' | 'none';

/** Our own column description; LedgerTable translates it into a tanstack ColumnDef. */
export interface LedgerColumn<T> {
  /** Stable id: keys sorting, filters and the remembered visibility. */
  id: string;
  /** Chinese header text. */
  header: string;
  accessor: (row: T) => CellValue;
  /** Pixel width; explicit widths keep virtualised rows aligned with the header. Default 140. */
  width?: number;
  /** Default 'none'. */
  filter?: ColumnFilterKind;
  /** Custom rendering; sorting, filters and quick search still use `accessor`. */
  cell?: (row: T) => ReactNode;
  /** Default true. */
  sortable?: boolean;
  /** Hidden until the user shows it in 列显示 (only used when nothing is remembered). */
  defaultHidden?: boolean;
  /**
   * The column holds person names: quick search reads the first character as a surname, so the
   * polyphonic surnames match their pinyin (曾 zeng, 单 shan, 解 xie, 仇 qiu).
   */
  personName?: boolean;
  /**
   * The values of a select filter in the domain's order (e.g. a status lifecycle 推荐 → 已聘任);
   * values not listed follow in pinyin order.
   */
  filterOrder?: readonly string[];
  /**
   * 'right' keeps the column in view at the right edge while the grid scrolls sideways (操作
   * columns: row actions must stay clickable on a 1366 px screen).
   */
  pin?: 'right';
  /**
   * Paged mode: the key-row field (shared/search/ledgerKeys.ts: 'name', 'updatedAt' or a spec
   * field) this column sorts and filters on. Columns without one are shown but neither sorted
   * nor filtered in paged mode.
   */
  key?: string;
  /** Text alignment in the cell, e.g. 'right' for amounts. */
  align?: 'left' | 'center' | 'right';
  /**
   * 导出 Excel: how the column is written — 'amount' (number, #,##0.00), 'date', 'dateTime',
   * 'number', 'text' (never read as a date) or 'none' (a screen control, left out). Default:
   * from the value (YYYY-MM-DD → date, ISO instant → date and time, number → number).
   */
  exportAs?: ExportKind | 'none';
  /** 导出 Excel: the value written when it differs from `accessor` (e.g. several values, joined with 、). */
  exportValue?: (row: T) => unknown;
}

/**
 * Paged mode (ledgers of up to 100,000+ records): instead of `rows`, the ledger's key rows in
 * memory (filters, sort and quick search run on them) and a live reader of the rows on screen.
 * renderer/src/db/usePagedLedgerSource.ts builds one for a keyed Dexie table.
 */
export interface LedgerPagedSource<T> {
  /** The ledger's key index, null while its key rows are read. */
  index: KeyIndex | null;
  /** Bumped after every committed change to the index (it changes in place). */
  version: number;
  /** Order when no column is sorted (the first page is read by index in this order). */
  defaultSort: { field: string; desc: boolean };
  /** Shown before the index is in memory: the default order's first key rows and the total. */
  firstPage?: { rows: LedgerKeyRow[]; total: number | null } | null;
  /**
   * A row drawn from its key row alone, shown until `observeRows` delivers the record (sorting
   * or searching paints at once; columns that need the record may show a placeholder).
   */
  rowFromKey?: (key: LedgerKeyRow) => T;
  /** Calls back with the rows of `ids` now and after every change to them; returns unsubscribe. */
  observeRows: (ids: readonly string[], onRows: (rows: ReadonlyMap<string, T>) => void) => () => void;
  /** Reads the rows of `ids` once (导出 Excel reads the ledger block by block); default: observeRows once. */
  readRows?: (ids: readonly string[]) => Promise<ReadonlyMap<string, T>>;
  /**
   * A filter the screen holds outside the columns (e.g. 有/无附件 from a derived set of ids):
   * keeps the matching ids, in order. A new function means a new result (pass a memoised one).
   */
  narrow?: (ids: readonly string[]) => string[];
}

/**
 * 有/无附件 on a ledger's toolbar (issue 11), for ledgers whose records hold 附件: the rows
 * kept are read from the derived per-record counts (a roster also counts its children's files,
 * db/attachments/counts.ts attachmentChildren). 清除全部筛选 resets it with the other filters.
 */
export interface LedgerAttachmentFilter {
  /** The ledger table the rows' files are attached under, e.g. 'serviceLogs', 'rectificationItems'. */
  table: string;
  /**
   * For a list that pages itself and gives the grid one page (服务日志): told each new choice,
   * it filters before paging (its totals then count the matching records) and the grid shows
   * the rows it is given.
   */
  onChange?: (value: AttachmentFilterValue) => void;
}

/** 导入 Excel on a ledger's toolbar: which import target, and what it needs (e.g. the plan imported into). */
export interface LedgerExcelImport {
  target: ImportTargetId;
  options?: Readonly<Record<string, unknown>>;
  /** Called after rows were written (e.g. to show a message or refresh something not live). */
  onImported?: (count: number) => void;
}

export interface LedgerTableProps<T> {
  /** Keys the remembered column visibility: localStorage `sciledger.table.<tableId>.columns`. */
  tableId: string;
  columns: LedgerColumn<T>[];
  /** In-memory mode: every row (small lists, a record's tabs). */
  rows?: T[];
  /** Paged mode: large ledgers (give `rows` or `source`, and keep to one for the table's life). */
  source?: LedgerPagedSource<T>;
  getRowId: (row: T) => string;
  selectable?: boolean;
  /** Called with every selected id (including rows currently hidden by filters). */
  onSelectionChange?: (ids: string[]) => void;
  /** In-memory mode: the rows left after filters and quick search, in displayed order (for print / export). */
  onDisplayedRowsChange?: (rows: T[]) => void;
  /**
   * Both modes: how many rows are displayed and their ids in displayed order, read on demand — a
   * paged ledger prints or exports what is on screen without reading every record up front.
   */
  onDisplayedIdsChange?: (view: DisplayedIds) => void;
  /** Enter on the active row, or double-click. */
  onRowActivate?: (row: T) => void;
  /** Height of the scrolling grid (header + rows) in px or any CSS length. Default 480. */
  height?: number | string;
  /** Extra toolbar content (buttons such as 新增 / 导出), placed after the quick search box. */
  toolbarExtra?: ReactNode;
  /** Shown when `rows` is empty. Default 无数据. */
  emptyText?: ReactNode;
  /** Accessible name of the grid; defaults to the tableId. */
  ariaLabel?: string;
  /** Title of 导出 Excel's sheet and file; defaults to ariaLabel. */
  exportTitle?: string;
  /** Adds 导入 Excel to the toolbar (every ledger has 导出 Excel). */
  excelImport?: LedgerExcelImport;
  /** Adds 有/无附件 to the toolbar (ledgers whose records hold 附件). */
  attachments?: LedgerAttachmentFilter;
}

/** The displayed rows of a ledger, as ids (LedgerTableProps.onDisplayedIdsChange). */
export interface DisplayedIds {
  count: number;
  ids: () => string[];
}

/** Filter values as stored in tanstack's columnFilters state. */
export type TextFilterValue = string;
export type SelectFilterValue = string[];
/** Inclusive bounds as 'YYYY-MM-DD'; either side may be empty. */
export type DateRangeFilterValue = [string, string];
