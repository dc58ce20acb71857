import { compareSortValues, isEmptySortValue, ledgerCollator, sortValueText } from '../../../../shared/search/collation';
import type { CellValue } from './types';

/**
 * The ledger collator and value rules live in shared/search/collation.ts, so both LedgerTable
 * modes (rows in memory, pages of key rows) sort the same way: pinyin order for names (李 < 王 <
 * 张 < 赵), numbers by value ('第2批' before '第10批'), empties last.
 */
export const chineseCollator = ledgerCollator;

/** null, undefined, NaN and blank strings count as empty: they always sort last. */
export const isEmptyValue = (value: CellValue): value is null | undefined | '' => isEmptySortValue(value);

/** Text shown in a cell and used by quick search / filters. */
export const formatCellText = (value: CellValue): string => sortValueText(value);

/** Ascending comparison of two non-empty values. */
export const compareValues = (a: CellValue, b: CellValue): number => compareSortValues(a, b);

/**
 * Comparator for a sorting function whose result tanstack negates for descending order. Empty
 * values must stay at the bottom in both directions, so their result is pre-negated when `desc`.
 */
export function compareForSort(a: CellValue, b: CellValue, desc: boolean): number {
  const aEmpty = isEmptyValue(a);
  const bEmpty = isEmptyValue(b);
  if (aEmpty || bEmpty) {
    if (aEmpty && bEmpty) return 0;
    const emptiesLast = aEmpty ? 1 : -1;
    return desc ? -emptiesLast : emptiesLast;
  }
  return compareValues(a, b);
}

/** Plain ascending sort of values with empties last; handy for option lists and tests. */
export function sortValues<V extends CellValue>(values: readonly V[]): V[] {
  return [...values].sort((a, b) => compareForSort(a, b, false));
}
