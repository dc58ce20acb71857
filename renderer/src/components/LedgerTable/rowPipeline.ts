import type { ColumnFiltersState, SortingState } from '@tanstack/react-table';
import { compareValues, formatCellText, isEmptyValue } from './chineseCollation';
import { dateInRange, selectMatches } from './columnFilters';
import { normaliseSearchText } from './quickSearch';
import type { CellValue, DateRangeFilterValue, LedgerColumn, SelectFilterValue } from './types';

/**
 * Filtering and sorting of the rows, as pure functions over typed arrays.
 *
 * Why not tanstack's row models: they allocate one Row object with ~50 closures per data row;
 * at 100,000 rows that is 0.5–1 s of allocation and GC on every new rows array, and its sorted
 * model copies every row again. Here a column's values are read once per rows array, sorting
 * compares precomputed integer ranks, and the result is an Int32Array of data indices in display
 * order. tanstack still owns the column model and the sorting/filter/visibility state.
 */

type ColumnLike<T> = Pick<LedgerColumn<T>, 'id' | 'accessor' | 'filter'>;

const valueCache = new WeakMap<readonly unknown[], Map<string, CellValue[]>>();

/** accessor() for every row, once per rows array and column id. */
export function getColumnValues<T>(rows: readonly T[], column: ColumnLike<T>): CellValue[] {
  let byColumn = valueCache.get(rows);
  if (!byColumn) {
    byColumn = new Map();
    valueCache.set(rows, byColumn);
  }
  let values = byColumn.get(column.id);
  if (!values) {
    values = rows.map((row) => column.accessor(row));
    byColumn.set(column.id, values);
  }
  return values;
}

const EMPTY_RANK = 0x7fffffff;
const rankCache = new WeakMap<readonly CellValue[], Int32Array>();

/**
 * Position of each row's value among the column's distinct values in pinyin/numeric order;
 * empties get EMPTY_RANK. Collating the distinct values once is much cheaper than calling the
 * collator in every comparison of a 100,000-row sort.
 */
export function getSortRanks(values: readonly CellValue[]): Int32Array {
  const cached = rankCache.get(values);
  if (cached) return cached;
  const distinct = new Map<CellValue, number>();
  for (const v of values) if (!isEmptyValue(v)) distinct.set(v, 0);
  const sorted = [...distinct.keys()].sort(compareValues);
  // Equal-collating values (e.g. '2' and 2) share a rank so the sort stays stable between them.
  let rank = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || compareValues(sorted[i - 1], sorted[i]) !== 0) rank++;
    distinct.set(sorted[i], rank);
  }
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    ranks[i] = isEmptyValue(v) ? EMPTY_RANK : (distinct.get(v) as number);
  }
  rankCache.set(values, ranks);
  return ranks;
}

/** Data indices in sorted order; null when unsorted (identity order). Stable; empties last. */
export function sortIndices<T>(rows: readonly T[], columns: readonly ColumnLike<T>[], sorting: SortingState): Int32Array | null {
  const keys = sorting
    .map((s) => {
      const column = columns.find((c) => c.id === s.id);
      return column ? { ranks: getSortRanks(getColumnValues(rows, column)), desc: s.desc } : null;
    })
    .filter((k): k is { ranks: Int32Array; desc: boolean } => k !== null);
  if (keys.length === 0) return null;
  const order = new Int32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    for (const { ranks, desc } of keys) {
      const ra = ranks[a];
      const rb = ranks[b];
      if (ra === rb) continue;
      // Empties stay last whichever the direction.
      if (ra === EMPTY_RANK) return 1;
      if (rb === EMPTY_RANK) return -1;
      return desc ? rb - ra : ra - rb;
    }
    return a - b;
  });
  return order;
}

/** Predicate on a cell value for one active column filter; null for unknown columns/kinds. */
function columnPredicate(kind: ColumnLike<unknown>['filter'], value: unknown): ((v: CellValue) => boolean) | null {
  switch (kind) {
    case 'text': {
      const needle = normaliseSearchText(String(value ?? '').trim());
      return (v) => needle === '' || normaliseSearchText(formatCellText(v)).includes(needle);
    }
    case 'select':
      return (v) => selectMatches(v, value as SelectFilterValue);
    case 'dateRange':
      return (v) => dateInRange(v, value as DateRangeFilterValue);
    default:
      return null;
  }
}

/**
 * Applies the quick-search mask and the column filters to `order` (or to the identity order
 * when null), keeping the order. Returns display index → data index.
 */
export function filterIndices<T>(
  rows: readonly T[],
  columns: readonly ColumnLike<T>[],
  order: Int32Array | null,
  columnFilters: ColumnFiltersState,
  searchMask: Uint8Array | null,
): Int32Array {
  const tests: { values: CellValue[]; test: (v: CellValue) => boolean }[] = [];
  for (const f of columnFilters) {
    const column = columns.find((c) => c.id === f.id);
    const test = column ? columnPredicate(column.filter, f.value) : null;
    if (column && test) tests.push({ values: getColumnValues(rows, column), test });
  }
  const n = rows.length;
  const out = new Int32Array(n);
  let count = 0;
  for (let p = 0; p < n; p++) {
    const i = order ? order[p] : p;
    if (searchMask && searchMask[i] === 0) continue;
    let ok = true;
    for (let t = 0; t < tests.length && ok; t++) ok = tests[t].test(tests[t].values[i]);
    if (ok) out[count++] = i;
  }
  return count === n ? out : out.slice(0, count);
}
