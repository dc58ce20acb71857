import { describe, expect, it } from 'vitest';
import { checkEvidence, evidenceFilesState, expectedEvidence, missingEvidenceText } from '../../../../../shared/domain/rectification/evidence';

describe('整改检验形式 against the evidence handed in', () => {
  it('splits the seed\'s wording into the pieces of evidence', () => {
    expect(expectedEvidence('培训通知、培训签到表、培训图片')).toEqual(['培训通知', '培训签到表', '培训图片']);
    expect(expectedEvidence('开展活动通知、照片等')).toEqual(['活动通知', '照片']);
    expect(expectedEvidence('提供《高新技术企业认定管理办法》、《高新技术企业认定管理工作指引》。')).toEqual([
      '《高新技术企业认定管理办法》',
      '《高新技术企业认定管理工作指引》',
    ]);
    expect(expectedEvidence('（1）提供申报指南（2）下达文')).toEqual(['申报指南', '下达文']);
  });

  it('names what is still missing', () => {
    const form = '培训通知、培训签到表、培训图片';
    expect(checkEvidence(form, ['2021年培训通知.pdf', '培训图片1.jpg']).missing).toEqual(['培训签到表']);
    expect(missingEvidenceText(form, ['培训通知.pdf'])).toBe('缺：培训签到表、培训图片');
    expect(missingEvidenceText(form, ['培训通知.pdf', '培训签到表.pdf', '培训图片.zip'])).toBe('');
    expect(missingEvidenceText(form, [])).toBe('缺：培训通知、培训签到表、培训图片');
  });

  it('matches a titled document by its title, without the 《》', () => {
    const form = '提供《高新技术企业认定管理办法》、《高新技术企业认定管理工作指引》。';
    expect(checkEvidence(form, ['高新技术企业认定管理办法.pdf']).missing).toEqual(['《高新技术企业认定管理工作指引》']);
  });

  it('the items ledger says how many 佐证材料 files an item has, and 缺佐证材料 louder once it is 已完成', () => {
    expect(evidenceFilesState(2, false)).toEqual({ text: '已上传 2 份', tone: 'present' });
    expect(evidenceFilesState(1, true)).toEqual({ text: '已上传 1 份', tone: 'present' });
    expect(evidenceFilesState(0, false)).toEqual({ text: '缺佐证材料', tone: 'missing' });
    expect(evidenceFilesState(0, true)).toEqual({ text: '缺佐证材料', tone: 'missingCompleted' });
  });
});
