/**
 * The one collator every ledger sorts with: pinyin order for Chinese (李 < 王 < 张 < 赵) and
 * numeric, so '第2批' sorts before '第10批'. Constructing Intl.Collator is costly; share it.
 */
export const ledgerCollator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** A value a ledger sorts or filters on. Dates travel as 'YYYY-MM-DD' strings. */
export type SortValue = string | number | boolean | null | undefined;

/** null, undefined, NaN and blank strings count as empty: they always sort last. */
export function isEmptySortValue(value: SortValue): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  return false;
}

/** Text of a value as shown in a cell, searched and filtered. */
export function sortValueText(value: SortValue): string {
  if (isEmptySortValue(value)) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** Ascending comparison of two non-empty values: numbers by value, everything else by the collator. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // ISO dates and times ('2026-01-05', '2026-01-05T08:00:00.000Z'): fixed-width digits, so code
  // units give the collator's order at a fraction of the cost (100,000 updatedAt values).
  if (typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return ledgerCollator.compare(sortValueText(a), sortValueText(b));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)?$/;

/**
 * Sorted distinct values with their ranks, kept up to date one value at a time: sorting a
 * ledger by name is then a counting sort over ranks (a few ms for 100,000 rows) instead of
 * ~1.7 million collator calls at click time, and a new name costs a binary search, not a re-sort.
 */
export class RankedValues {
  private sorted: SortValue[] = [];
  private readonly counts = new Map<SortValue, number>();
  private ranks: Map<SortValue, number> | null = null;

  /** Builds from many values at once (one sort). */
  static of(values: Iterable<SortValue>): RankedValues {
    const r = new RankedValues();
    for (const v of values) if (!isEmptySortValue(v)) r.counts.set(v, (r.counts.get(v) ?? 0) + 1);
    const distinct = [...r.counts.keys()];
    // ISO dates/times only (updatedAt, 聘期): code-unit order is compareSortValues' order for
    // them, and no two distinct ones compare equal — so rank = position, no collator, no regex
    // per comparison (100,000 updatedAt values sorted in a fraction of the time).
    if (distinct.every((v) => typeof v === 'string' && ISO_DATE.test(v))) {
      r.sorted = (distinct as string[]).sort();
      const ranks = new Map<SortValue, number>();
      r.sorted.forEach((v, i) => ranks.set(v, i));
      r.ranks = ranks;
      return r;
    }
    r.sorted = distinct.sort(compareSortValues);
    return r;
  }

  add(value: SortValue): void {
    if (isEmptySortValue(value)) return;
    const n = this.counts.get(value) ?? 0;
    this.counts.set(value, n + 1);
    if (n > 0) return;
    this.sorted.splice(this.insertionPoint(value), 0, value);
    this.ranks = null;
  }

  remove(value: SortValue): void {
    if (isEmptySortValue(value)) return;
    const n = this.counts.get(value);
    if (n === undefined) return;
    if (n > 1) {
      this.counts.set(value, n - 1);
      return;
    }
    this.counts.delete(value);
    const i = this.sorted.indexOf(value, Math.max(0, this.insertionPoint(value) - 1));
    if (i >= 0) this.sorted.splice(i, 1);
    this.ranks = null;
  }

  /** Rank of a present value: equal-collating values (e.g. '2' and 2) share one. Empties: -1. */
  rank(value: SortValue): number {
    if (isEmptySortValue(value)) return -1;
    if (!this.ranks) {
      const ranks = new Map<SortValue, number>();
      let rank = -1;
      for (let i = 0; i < this.sorted.length; i++) {
        if (i === 0 || compareSortValues(this.sorted[i - 1], this.sorted[i]) !== 0) rank++;
        ranks.set(this.sorted[i], rank);
      }
      this.ranks = ranks;
    }
    return this.ranks.get(value) ?? -1;
  }

  get distinctCount(): number {
    return this.sorted.length;
  }

  private insertionPoint(value: SortValue): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareSortValues(this.sorted[mid], value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
