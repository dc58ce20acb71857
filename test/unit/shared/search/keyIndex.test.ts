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

describe('KeyIndex holds key rows column by column', () => {
  // Values a column store could get wrong: a newline inside a searched value (it separates the
  // stored parts), a searched field the row lacks, numbers, booleans, nulls.
  const arbOdd = fc.record({
    id: fc.stringMatching(/^[0-9a-f]{1,3}$/),
    name: fc.oneof(arbName, fc.constantFrom('沈\n阳', '', '  ')),
    status: fc.constantFrom(...STATUSES),
    homeInstitution: fc.option(fc.constantFrom('广西大学', '桂林\n电子', 'ABC研究院', ''), { nil: undefined }),
    serviceUnit: fc.option(fc.constantFrom('南宁市', 'Nanning', '广西大学'), { nil: null }),
    certificateNumber: fc.option(fc.constantFrom('桂科顾聘字〔2025〕第001号', 'A-12', '第2号'), { nil: undefined }),
    updatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
  });

  it('gives back every key row exactly as derived, and searches odd values like the row text', () => {
    fc.assert(
      fc.property(fc.array(arbOdd, { maxLength: 30 }), arbQuery, (records, q) => {
        const rows = rowsOf(records);
        const index = new KeyIndex(rows);
        for (const row of rows) expect(index.get(row.id)).toEqual(row);
        expect(index.query(q)).toEqual(modelQuery(rows, q));
        expect(index.live).toBe(rows.filter((r) => r.live === 1).length);
      }),
      { numRuns: 200 },
    );
  });

  // Quick search scans each field's distinct values joined into one string (KeySearch,
  // JoinedValues): terms cut from the rows' own texts and pinyin, at any place, hit every field
  // and many values; terms run across two parts of a row must find nothing there.
  const piecesOf = (rows: readonly LedgerKeyRow[]): string[] => {
    const pieces: string[] = [];
    for (const r of rows) {
      const parts = `${r.search}\n${r.spell}`.split('\n').filter(Boolean);
      parts.forEach((part, i) => {
        pieces.push(part.slice(0, 2), part.slice(-2), part.slice(1, 4));
        if (i + 1 < parts.length) pieces.push(part.slice(-1) + parts[i + 1].slice(0, 1));
      });
    }
    return pieces.filter((t) => t.trim() !== '');
  };

  it('finds every piece of a row\'s texts and pinyin as the row\'s whole search text does', () => {
    fc.assert(
      fc.property(
        fc.array(arbOdd, { maxLength: 30 }).chain((records) => {
          const pieces = piecesOf(rowsOf(records));
          const term = pieces.length > 0 ? fc.constantFrom(...pieces) : fc.constant('lj');
          return fc.tuple(fc.constant(records), fc.array(term, { minLength: 1, maxLength: 3 }), fc.boolean());
        }),
        ([records, terms, irregular]) => {
          const rows = rowsOf(records);
          // Some rows searched by their own text (stored under another spec): both paths at once.
          const mixed = irregular ? rows.map((r, i) => (i % 3 === 0 ? { ...r, search: `${r.search}\n另一段`, spell: `${r.spell}\nlj` } : r)) : rows;
          const index = new KeyIndex(mixed);
          for (const search of [terms[0], terms.join(' ')]) expect(index.query({ search }), search).toEqual(modelQuery(mixed, { search }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('searches values added after loading (a new name on an edit)', () => {
    const index = new KeyIndex(rowsOf([{ id: 'a', name: '梁杰', updatedAt: '' }]), 'advisors');
    expect(index.query({ search: 'lj' })).toEqual(['a']);
    const added = rowsOf([{ id: 'b', name: '李娟', homeInstitution: '广西大学', updatedAt: '' }]);
    index.upsert(added);
    expect(index.query({ search: 'lj' })).toEqual(['b', 'a']); // 李 before 梁
    expect(index.query({ search: 'gxdx lj' })).toEqual(['b']);
  });

  it('a row whose stored search text does not fit its fields is searched by that text', () => {
    const row = { ...deriveKeyRow('advisors', spec, { id: 'x', name: '陈思远', updatedAt: '' }), search: '陈思远\n另一段', spell: 'chensiyuan\ncsy' };
    const index = new KeyIndex([row]);
    expect(index.query({ search: '另一段' })).toEqual(['x']);
    expect(index.get('x')).toEqual(row);
  });

  it('a bulk change (thousands of rows) gives the same orders as building afresh', () => {
    const records = Array.from({ length: 1_200 }, (_, i) => ({ id: `r${String(i).padStart(4, '0')}`, name: NAME_PARTS[i % NAME_PARTS.length] + NAME_PARTS[(i * 7) % NAME_PARTS.length], status: STATUSES[i % 6], updatedAt: '2026-01-01T00:00:00.000Z' }));
    const index = new KeyIndex(rowsOf(records.slice(0, 100)));
    index.query({ sort: { field: 'name', desc: true } });
    const renamed = records.map((r, i) => ({ ...r, name: i % 3 ? r.name : `王${r.name}` }));
    index.upsert(rowsOf(renamed));
    index.remove(['r0005', 'r0500']);
    const model = rowsOf(renamed).filter((r) => r.id !== 'r0005' && r.id !== 'r0500');
    for (const sort of [{ field: 'name', desc: false }, { field: 'name', desc: true }, { field: 'status', desc: false }]) expect(index.query({ sort })).toEqual(modelQuery(model, { sort }));
  });
});

describe('sort by name follows Intl.Collator("zh") exactly', () => {
  // Random Han names (surnames from the corpus, then any CJK unified ideographs), no digits or
  // Latin: the ledger collator (pinyin, numeric) must agree with the plain Chinese collator.
  const zh = new Intl.Collator('zh');
  const SURNAME_CORPUS = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文单解仇区朴长重';
  const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
  const arbHanName = fc.tuple(fc.constantFrom(...SURNAME_CORPUS), fc.array(fc.oneof(han, fc.constantFrom('阳', '艳', '英', '思', '远')), { minLength: 0, maxLength: 3 })).map(([s, rest]) => s + rest.join(''));

  it('for random Han names, ascending and descending, with edits in between', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[0-9a-f]{1,4}$/), arbHanName), { minLength: 1, maxLength: 60 }), fc.array(fc.tuple(fc.nat(59), arbHanName), { maxLength: 5 }), (named, edits) => {
        const byId = new Map(named.map(([id, name]) => [id, name]));
        const row = (id: string, name: string) => deriveKeyRow('advisors', spec, { id, name, updatedAt: '' });
        const index = new KeyIndex([...byId].map(([id, name]) => row(id, name)));
        index.order('name', false);
        const ids = [...byId.keys()];
        for (const [at, name] of edits) {
          const id = ids[at % ids.length];
          byId.set(id, name);
          index.upsert([row(id, name)]);
        }
        const expected = [...byId].sort(([ia, a], [ib, b]) => zh.compare(a, b) || (ia < ib ? -1 : ia > ib ? 1 : 0)).map(([id]) => id);
        expect(index.order('name', false)).toEqual(expected);
        expect(index.order('name', true)).toEqual([...expected].reverse());
      }),
      { numRuns: 200 },
    );
  });
});
