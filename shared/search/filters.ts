import { sortValueText, type SortValue } from './collation';
import { normaliseSearchText } from './searchKeys';

/**
 * Column filter predicates shared by both LedgerTable modes (rows in memory, pages from key
 * rows), so a filter means the same thing whichever way the ledger is read.
 */

/** Contains the text (normalised: case and full/half width folded); blank matches all. */
export function textMatches(value: SortValue, needle: string): boolean {
  const n = normaliseSearchText(needle.trim());
  return n === '' || normaliseSearchText(sortValueText(value)).includes(n);
}

/** One of the chosen values; '' chooses blank cells. An empty choice matches all. */
export function selectMatches(value: SortValue, chosen: readonly string[]): boolean {
  return chosen.length === 0 || chosen.includes(sortValueText(value));
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/** Inclusive range on 'YYYY-MM-DD' strings; a value with a time part compares by its date. */
export function dateInRange(value: SortValue, [from, to]: readonly [string, string]): boolean {
  if (!from && !to) return true;
  const text = sortValueText(value);
  if (!DATE_PREFIX.test(text)) return false;
  const day = text.slice(0, 10);
  return (!from || day >= from) && (!to || day <= to);
}
