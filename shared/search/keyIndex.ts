import { isEmptySortValue, RankedValues, type SortValue } from './collation';
import { dateInRange, selectMatches, textMatches } from './filters';
import type { LedgerKeyRow } from './ledgerKeys';
import { parseSearchQuery, searchPartsMatch } from './searchKeys';

/**
 * A paged ledger query over key rows (shared/search/ledgerKeys.ts): filters, quick search and
 * one sort → the ids of every matching record in display order. The screen shows a page of
 * them (reading only those records) and "select all matching" takes them all.
 *
 * Ordering rules: values in the Chinese collator's order (numbers by value), ties by id;
 * descending is exactly the reverse, except that empty values stay last in both directions (so
 * a descending page matches a reversed IndexedDB index scan).
 */
export interface LedgerQuery {
  /** Field → accepted values (select filters); '' chooses blank cells. */
  select?: Readonly<Record<string, readonly string[]>>;
  /** Field → text the value must contain. */
  contains?: Readonly<Record<string, string>>;
  /** Field → inclusive 'YYYY-MM-DD' bounds (either may be ''). */
  dateRange?: Readonly<Record<string, readonly [string, string]>>;
  /** 快速搜索: every term must occur in the row's search text (Chinese, pinyin, initials). */
  search?: string;
  /** 'name', 'updatedAt' or a key field; default by name. */
  sort?: { field: string; desc: boolean } | null;
  /** Tombstoned records too (normally left out). */
  includeDeleted?: boolean;
}

/** The value of `field` in a key row: name and updatedAt are columns of their own. */
export function keyValue(row: LedgerKeyRow, field: string): SortValue {
  if (field === 'name') return row.name;
  if (field === 'updatedAt') return row.updatedAt;
  return row.fields[field];
}

function lowerBound(sorted: readonly string[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Key rows of one ledger held in memory (names and keys only, never whole records), kept up to
 * date row by row as writes are committed. Sort orders are counting sorts over collator ranks,
 * cached until the next change.
 */
export class KeyIndex {
  private readonly rows = new Map<string, LedgerKeyRow>();
  /** All ids in code-unit order: the tie-break of every sort. */
  private ids: string[] = [];
  private readonly ranked = new Map<string, RankedValues>();
  private readonly orders = new Map<string, { ids: string[]; rows: LedgerKeyRow[] }>();
  /** The last query with a search, so typing on ('l' → 'lj') scans only its matches. */
  private lastSearch: { key: string; terms: string[]; version: number; ids: string[] } | null = null;
  /** Bumped on every change; lets callers tell whether a result is stale. */
  version = 0;

  constructor(rows: Iterable<LedgerKeyRow> = []) {
    for (const row of rows) this.rows.set(row.id, row);
    this.ids = [...this.rows.keys()].sort();
  }

  get size(): number {
    return this.rows.size;
  }

  get(id: string): LedgerKeyRow | undefined {
    return this.rows.get(id);
  }

  /** Puts (or replaces) rows; ranks and cached orders follow. */
  upsert(rows: Iterable<LedgerKeyRow>): void {
    const list = [...rows];
    // An edit that moves no row in any cached order (the usual case: another field changed)
    // swaps the row in place instead of re-sorting 100,000 ids.
    if (list.length > 0 && list.every((row) => this.keepsPlace(row))) {
      for (const row of list) {
        this.rows.set(row.id, row);
        for (const order of this.orders.values()) {
          const at = order.ids.indexOf(row.id);
          if (at >= 0) order.rows[at] = row;
        }
      }
      this.version++;
      return;
    }
    for (const row of list) {
      const old = this.rows.get(row.id);
      for (const [field, ranked] of this.ranked) {
        if (old) ranked.remove(keyValue(old, field));
        ranked.add(keyValue(row, field));
      }
      if (!old) this.ids.splice(lowerBound(this.ids, row.id), 0, row.id);
      this.rows.set(row.id, row);
    }
    this.changed();
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const old = this.rows.get(id);
      if (!old) continue;
      for (const [field, ranked] of this.ranked) ranked.remove(keyValue(old, field));
      this.rows.delete(id);
      const i = lowerBound(this.ids, id);
      if (this.ids[i] === id) this.ids.splice(i, 1);
    }
    this.changed();
  }

  /** True when `row` replaces a row with the same liveness and the same value in every cached order. */
  private keepsPlace(row: LedgerKeyRow): boolean {
    const old = this.rows.get(row.id);
    if (!old || old.live !== row.live) return false;
    for (const field of this.ranked.keys()) {
      const a = keyValue(old, field);
      const b = keyValue(row, field);
      if (a !== b && !(isEmptySortValue(a) && isEmptySortValue(b) && a == b)) return false;
    }
    return true;
  }

  private changed(): void {
    this.orders.clear();
    this.version++;
  }

  /** Every id in the order of `field` (ascending or descending), empties last, ties by id. */
  order(field: string, desc: boolean): string[] {
    return this.ordered(field, desc).ids;
  }

  private ordered(field: string, desc: boolean): { ids: string[]; rows: LedgerKeyRow[] } {
    const cacheKey = `${desc ? '-' : '+'}${field}`;
    const cached = this.orders.get(cacheKey);
    if (cached) return cached;
    let ranked = this.ranked.get(field);
    if (!ranked) {
      ranked = RankedValues.of(Array.from(this.rows.values(), (r) => keyValue(r, field)));
      this.ranked.set(field, ranked);
    }
    // Counting sort over ranks, reading ids in code-unit order (reversed for descending) so
    // equal ranks stay by id.
    const n = this.ids.length;
    const ids = desc ? [...this.ids].reverse() : this.ids;
    const buckets = ranked.distinctCount + 1; // the last bucket holds the empties
    const rankOf = new Int32Array(n);
    const counts = new Int32Array(buckets + 1);
    for (let i = 0; i < n; i++) {
      const r = ranked.rank(keyValue(this.rows.get(ids[i]) as LedgerKeyRow, field));
      const bucket = r < 0 ? buckets - 1 : desc ? buckets - 2 - r : r;
      rankOf[i] = bucket;
      counts[bucket + 1]++;
    }
    for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[counts[rankOf[i]]++] = ids[i];
    // The rows in the same order: a query walks them without a lookup per row.
    const result = { ids: out, rows: out.map((id) => this.rows.get(id) as LedgerKeyRow) };
    this.orders.set(cacheKey, result);
    return result;
  }

  /** Live records per value of `field` (status chips, counts), without sorting anything. */
  countBy(field: string): Map<SortValue, number> {
    const counts = new Map<SortValue, number>();
    for (const row of this.rows.values()) {
      if (row.live !== 1) continue;
      const v = keyValue(row, field);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return counts;
  }

  /** Ids of the matching records in display order. */
  query(q: LedgerQuery): string[] {
    const sort = q.sort ?? { field: 'name', desc: false };
    const { ids, rows } = this.ordered(sort.field, sort.desc);
    const terms = parseSearchQuery(q.search ?? '');
    const tests: ((row: LedgerKeyRow) => boolean)[] = [];
    if (!q.includeDeleted) tests.push((r) => r.live === 1);
    for (const [field, chosen] of Object.entries(q.select ?? {})) if (chosen.length > 0) tests.push((r) => selectMatches(keyValue(r, field), chosen));
    for (const [field, text] of Object.entries(q.contains ?? {})) if (text.trim()) tests.push((r) => textMatches(keyValue(r, field), text));
    for (const [field, range] of Object.entries(q.dateRange ?? {})) if (range[0] || range[1]) tests.push((r) => dateInRange(keyValue(r, field), range));
    if (terms.length > 0) tests.push((r) => searchPartsMatch(r.search, r.spell, terms));
    if (tests.length === 0) return ids;

    // Typing on narrows: every row matching 'lj' matched 'l' under the same filters and sort.
    const key = JSON.stringify([sort, q.select, q.contains, q.dateRange, q.includeDeleted]);
    const last = this.lastSearch;
    const narrows = terms.length > 0 && last !== null && last.key === key && last.version === this.version && terms.join(' ').startsWith(last.terms.join(' '));
    const out: string[] = [];
    if (narrows) {
      for (const id of last.ids) {
        const row = this.rows.get(id) as LedgerKeyRow;
        if (searchPartsMatch(row.search, row.spell, terms)) out.push(id);
      }
    } else {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        let ok = true;
        for (let t = 0; t < tests.length && ok; t++) ok = tests[t](row);
        if (ok) out.push(ids[i]);
      }
    }
    this.lastSearch = terms.length > 0 ? { key, terms, version: this.version, ids: out } : null;
    return out;
  }
}
