import type { ColumnDef, FilterFn } from '@tanstack/react-table';
import { compareForSort } from './chineseCollation';
import { dateRangeFilterFn, selectFilterFn, textFilterFn } from './columnFilters';
import { columnWidth } from './layout';
import type { CellValue, ColumnFilterKind, LedgerColumn } from './types';

const FILTER_FNS: Record<Exclude<ColumnFilterKind, 'none'>, FilterFn<unknown>> = {
  text: textFilterFn,
  select: selectFilterFn,
  dateRange: dateRangeFilterFn,
};

/**
 * Translates our column description into tanstack ColumnDefs. tanstack drives the header,
 * column visibility and the sorting / filter state; rows are filtered and sorted by
 * rowPipeline.ts (manual mode) and cells are drawn by LedgerRow straight from LedgerColumn.
 * The sortingFn / filterFn entries still describe the same rules, so the defs stay correct if a
 * caller ever lets tanstack process rows itself (and filterFn.autoRemove is used either way).
 */
export function buildColumnDefs<T>(columns: readonly LedgerColumn<T>[], paged = false): ColumnDef<T, CellValue>[] {
  return columns.map((col) => {
    // In paged mode a column sorts and filters on its key-row field; without one it does neither.
    const keyed = !paged || col.key !== undefined;
    const filter = keyed ? (col.filter ?? 'none') : 'none';
    return {
      id: col.id,
      header: col.header,
      accessorFn: (row: T) => col.accessor(row),
      size: columnWidth(col),
      enableSorting: keyed && col.sortable !== false,
      sortingFn: (a, b, id) => compareForSort(a.getValue<CellValue>(id), b.getValue<CellValue>(id), false),
      enableColumnFilter: filter !== 'none',
      filterFn: filter === 'none' ? undefined : (FILTER_FNS[filter] as FilterFn<T>),
      enableGlobalFilter: false,
    } satisfies ColumnDef<T, CellValue>;
  });
}
