import type { CellValue } from './types';

/**
 * One shared collator: constructing Intl.Collator is costly and sorting 100,000 rows calls
 * compare ~1.7 million times. Pinyin order is what office staff expect for names (李 < 王 < 张 <
 * 赵); numeric:true makes '第2批' sort before '第10批'.
 */
export const chineseCollator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** null, undefined, NaN and blank strings count as empty: they always sort last. */
export function isEmptyValue(value: CellValue): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  return false;
}

/** Text shown in a cell and used by quick search / filters. */
export function formatCellText(value: CellValue): string {
  if (isEmptyValue(value)) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** Ascending comparison of two non-empty values. */
export function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Dates are 'YYYY-MM-DD' strings, so plain collation orders them correctly.
  return chineseCollator.compare(formatCellText(a), formatCellText(b));
}

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
