import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JoinedValues } from '../../../../shared/search/joinedValues';

// A small alphabet, so terms occur often, at the start and end of values, several times in one
// value, and (without the separator) across two neighbouring values.
const CHARS = ['l', 'j', 'i', 'a', '陈', '思', '2', '〔', '\n'];
const arbValue = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((c) => c.join(''));
const arbTerm = fc.array(fc.constantFrom(...CHARS.filter((c) => c !== '\n')), { minLength: 1, maxLength: 3 }).map((c) => c.join(''));

/** Terms a wrong scan gets wrong: a value's end run into the next value's start. */
function straddling(values: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < values.length; i++) {
    const tail = values[i].split('\n').pop() ?? '';
    const head = values[i + 1].split('\n')[0];
    const term = tail.slice(-2) + head.slice(0, 2);
    if (tail && head) out.push(term);
  }
  return out;
}

describe('JoinedValues (one string per field, scanned for a term)', () => {
  it('marks exactly the values containing the term, as includes() would, with values added between scans', () => {
    fc.assert(
      fc.property(fc.array(arbValue, { maxLength: 30 }), fc.array(arbValue, { maxLength: 10 }), fc.array(arbTerm, { minLength: 1, maxLength: 5 }), (first, later, randomTerms) => {
        const values: string[] = [];
        const joined = new JoinedValues();
        const add = (value: string) => {
          expect(joined.push(value)).toBe(values.length);
          values.push(value);
        };
        first.forEach(add);
        const check = () => {
          for (const term of [...randomTerms, ...straddling(values)]) {
            const hit = new Uint8Array(values.length);
            const marked = joined.markContaining(term, hit);
            const expected = values.map((v) => (v.includes(term) ? 1 : 0));
            expect([...hit], `${JSON.stringify(values)} ∋ ${term}`).toEqual(expected);
            expect(marked).toBe(expected.filter((x) => x === 1).length);
          }
          // Each value reads back as added, joined or not.
          expect(values.map((_, c) => joined.get(c))).toEqual(values);
          expect(values.map((_, c) => joined.lengthOf(c))).toEqual(values.map((v) => v.length));
          expect(joined.size).toBe(values.length);
        };
        check();
        // Values come one at a time after a load (a new name on an edit): joined on the next scan.
        for (const value of later) {
          add(value);
          expect(joined.get(values.length - 1)).toBe(value);
          check();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts only values it newly marks (a second field part marks into the same array)', () => {
    const joined = new JoinedValues();
    for (const v of ['liangjie\nlj', 'lijun\nlj', 'wangfang\nwf']) joined.push(v);
    const hit = new Uint8Array([1, 0, 0]);
    expect(joined.markContaining('lj', hit)).toBe(1);
    expect([...hit]).toEqual([1, 1, 0]);
  });

  it('never finds a term across two values or in an empty value', () => {
    const values = ['', 'ab', '', 'cd', ''];
    const joined = new JoinedValues();
    values.forEach((v) => joined.push(v));
    const hit = new Uint8Array(values.length);
    expect(joined.markContaining('bc', hit)).toBe(0);
    expect(joined.markContaining('d', hit)).toBe(1);
    expect([...hit]).toEqual([0, 0, 0, 1, 0]);
  });
});
