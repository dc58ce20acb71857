import { describe, expect, it } from 'vitest';
import { compareForSort, sortValues } from '../../../../../renderer/src/components/LedgerTable/chineseCollation';
import {
  buildSearchTexts,
  countMatches,
  getSearchTexts,
  parseQuery,
  queryNarrows,
  quickSearch,
} from '../../../../../renderer/src/components/LedgerTable/quickSearch';
import { dateInRange, distinctOptions, selectMatches, textMatches } from '../../../../../renderer/src/components/LedgerTable/columnFilters';
import { filterIndices, sortIndices } from '../../../../../renderer/src/components/LedgerTable/rowPipeline';
import { nextActiveIndex } from '../../../../../renderer/src/components/LedgerTable/keyboardNav';
import { idsInRange, pruneSelection, setIdsSelected } from '../../../../../renderer/src/components/LedgerTable/selection';
import type { CellValue, LedgerColumn } from '../../../../../renderer/src/components/LedgerTable/types';

interface R {
  name: string;
  unit: string;
  n: number | null;
  d: string;
}
const rows: R[] = [
  { name: '张三', unit: '杭州市科技局', n: 10, d: '2024-03-01' },
  { name: '李四', unit: '宁波大学', n: 9, d: '2023-12-31' },
  { name: '王五', unit: 'ABC 研究院', n: null, d: '' },
  { name: '赵六', unit: '杭州电子科技大学', n: 100, d: '2024-01-15' },
];
const cols: LedgerColumn<R>[] = [
  { id: 'name', header: '姓名', accessor: (r) => r.name, filter: 'text' },
  { id: 'unit', header: '单位', accessor: (r) => r.unit, filter: 'select' },
  { id: 'n', header: '次数', accessor: (r) => r.n },
  { id: 'd', header: '日期', accessor: (r) => r.d, filter: 'dateRange' },
];
const names = (order: Int32Array | null) => Array.from(order ?? rows.keys(), (i) => rows[i].name);

describe('Chinese collation', () => {
  it('sorts Chinese names by pinyin', () => {
    expect(sortValues(['张三', '李四', '王五', '赵六'])).toEqual(['李四', '王五', '张三', '赵六']);
  });
  it('lists select options in a given domain order first (a status lifecycle), then in pinyin order', () => {
    const options = distinctOptions(['已聘任', '推荐', '已审定', '', '其他', '评议'], ['推荐', '评议', '已审定', '已聘任']);
    expect(options.map((o) => o.label)).toEqual(['推荐', '评议', '已审定', '已聘任', '其他', '（空白）']);
  });
  it('sorts numbers numerically, also inside strings', () => {
    expect(sortValues([10, 9, 100, 1])).toEqual([1, 9, 10, 100]);
    expect(sortValues(['第10批', '第2批', '第1批'])).toEqual(['第1批', '第2批', '第10批']);
  });
  it('puts empty values last in both directions', () => {
    expect(sortValues(['', '王五', null, '李四', '  '])).toEqual(['李四', '王五', '', null, '  ']);
    // tanstack negates the result for descending order; empties must still come out last.
    const desc = ['李四', null, '王五'].sort((a, b) => -compareForSort(a, b, true));
    expect(desc).toEqual(['王五', '李四', null]);
  });
});

describe('quickSearch (pure)', () => {
  const texts = buildSearchTexts(rows, cols.map((c) => c.accessor));
  const hits = (q: string) => {
    const mask = quickSearch(texts, q);
    return mask ? rows.filter((_, i) => mask[i]).map((r) => r.name) : null;
  };
  it('returns null for a blank query (nothing filtered)', () => {
    expect(hits('   ')).toBeNull();
    expect(countMatches(null, 4)).toBe(4);
  });
  it('matches any column, case-insensitively and trimmed', () => {
    expect(hits('  杭州 ')).toEqual(['张三', '赵六']);
    expect(hits('abc')).toEqual(['王五']);
    expect(hits('2023-12')).toEqual(['李四']);
    expect(hits('100')).toEqual(['赵六']);
  });
  it('treats full-width input like half-width', () => {
    expect(hits('ＡＢＣ')).toEqual(['王五']);
  });
  it('requires every term, never across two cells', () => {
    expect(hits('杭州 赵')).toEqual(['赵六']);
    expect(hits('三杭')).toEqual([]); // '张三' + '杭州…' are different cells
  });
  it('narrows within a previous result and memoises texts per rows array', () => {
    const broad = quickSearch(texts, '杭州');
    expect(queryNarrows('杭州', '杭州电子')).toBe(true);
    expect(queryNarrows('杭州', '宁波')).toBe(false);
    const narrow = quickSearch(texts, '杭州电子', broad);
    expect(countMatches(narrow, 4)).toBe(1);
    expect(parseQuery(' A  b ')).toEqual(['a', 'b']);
    expect(getSearchTexts(rows, cols)).toBe(getSearchTexts(rows, cols));
    expect(getSearchTexts([...rows], cols)).not.toBe(getSearchTexts(rows, cols));
    expect(getSearchTexts(rows, cols.slice(0, 1))[2]).toBe('王五\nwangwu\nww');
  });

  it('finds Chinese text by full pinyin and initials, polyphonic surnames in name columns', () => {
    const people = [{ name: '陈思远' }, { name: '曾国藩' }, { name: '单雄信' }, { name: '解缙' }, { name: '仇英' }];
    const nameColumn = [{ id: 'name', accessor: (r: { name: string }) => r.name, personName: true }];
    const found = (q: string) => {
      const mask = quickSearch(getSearchTexts(people, nameColumn), q);
      return people.filter((_, i) => mask?.[i]).map((p) => p.name);
    };
    for (const q of ['csy', 'CSY', 'chen', 'ｃｓｙ', 'siyuan']) expect(found(q), q).toEqual(['陈思远']);
    expect(found('zgf')).toEqual(['曾国藩']);
    expect(found('shan')).toEqual(['单雄信']);
    expect(found('xiejin')).toEqual(['解缙']);
    expect(found('qy')).toEqual(['仇英']);
    expect(found('cengguofan')).toEqual([]);
  });
});

describe('column filters and row pipeline', () => {
  it('has pure predicates for text, select and date range', () => {
    expect(textMatches('杭州市科技局', ' 科技 ')).toBe(true);
    expect(textMatches('宁波大学', '科技')).toBe(false);
    expect(selectMatches('宁波大学', ['宁波大学'])).toBe(true);
    expect(selectMatches('', ['宁波大学'])).toBe(false);
    expect(dateInRange('2024-01-15', ['2024-01-01', '2024-01-31'])).toBe(true);
    expect(dateInRange('2024-02-01', ['2024-01-01', '2024-01-31'])).toBe(false);
    expect(dateInRange('2024-01-31 18:00', ['', '2024-01-31'])).toBe(true);
    expect(dateInRange('', ['2024-01-01', ''])).toBe(false);
    expect(distinctOptions(['乙', '', '甲', '乙'] as CellValue[]).map((o) => o.label)).toEqual(['甲', '乙', '（空白）']);
  });
  it('sorts indices by pinyin, numbers and empties last, stable', () => {
    expect(names(sortIndices(rows, cols, [{ id: 'name', desc: false }]))).toEqual(['李四', '王五', '张三', '赵六']);
    expect(names(sortIndices(rows, cols, [{ id: 'name', desc: true }]))).toEqual(['赵六', '张三', '王五', '李四']);
    expect(names(sortIndices(rows, cols, [{ id: 'n', desc: false }]))).toEqual(['李四', '张三', '赵六', '王五']);
    expect(names(sortIndices(rows, cols, [{ id: 'n', desc: true }]))).toEqual(['赵六', '张三', '李四', '王五']);
    expect(sortIndices(rows, cols, [])).toBeNull();
  });
  it('filters with column filters and the search mask, keeping the order', () => {
    const sorted = sortIndices(rows, cols, [{ id: 'name', desc: true }]);
    expect(names(filterIndices(rows, cols, sorted, [{ id: 'unit', value: ['宁波大学', '杭州市科技局'] }], null))).toEqual(['张三', '李四']);
    expect(names(filterIndices(rows, cols, null, [{ id: 'name', value: '五' }], null))).toEqual(['王五']);
    expect(names(filterIndices(rows, cols, null, [{ id: 'd', value: ['2024-01-01', ''] }], null))).toEqual(['张三', '赵六']);
    const mask = new Uint8Array([1, 0, 1, 1]);
    expect(names(filterIndices(rows, cols, null, [{ id: 'd', value: ['2024-01-01', ''] }], mask))).toEqual(['张三', '赵六']);
    expect(names(filterIndices(rows, cols, null, [], mask))).toEqual(['张三', '王五', '赵六']);
  });
});

describe('keyboard and selection helpers', () => {
  it('moves the active index', () => {
    expect(nextActiveIndex('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextActiveIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextActiveIndex('ArrowUp', 3, 10, 5)).toBe(2);
    expect(nextActiveIndex('PageDown', 3, 10, 5)).toBe(8);
    expect(nextActiveIndex('PageUp', 3, 10, 5)).toBe(0);
    expect(nextActiveIndex('End', 3, 10, 5)).toBe(9);
    expect(nextActiveIndex('Home', 3, 10, 5)).toBe(0);
    expect(nextActiveIndex('a', 3, 10, 5)).toBeNull();
    expect(nextActiveIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
  it('selects ranges and prunes missing ids', () => {
    expect(idsInRange(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['b', 'c', 'd']);
    const sel = setIdsSelected({}, ['a', 'b'], true);
    expect(sel).toEqual({ a: true, b: true });
    expect(setIdsSelected(sel, ['a'], true)).toBe(sel);
    expect(pruneSelection(sel, (id) => id === 'a')).toEqual({ a: true });
  });
});
