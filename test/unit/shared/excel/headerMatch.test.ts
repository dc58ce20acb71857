import { describe, expect, it } from 'vitest';
import { layoutKey, normaliseHeader, suggestMapping } from '../../../../shared/excel/headerMatch';
import { advisorImport, hostEnterpriseImport, serviceLogImport } from '../../../../shared/excel/targets';

describe('mapping suggestions', () => {
  it('maps an office roster by synonyms: 名字 → 姓名, 工作单位 → 所在单位, 联系电话 → 电话', () => {
    const headers = ['序号', '名字', '院士称号', '工作单位', '联系电话', '聘期', '备注'];
    expect(suggestMapping(headers, advisorImport.fields)).toEqual([null, 'name', 'honorific', 'homeInstitution', 'phone', 'term', 'notes']);
  });

  it('maps 信用代码 and 统一社会信用代码（18位） to the credit code, 法人 to the legal representative', () => {
    expect(suggestMapping(['企业名称', '信用代码', '法人'], hostEnterpriseImport.fields)).toEqual(['name', 'creditCode', 'legalRepresentative']);
    expect(suggestMapping(['*单位名称', '统一社会信用代码（18位）'], hostEnterpriseImport.fields)).toEqual(['name', 'creditCode']);
  });

  it('uses each field once and prefers the exact name (联系人电话 is not the advisor’s 电话)', () => {
    const mapping = suggestMapping(['姓名', '电话', '联系人', '联系人电话', '姓名'], advisorImport.fields);
    expect(mapping).toEqual(['name', 'phone', 'serviceUnitLiaison', 'serviceUnitLiaisonPhone', null]);
  });

  it('leaves columns it cannot place unmapped', () => {
    expect(suggestMapping(['提醒', '2026年工作'], advisorImport.fields)).toEqual([null, null]);
    expect(suggestMapping(['特派员', '服务企业', '日期', '工作内容'], serviceLogImport.fields)).toEqual(['commissioner', 'enterprise', 'date', 'content']);
  });

  it('normalises office noise and fingerprints a layout', () => {
    expect(normaliseHeader(' 金额（元）* ')).toBe('金额');
    expect(layoutKey(['姓名', '单位'])).toBe(layoutKey([' 姓名 ', '单位：']));
    expect(layoutKey(['姓名', '单位'])).not.toBe(layoutKey(['单位', '姓名']));
  });
});
