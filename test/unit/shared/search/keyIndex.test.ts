import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSortValues, isEmptySortValue, ledgerCollator } from '../../../../shared/search/collation';
import { dateInRange, selectMatches, textMatches } from '../../../../shared/search/filters';
import { KeyIndex, keyValue, type LedgerQuery } from '../../../../shared/search/keyIndex';
import { deriveKeyRow, ledgerKeySpecs, type LedgerKeyRow } from '../../../../shared/search/ledgerKeys';
import { matchesAllTerms, parseSearchQuery } from '../../../../shared/search/searchKeys';

const spec = ledgerKeySpecs.advisors!;

/**
 * The model: filter an array and sort it with the Chinese collator itself (no ranks), empties
 * last, ties by id; descending is the reverse (empties still last) — what a ledger means by its order.
 */
export function modelQuery(rows: readonly LedgerKeyRow[], q: LedgerQuery): string[] {
  const sort = q.sort ?? { field: 'name', desc: false };
  const terms = parseSearchQuery(q.search ?? '');
  return rows
    .filter((r) => q.includeDeleted || r.live === 1)
    .filter((r) => Object.entries(q.select ?? {}).every(([f, chosen]) => selectMatches(keyValue(r, f), chosen)))
    .filter((r) => Object.entries(q.contains ?? {}).every(([f, text]) => textMatches(keyValue(r, f), text)))
    .filter((r) => Object.entries(q.dateRange ?? {}).every(([f, range]) => dateInRange(keyValue(r, f), range)))
    // The row's whole search text: its texts and their pinyin (what searchText gives in memory).
    .filter((r) => matchesAllTerms(`${r.search}\n${r.spell}`, terms))
    .sort((a, b) => {
      const va = keyValue(a, sort.field);
      const vb = keyValue(b, sort.field);
      const ea = isEmptySortValue(va);
      const eb = isEmptySortValue(vb);
      if (ea !== eb) return ea ? 1 : -1;
      const c = ea ? 0 : compareSortValues(va, vb);
      const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return ea ? (sort.desc ? -byId : byId) : (sort.desc ? -1 : 1) * (c !== 0 ? c : byId);
    })
    .map((r) => r.id);
}

// Names from real surnames, the polyphones the collator must place right and 沈阳/沈艳英 (the
// pair a per-character key gets wrong), plus Latin, digits, blanks.
const NAME_PARTS = ['沈', '阳', '艳英', '曾', '单', '解', '仇', '区', '朴', '长', '重', '陈', '思远', '王', '李', '张', '赵', '欧阳', '司马', '覃', '韦', '·', 'A', 'b', '2', '10', ' '];
const STATUSES = ['推荐', '评议', '已审定', '已聘任', '期满', '解聘'];
const arbName = fc.array(fc.constantFrom(...NAME_PARTS), { maxLength: 4 }).map((p) => p.join(''));
const arbRecord = fc.record({
  id: fc.stringMatching(/^[0-9a-f]{1,4}$/),
  name: arbName,
  status: fc.constantFrom(...STATUSES),
  homeInstitution: fc.option(fc.constantFrom('广西大学', '桂林电子科技大学', '广西农科院', 'ABC研究院'), { nil: undefined }),
  termStart: fc.option(fc.constantFrom('2024-01-01', '2025-03-15', '2026-12-31'), { nil: undefined }),
  deletedAt: fc.option(fc.constant('2026-01-01T00:00:00.000Z'), { nil: undefined, freq: 5 }),
  updatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
});
const arbQuery: fc.Arbitrary<LedgerQuery> = fc.record(
  {
    select: fc.option(fc.record({ status: fc.subarray(STATUSES) }), { nil: undefined }),
    contains: fc.option(fc.record({ homeInstitution: fc.constantFrom('广西', '大学', 'abc', '') }), { nil: undefined }),
    dateRange: fc.option(fc.record({ termStart: fc.constantFrom(['2025-01-01', ''] as const, ['', '2025-12-31'] as const) }), { nil: undefined }),
    search: fc.option(fc.constantFrom('沈', 'shen', 'sy', 'zeng', 'SHAN', 'ｘｉｅ', 'qiu', 'a', '广西 大学', 'gx'), { nil: undefined }),
    sort: fc.option(fc.record({ field: fc.constantFrom('name', 'status', 'termStart', 'updatedAt', 'homeInstitution'), desc: fc.boolean() }), { nil: undefined }),
    includeDeleted: fc.boolean(),
  },
  { requiredKeys: [] },
);

const rowsOf = (records: Record<string, unknown>[]) => {
  const byId = new Map(records.map((r) => [r.id as string, deriveKeyRow('advisors', spec, r)]));
  return [...byId.values()];
};

describe('KeyIndex (paged ledger query) against the collator model', () => {
  it('gives the same ids in the same order as filtering and sorting an array', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 40 }), arbQuery, (records, q) => {
        const rows = rowsOf(records);
        expect(new KeyIndex(rows).query(q)).toEqual(modelQuery(rows, q));
      }),
      { numRuns: 300 },
    );
  });

  it('stays equal to the model while rows are added, changed and removed', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 25 }), fc.array(fc.tuple(fc.boolean(), arbRecord), { maxLength: 15 }), arbQuery, (initial, steps, q) => {
        const index = new KeyIndex(rowsOf(initial));
        const model = new Map(rowsOf(initial).map((r) => [r.id, r]));
        index.query(q); // warm the caches, which the changes must invalidate
        for (const [isRemove, record] of steps) {
          if (isRemove) {
            index.remove([record.id]);
            model.delete(record.id);
          } else {
            const row = deriveKeyRow('advisors', spec, record);
            index.upsert([row]);
            model.set(row.id, row);
          }
          expect(index.query(q)).toEqual(modelQuery([...model.values()], q));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('typing on (each keystroke narrowing the last) gives what a fresh query gives', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 40 }), arbQuery, fc.constantFrom('shenyang', 'zeng guo', '广西大学', 'csy', 'qiu'), (records, q, typed) => {
        const rows = rowsOf(records);
        const index = new KeyIndex(rows);
        for (let i = 1; i <= typed.length; i++) {
          const step = { ...q, search: typed.slice(0, i) };
          expect(index.query(step)).toEqual(modelQuery(rows, step));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('orders 沈艳英 and 沈阳 as the collator does, and polyphonic surnames by their surname reading', () => {
    const names = ['沈阳', '沈艳英', '曾国藩', '单雄信', '解缙', '仇英', '陈思远', '覃'];
    const rows = names.map((name, i) => deriveKeyRow('advisors', spec, { id: `id${i}`, name, updatedAt: '' }));
    const ordered = new KeyIndex(rows).query({}).map((id) => rows.find((r) => r.id === id)!.name);
    expect(ordered).toEqual([...names].sort(ledgerCollator.compare));
  });
});
