/**
 * The distinct values of one searched field as ONE string, values joined by a newline, so that
 * finding which values contain a query term is a few native indexOf scans over the whole string
 * rather than one includes() call per value (issue 9: at 100,000 advisors the name field holds
 * ~60,000 distinct names and their pinyin, and testing them one by one took ~7 ms of a
 * keystroke; a scan that skips from match to match takes a fraction of that).
 *
 * A match never spans two values because a term holds no newline (queries are split on
 * whitespace); callers must not pass one (`holdsSeparator`). A value may itself hold a newline
 * (the pinyin part is "full\ninitials"): a term still matches only within one of its lines,
 * exactly as includes() on the value would.
 *
 * The values are kept only here, once (a value is read back as a slice of the joined string), so
 * the scan costs no memory beyond the starts. Values are only ever added (KeySearch adds each
 * distinct value once); those added since the last scan wait in a list and are joined on the
 * next one, or earlier by catchUp (KeyIndex calls it while loading).
 */
export const VALUE_SEPARATOR = '\n';

export function holdsSeparator(term: string): boolean {
  return term.includes(VALUE_SEPARATOR);
}

export class JoinedValues {
  private joined = '';
  /** starts[c]: where value c begins in `joined`. */
  private starts = new Int32Array(0);
  /** Values in `joined`. */
  private count = 0;
  /** Values added since, not joined yet. */
  private pending: string[] = [];

  /** Adds a value; returns its number. */
  push(value: string): number {
    this.pending.push(value);
    return this.count + this.pending.length - 1;
  }

  get size(): number {
    return this.count + this.pending.length;
  }

  /** Value c. */
  get(c: number): string {
    if (c >= this.count) return this.pending[c - this.count];
    return this.joined.slice(this.starts[c], c + 1 < this.count ? this.starts[c + 1] - 1 : this.joined.length);
  }

  /** The length of value c (without reading it). */
  lengthOf(c: number): number {
    if (c >= this.count) return this.pending[c - this.count].length;
    return (c + 1 < this.count ? this.starts[c + 1] - 1 : this.joined.length) - this.starts[c];
  }

  /** Joins the values added since the last call (done before every scan; done earlier, it spares the first keystroke). */
  catchUp(): void {
    const added = this.pending;
    if (added.length === 0) return;
    const from = this.count;
    const to = from + added.length;
    if (this.starts.length < to) {
      const grown = new Int32Array(Math.max(16, Math.ceil(this.starts.length * 1.5), to));
      grown.set(this.starts.subarray(0, from));
      this.starts = grown;
    }
    let pos = from === 0 ? 0 : this.joined.length + 1;
    for (let c = from; c < to; c++) {
      this.starts[c] = pos;
      pos += added[c - from].length + 1;
    }
    const text = added.join(VALUE_SEPARATOR);
    this.joined = from === 0 ? text : this.joined + VALUE_SEPARATOR + text;
    this.count = to;
    this.pending = [];
  }

  /**
   * Sets hit[c] = 1 for every value c that contains `term` (a term without a newline); returns
   * how many values it newly marked. `hit` must have a slot per value.
   */
  markContaining(term: string, hit: Uint8Array): number {
    this.catchUp();
    const joined = this.joined;
    const starts = this.starts;
    const last = this.count - 1;
    let marked = 0;
    let code = 0;
    let from = 0;
    while (code <= last) {
      const at = joined.indexOf(term, from);
      if (at < 0) break;
      // The value holding `at`: the last one starting at or before it (matches come in order,
      // so the search starts at the previous match's value).
      let lo = code;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      code = lo;
      if (hit[code] === 0) {
        hit[code] = 1;
        marked++;
      }
      // One match is enough for a value: go on from the next one.
      code++;
      if (code > last) break;
      from = starts[code];
    }
    return marked;
  }
}
