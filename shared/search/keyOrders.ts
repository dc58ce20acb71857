import { compareSortValues, isEmptySortValue, RankedValues, type SortValue } from './collation';

/**
 * Sort orders of a ledger's slots (KeyColumns), one per field, ascending: values in the Chinese
 * collator's order (numbers by value), ties by id, empties last by id. Descending is read from
 * the same array (non-empties reversed, then empties reversed), so a field is ranked once.
 *
 * An order is built once by a counting sort over collator ranks (the collator compares each
 * distinct value O(log n) times, not each row), then kept: a changed row is taken out and put
 * back by binary search (some 17 comparisons at 100,000 rows), so a write never re-sorts.
 */
export interface KeyOrderSource {
  capacity: number;
  ids: readonly string[];
  /** false for free slots. */
  used(slot: number): boolean;
  value(slot: number, field: string): SortValue;
}

interface Order {
  /** Ascending slots; the last `empties` hold empty values. */
  slots: Int32Array;
  length: number;
  empties: number;
  desc: Int32Array | null;
}

export class KeyOrders {
  private readonly orders = new Map<string, Order>();
  /** Every used slot ordered by id (code units): the tie-break of every sort. */
  private byId: Int32Array | null = null;

  constructor(private readonly src: KeyOrderSource) {}

  /** Ascending comparison of two slots under `field` (what the arrays are sorted by). */
  private compare(field: string, a: number, b: number): number {
    const va = this.src.value(a, field);
    const vb = this.src.value(b, field);
    const ea = isEmptySortValue(va);
    const eb = isEmptySortValue(vb);
    if (ea !== eb) return ea ? 1 : -1;
    if (!ea) {
      const c = compareSortValues(va, vb);
      if (c !== 0) return c;
    }
    const ia = this.src.ids[a];
    const ib = this.src.ids[b];
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  /** Slots in display order (a view: valid until the next change). */
  slots(field: string, desc: boolean): Int32Array {
    const order = this.orders.get(field) ?? this.build(field);
    if (!desc) return order.slots.subarray(0, order.length);
    if (!order.desc) {
      const out = new Int32Array(order.length);
      const filled = order.length - order.empties;
      for (let i = 0; i < filled; i++) out[i] = order.slots[filled - 1 - i];
      for (let i = 0; i < order.empties; i++) out[filled + i] = order.slots[order.length - 1 - i];
      order.desc = out;
    }
    return order.desc;
  }

  /** Forgets every order (before a bulk change: rebuilding beats moving thousands of rows). */
  clear(): void {
    this.orders.clear();
    this.byId = null;
  }

  /** True when the field is ordered already (a sort on it is a lookup). */
  has(field: string): boolean {
    return this.orders.has(field);
  }

  private idOrder(): Int32Array {
    if (this.byId) return this.byId;
    const { ids, capacity } = this.src;
    const slots: number[] = [];
    for (let s = 0; s < capacity; s++) if (this.src.used(s)) slots.push(s);
    // Key rows arrive from IndexedDB in id order: only sort when they did not.
    let sorted = true;
    for (let i = 1; i < slots.length && sorted; i++) sorted = ids[slots[i - 1]] < ids[slots[i]];
    if (!sorted) slots.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    this.byId = Int32Array.from(slots);
    return this.byId;
  }

  private build(field: string): Order {
    const byId = this.idOrder();
    const n = byId.length;
    const values = new Array<SortValue>(n);
    for (let i = 0; i < n; i++) values[i] = this.src.value(byId[i], field);
    const ranked = RankedValues.of(values);
    // Counting sort over ranks, reading slots in id order so equal ranks stay by id.
    const buckets = ranked.distinctCount + 1; // the last bucket holds the empties
    const bucketOf = new Int32Array(n);
    const counts = new Int32Array(buckets + 1);
    for (let i = 0; i < n; i++) {
      const r = ranked.rank(values[i]);
      const bucket = r < 0 ? buckets - 1 : r;
      bucketOf[i] = bucket;
      counts[bucket + 1]++;
    }
    for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
    const empties = counts[buckets] - counts[buckets - 1];
    const slots = new Int32Array(Math.max(16, n));
    for (let i = 0; i < n; i++) slots[counts[bucketOf[i]]++] = byId[i];
    const order: Order = { slots, length: n, empties, desc: null };
    this.orders.set(field, order);
    return order;
  }

  /** Takes a slot out of every order, before its values change or it is freed. */
  remove(slot: number): void {
    if (this.byId) this.byId = without(this.byId, this.byId.indexOf(slot));
    for (const [field, order] of this.orders) {
      const at = this.position(field, order, slot);
      if (at < 0) continue;
      order.slots.copyWithin(at, at + 1, order.length);
      order.length--;
      if (isEmptySortValue(this.src.value(slot, field))) order.empties--;
      order.desc = null;
    }
  }

  /** Puts a slot (with its current values) into every order. */
  insert(slot: number): void {
    if (this.byId) {
      const ids = this.src.ids;
      const id = ids[slot];
      const at = bisect(this.byId.length, (i) => ids[this.byId![i]] < id);
      this.byId = withAt(this.byId, at, slot);
    }
    for (const [field, order] of this.orders) {
      const at = bisect(order.length, (i) => this.compare(field, order.slots[i], slot) < 0);
      if (order.length === order.slots.length) {
        const grown = new Int32Array(order.slots.length * 2);
        grown.set(order.slots);
        order.slots = grown;
      }
      order.slots.copyWithin(at + 1, at, order.length);
      order.slots[at] = slot;
      order.length++;
      if (isEmptySortValue(this.src.value(slot, field))) order.empties++;
      order.desc = null;
    }
  }

  /** Where the slot is in the order (binary search on its current values, then a scan). */
  private position(field: string, order: Order, slot: number): number {
    const at = bisect(order.length, (i) => this.compare(field, order.slots[i], slot) < 0);
    if (order.slots[at] === slot) return at;
    for (let i = 0; i < order.length; i++) if (order.slots[i] === slot) return i;
    return -1;
  }
}

/** First index in [0, n) for which `before` is false (before is true, then false). */
function bisect(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function without(a: Int32Array, at: number): Int32Array {
  if (at < 0) return a;
  const out = new Int32Array(a.length - 1);
  out.set(a.subarray(0, at));
  out.set(a.subarray(at + 1), at);
  return out;
}

function withAt(a: Int32Array, at: number, v: number): Int32Array {
  const out = new Int32Array(a.length + 1);
  out.set(a.subarray(0, at));
  out[at] = v;
  out.set(a.subarray(at), at + 1);
  return out;
}
