import { describe, expect, it } from 'vitest';
import { KeySearch } from '../../../../shared/search/keySearch';
import { deriveKeyRow, ledgerKeySpecs } from '../../../../shared/search/ledgerKeys';
import { searchPartsMatch } from '../../../../shared/search/searchKeys';

const spec = ledgerKeySpecs.advisors!;
const records = [
  { id: 'a', name: '梁杰', homeInstitution: '广西大学', updatedAt: '' },
  { id: 'b', name: '李娟', serviceUnit: 'Nanning', updatedAt: '' },
  { id: 'c', name: '王芳', certificateNumber: '桂科顾聘〔2025〕1号', updatedAt: '' },
];

describe('KeySearch.matcher', () => {
  const search = new KeySearch('advisors');
  records.forEach((r, slot) => search.put(slot, deriveKeyRow('advisors', spec, r)));
  const matches = (terms: string[]) => records.map((_, slot) => search.matcher(terms)(slot));
  const byRowText = (terms: string[]) =>
    records.map((_, slot) => {
      const { search: text, spell } = search.textOf(slot);
      return searchPartsMatch(text, spell, terms);
    });

  it('matches as each row\'s own search text does, term by term in any field', () => {
    for (const terms of [['lj'], ['lj', 'gxdx'], ['liang'], ['nanning'], ['2025'], ['gkgp'], ['桂科'], ['lj', 'nanning'], ['jl'], ['广西', 'lj']]) {
      expect(matches(terms), terms.join(' ')).toEqual(byRowText(terms));
    }
    expect(matches(['lj'])).toEqual([true, true, false]);
  });

  it('tests a term holding a newline value by value (never joined across values)', () => {
    // Not a query term (queries split on whitespace), but the matcher stays exact for it: the
    // pinyin part is "full\ninitials", so "jie\nlj" is inside 梁杰's pinyin only.
    expect(matches(['jie\nlj'])).toEqual([true, false, false]);
    expect(matches(['lj\nli'])).toEqual([false, false, false]);
  });
});
