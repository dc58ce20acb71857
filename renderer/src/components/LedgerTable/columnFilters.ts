import type { FilterFn } from '@tanstack/react-table';
import { chineseCollator, formatCellText, isEmptyValue } from './chineseCollation';
import { normaliseSearchText } from './quickSearch';
import { dateInRange, selectMatches, textMatches } from '../../../../shared/search/filters';
import type { CellValue, DateRangeFilterValue, SelectFilterValue, TextFilterValue } from './types';

/**
 * Per-column filter predicates (pure) and their tanstack FilterFn wrappers. rowPipeline.ts runs
 * the predicates; tanstack uses the wrappers' `autoRemove` to drop a filter from state once the
 * user clears it, so "is anything filtered?" stays a simple length check.
 */

/** The select filter's key for blank cells, shown as （空白）. */
export const EMPTY_OPTION_KEY = '';

export { dateInRange, selectMatches, textMatches };

export const isTextFilterEmpty = (value: unknown): boolean =>
  typeof value !== 'string' || value.trim() === '';
// '' is a real choice here (the （空白） option), so only an empty list means "no filter".
export const isSelectFilterEmpty = (value: unknown): boolean => !Array.isArray(value) || value.length === 0;
export const isDateRangeFilterEmpty = (value: unknown): boolean =>
  !Array.isArray(value) || (!value[0] && !value[1]);

// The needle is normalised once per filter run (resolveFilterValue), not once per row.
export const textFilterFn: FilterFn<unknown> = (row, columnId, needle: TextFilterValue) =>
  needle === '' || normaliseSearchText(formatCellText(row.getValue<CellValue>(columnId))).includes(needle);
textFilterFn.resolveFilterValue = (value: TextFilterValue) => normaliseSearchText(String(value ?? '').trim());
textFilterFn.autoRemove = isTextFilterEmpty;

export const selectFilterFn: FilterFn<unknown> = (row, columnId, value: SelectFilterValue) =>
  selectMatches(row.getValue<CellValue>(columnId), value);
selectFilterFn.autoRemove = isSelectFilterEmpty;

export const dateRangeFilterFn: FilterFn<unknown> = (row, columnId, value: DateRangeFilterValue) =>
  dateInRange(row.getValue<CellValue>(columnId), value);
dateRangeFilterFn.autoRemove = isDateRangeFilterEmpty;

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * Distinct values of one column for the select filter: the values of `order` first in that order
 * (a status lifecycle), then the others in pinyin order, blanks last.
 */
export function distinctOptions(values: readonly CellValue[], order: readonly string[] = []): SelectOption[] {
  const seen = new Set<string>();
  let hasEmpty = false;
  for (const value of values) {
    if (isEmptyValue(value)) hasEmpty = true;
    else seen.add(formatCellText(value));
  }
  const position = new Map(order.map((v, i) => [v, i]));
  const byOrder = (a: string, b: string) => (position.get(a) ?? order.length) - (position.get(b) ?? order.length) || chineseCollator.compare(a, b);
  const options = [...seen].sort(byOrder).map((v) => ({ value: v, label: v }));
  if (hasEmpty) options.push({ value: EMPTY_OPTION_KEY, label: '（空白）' });
  return options;
}
