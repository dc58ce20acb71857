import { describe, expect, it } from 'vitest';
import { clauseParagraphs, clauseSchema, fillTemplate, placeholderHint, templateTextSchema, unknownPlaceholdersIn } from '../../../../../shared/domain/templates/clauseTemplate';

const allowed = ['甲方', '乙方'] as const;

describe('clause templates shared by 议定书 and 合作协议书', () => {
  it('finds unknown placeholders in order', () => {
    expect(unknownPlaceholdersIn('{甲方}与{丙方}、{乙方}、{丁方}', allowed)).toEqual(['丙方', '丁方']);
    expect(unknownPlaceholdersIn('没有占位符', allowed)).toEqual([]);
  });

  it('refuses an unknown placeholder with a Chinese message and a text over the limit', () => {
    expect(templateTextSchema('条款文字', allowed).safeParse('{甲方}{丙方}').error?.issues[0].message).toBe('含有未知占位符：{丙方}');
    expect(templateTextSchema('条款文字', allowed, 5).safeParse('一二三四五六').error?.issues[0].message).toBe('条款文字不能超过 5 个字');
  });

  it('a clause needs a heading', () => {
    const issues = clauseSchema(allowed).safeParse({ heading: ' ', text: '{乙方}' }).error?.issues ?? [];
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['heading: 请填写条款标题']);
  });

  it('fills and names the document in the error', () => {
    expect(fillTemplate('{甲方}与{乙方}', { 甲方: 'A', 乙方: 'B' }, allowed, '协议条款')).toBe('A与B');
    expect(() => fillTemplate('{丙方}', { 甲方: 'A', 乙方: 'B' }, allowed, '协议条款')).toThrow('协议条款含有未知占位符“{丙方}”');
  });

  it('splits text into paragraphs, one per non-empty line', () => {
    expect(clauseParagraphs(' 第一段 \n\n第二段\n')).toEqual(['第一段', '第二段']);
    expect(placeholderHint(allowed)).toBe('可用占位符：{甲方} {乙方}');
  });
});
