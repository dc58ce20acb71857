import { describe, expect, it } from 'vitest';
import { matchesAllTerms, normaliseSearchText, parseSearchQuery, pinyinKeys, searchText } from '../../../../shared/search/searchKeys';

const finds = (text: string, query: string, personName = false) =>
  matchesAllTerms(searchText([{ text, personName }]), parseSearchQuery(query));

describe('pinyin search keys', () => {
  it('finds 陈思远 by Chinese, full pinyin, initials, any case and full width', () => {
    for (const q of ['陈思远', '思远', 'chen', 'chensiyuan', 'siyuan', 'csy', 'CSY', 'ｃｓｙ', 'Ｃｈｅｎ', ' sy ']) {
      expect(finds('陈思远', q, true), q).toBe(true);
    }
    expect(finds('陈思远', 'cxy', true)).toBe(false);
    expect(finds('陈思远', 'chenx', true)).toBe(false);
  });

  it('reads polyphonic surnames as surnames in person names', () => {
    expect(pinyinKeys('曾国藩', true)).toEqual({ full: 'zengguofan', initials: 'zgf' });
    expect(pinyinKeys('单雄信', true)).toEqual({ full: 'shanxiongxin', initials: 'sxx' });
    expect(pinyinKeys('解缙', true)).toEqual({ full: 'xiejin', initials: 'xj' });
    expect(pinyinKeys('仇英', true)).toEqual({ full: 'qiuying', initials: 'qy' });
    expect(finds('曾小贤', 'zxx', true)).toBe(true);
    expect(finds('曾小贤', 'cxx', true)).toBe(false);
  });

  it('keeps non-Han runs whole and folds width and case', () => {
    expect(pinyinKeys('ＡＢＣ公司3号')).toEqual({ full: 'abcgongsi3hao', initials: 'abcgs3h' });
    expect(normaliseSearchText('ＡＢＣ１２３')).toBe('abc123');
    expect(finds('广西大学', 'gxdx')).toBe(true);
    expect(finds('广西大学', 'guangxi daxue')).toBe(true);
  });

  it('never matches a term across two parts of a row', () => {
    const text = searchText([{ text: '张三' }, { text: '北京' }]);
    expect(matchesAllTerms(text, parseSearchQuery('三北'))).toBe(false);
    expect(matchesAllTerms(text, parseSearchQuery('三 北'))).toBe(true);
  });
});
