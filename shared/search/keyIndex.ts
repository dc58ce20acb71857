import type { SortValue } from './collation';
import { dateInRange, selectMatches, textMatches } from './filters';
import { KeyColumns } from './keyColumns';
import { KeyOrders } from './keyOrders';
import { KeySearch } from './keySearch';
import type { LedgerKeyRow } from './ledgerKeys';
import { parseSearchQuery } from './searchKeys';

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

/** Changes of more rows than this at once rebuild the orders instead of moving each row. */
const BULK_CHANGE = 500;

/**
 * Key rows of one ledger held in memory, kept up to date row by row as writes are committed —
 * column by column (KeyColumns: interned values, no object per row), searched per distinct
 * value (KeySearch) and ordered once per field (KeyOrders: a counting sort over collator ranks,
 * then each change moved into place by binary search, never a re-sort).
 */
export class KeyIndex {
  private readonly columns: KeyColumns;
  private readonly searcher: KeySearch;
  private readonly orders: KeyOrders;
  private liveCount = 0;
  /** Rebuilt rows handed out by get(), so a caller sees one object per row version. */
  private readonly rowCache = new Map<string, LedgerKeyRow>();
  /** The last query with a search, so typing on ('l' → 'lj') scans only its matches. */
  private lastSearch: { key: string; terms: string[]; version: number; slots: Int32Array } | null = null;
  /** The last answer, returned again while nothing changed (a re-render asks twice). */
  private lastAnswer: { key: string; version: number; ids: string[] } | null = null;
  /** Bumped on every change; lets callers tell whether a result is stale. */
  version = 0;

  constructor(rows: Iterable<LedgerKeyRow> = [], table?: string) {
    let columns: KeyColumns | null = table ? new KeyColumns(table) : null;
    let searcher: KeySearch | null = table ? new KeySearch(table) : null;
    for (const row of rows) {
      columns ??= new KeyColumns(row.table);
      searcher ??= new KeySearch(row.table);
      const known = columns.slot(row.id) !== undefined;
      if (known) this.liveCount -= columns.live[columns.slot(row.id)!];
      const slot = columns.put(row);
      searcher.put(slot, row);
      this.liveCount += row.live;
    }
    this.columns = columns ?? new KeyColumns('');
    this.searcher = searcher ?? new KeySearch('');
    // Part of loading (in the background): the first keystroke then joins nothing.
    this.searcher.prepare();
    const cols = this.columns;
    this.orders = new KeyOrders({
      get capacity() {
        return cols.capacity;
      },
      get ids() {
        return cols.ids;
      },
      used: (slot) => cols.ids[slot] !== '',
      value: (slot, field) => cols.value(slot, field),
    });
  }

  get size(): number {
    return this.columns.size;
  }

  /** Live (not tombstoned) records. */
  get live(): number {
    return this.liveCount;
  }

  get(id: string): LedgerKeyRow | undefined {
    const cached = this.rowCache.get(id);
    if (cached) return cached;
    const slot = this.columns.slot(id);
    if (slot === undefined) return undefined;
    const c = this.columns;
    const { search, spell } = this.searcher.textOf(slot);
    const name = c.names[slot];
    const row: LedgerKeyRow = { table: c.table, id, live: c.live[slot] as 0 | 1, name, ...this.searcher.nameKeys(slot, name), search, spell, fields: c.fields(slot), updatedAt: c.updatedAt[slot] };
    if (this.rowCache.size > 5_000) this.rowCache.clear();
    this.rowCache.set(id, row);
    return row;
  }

  /** Puts (or replaces) rows; orders and search follow. */
  upsert(rows: Iterable<LedgerKeyRow>): void {
    const list = [...rows];
    if (list.length === 0) return;
    const bulk = list.length > BULK_CHANGE;
    if (bulk) this.orders.clear();
    for (const row of list) {
      const old = this.columns.slot(row.id);
      if (old !== undefined) {
        this.liveCount -= this.columns.live[old];
        if (!bulk) this.orders.remove(old);
      }
      const slot = this.columns.put(row);
      this.searcher.put(slot, row);
      this.liveCount += row.live;
      if (!bulk) this.orders.insert(slot);
      this.rowCache.delete(row.id);
    }
    // Loading reads the key rows in bulk chunks: join their search values now, in the load,
    // rather than in the first keystroke after it (~17 ms at 100,000 advisors).
    if (bulk) this.searcher.prepare();
    this.version++;
  }

  remove(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) {
      const slot = this.columns.slot(id);
      if (slot === undefined) continue;
      this.orders.remove(slot);
      this.liveCount -= this.columns.live[slot];
      this.searcher.delete(slot);
      this.columns.delete(id);
      this.rowCache.delete(id);
      changed = true;
    }
    if (changed) this.version++;
  }

  /** Every id in the order of `field` (ascending or descending), empties last, ties by id. */
  order(field: string, desc: boolean): string[] {
    const slots = this.orders.slots(field, desc);
    const ids = this.columns.ids;
    return Array.from(slots, (s) => ids[s]);
  }

  /** Ranks `field` now (idle time), so a later sort on it is a lookup. */
  prepare(field: string): void {
    this.orders.slots(field, false);
  }

  /** True when sorting by `field` needs no ranking any more (warmed in idle time). */
  isOrdered(field: string): boolean {
    return this.orders.has(field);
  }

  /** Live records per value of `field` (status chips, counts), without sorting anything. */
  countBy(field: string): Map<SortValue, number> {
    const counts = new Map<SortValue, number>();
    const c = this.columns;
    for (let s = 0; s < c.capacity; s++) {
      if (c.live[s] !== 1) continue;
      const v = c.value(s, field);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return counts;
  }

  /** Values of `field` over the live records (a select filter's options). */
  values(field: string): SortValue[] {
    const out: SortValue[] = [];
    const c = this.columns;
    for (let s = 0; s < c.capacity; s++) if (c.live[s] === 1) out.push(c.value(s, field));
    return out;
  }

  /** Ids of the matching records in display order. */
  query(q: LedgerQuery): string[] {
    const sort = q.sort ?? { field: 'name', desc: false };
    const terms = parseSearchQuery(q.search ?? '');
    const key = JSON.stringify([sort, q.select, q.contains, q.dateRange, q.includeDeleted]);
    const answerKey = `${key}\u0000${terms.join(' ')}`;
    if (this.lastAnswer && this.lastAnswer.key === answerKey && this.lastAnswer.version === this.version) return this.lastAnswer.ids;
    const c = this.columns;
    const tests: ((slot: number) => boolean)[] = [];
    if (!q.includeDeleted) tests.push((s) => c.live[s] === 1);
    for (const [field, chosen] of Object.entries(q.select ?? {})) if (chosen.length > 0) tests.push((s) => selectMatches(c.value(s, field), chosen));
    for (const [field, text] of Object.entries(q.contains ?? {})) if (text.trim()) tests.push((s) => textMatches(c.value(s, field), text));
    for (const [field, range] of Object.entries(q.dateRange ?? {})) if (range[0] || range[1]) tests.push((s) => dateInRange(c.value(s, field), range));
    if (terms.length > 0) tests.push(this.searcher.matcher(terms));

    // Typing on narrows: every row matching 'lj' matched 'l' under the same filters and sort.
    const last = this.lastSearch;
    const narrows = terms.length > 0 && last !== null && last.key === key && last.version === this.version && terms.join(' ').startsWith(last.terms.join(' '));
    const candidates = narrows ? last.slots : this.orders.slots(sort.field, sort.desc);
    const matched = new Int32Array(candidates.length);
    let n = 0;
    for (let i = 0; i < candidates.length; i++) {
      const slot = candidates[i];
      let ok = true;
      for (let t = 0; t < tests.length && ok; t++) ok = tests[t](slot);
      if (ok) matched[n++] = slot;
    }
    const slots = matched.slice(0, n);
    this.lastSearch = terms.length > 0 ? { key, terms, version: this.version, slots } : null;
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i++) ids[i] = c.ids[slots[i]];
    this.lastAnswer = { key: answerKey, version: this.version, ids };
    return ids;
  }
}
