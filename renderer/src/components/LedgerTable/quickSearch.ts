import { normaliseSearchText, parseSearchQuery, searchText } from '../../../../shared/search/searchKeys';
import { formatCellText } from './chineseCollation';
import type { CellValue } from './types';

/**
 * Quick search (快速搜索) as pure functions so it can be unit-tested and benchmarked without
 * React. The expensive part – turning every row into one lowercase string – is done once per
 * rows array and column set; each query is then a single `includes` per row and term.
 */

type Accessor<T> = (row: T) => CellValue;

export { normaliseSearchText };

/**
 * Splits a query into terms: trimmed, normalised, whitespace-separated. All terms must match
 * (in any column) so '张 北京' narrows the way people expect.
 */
export const parseQuery = parseSearchQuery;

/**
 * One searchable string per row, covering the given accessors (the visible columns): each
 * cell's text plus, for Chinese text, its full pinyin and initials (shared/search/searchKeys),
 * so 'csy', 'chen' and 'ｃｓｙ' find 陈思远. `personNames[c]` reads column c's first character
 * as a surname (曾 zeng, 单 shan).
 */
export function buildSearchTexts<T>(rows: readonly T[], accessors: readonly Accessor<T>[], personNames: readonly boolean[] = []): string[] {
  const texts = new Array<string>(rows.length);
  const parts = accessors.map((_, c) => ({ text: '', personName: personNames[c] ?? false }));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < accessors.length; c++) parts[c].text = formatCellText(accessors[c](row));
    texts[r] = searchText(parts);
  }
  return texts;
}

// WeakMap on the rows array: a new array from the data layer invalidates the cache, and old
// arrays are collected with their texts. Keyed inside by column ids because accessors are often
// inline arrow functions whose identity changes every render.
const textCache = new WeakMap<readonly unknown[], Map<string, string[]>>();

export function getSearchTexts<T>(
  rows: readonly T[],
  columns: readonly { id: string; accessor: Accessor<T>; personName?: boolean }[],
): string[] {
  let byColumns = textCache.get(rows);
  if (!byColumns) {
    byColumns = new Map();
    textCache.set(rows, byColumns);
  }
  const key = columns.map((c) => c.id).join('\n');
  let texts = byColumns.get(key);
  if (!texts) {
    texts = buildSearchTexts(rows, columns.map((c) => c.accessor), columns.map((c) => c.personName ?? false));
    byColumns.set(key, texts);
  }
  return texts;
}

/**
 * Returns a mask with 1 for every matching row index, or null when the query is blank (nothing
 * filtered). `within` restricts the scan to rows an earlier, broader query matched – the caller
 * may pass it when the new query merely extends the previous one.
 */
export function quickSearch(texts: readonly string[], query: string, within?: Uint8Array | null): Uint8Array | null {
  const terms = parseQuery(query);
  if (terms.length === 0) return null;
  const mask = new Uint8Array(texts.length);
  const restrict = within && within.length === texts.length ? within : null;
  for (let i = 0; i < texts.length; i++) {
    if (restrict && restrict[i] === 0) continue;
    const text = texts[i];
    let ok = true;
    for (let t = 0; t < terms.length; t++) {
      if (!text.includes(terms[t])) {
        ok = false;
        break;
      }
    }
    if (ok) mask[i] = 1;
  }
  return mask;
}

/** True when every row matching `next` must also have matched `previous`. */
export function queryNarrows(previous: string, next: string): boolean {
  const p = parseQuery(previous).join(' ');
  const n = parseQuery(next).join(' ');
  return p !== '' && n.startsWith(p);
}

export function countMatches(mask: Uint8Array | null, total: number): number {
  if (!mask) return total;
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}
