import { describe, expect, it } from 'vitest';
import {
  buildCooperationAgreementBatch,
  cooperationAgreementBatchFileName,
  MAX_AGREEMENTS_PER_BATCH,
} from '../../../../../shared/documents/commissioners/cooperation-agreement-batch';
import { buildCooperationAgreement } from '../../../../../shared/documents/commissioners/cooperation-agreement';
import { cityAgreement, provincialAgreement, teamAgreement } from '../../../../fixtures/documents/commissioners/inputs';
import { allMatches, packDocx, paragraphTexts } from '../docx-xml';

const batch = { scope: '2027年度', agreements: [provincialAgreement, teamAgreement, cityAgreement] };

describe('合作协议书 batch: many agreements in one file', async () => {
  const { document } = await packDocx(buildCooperationAgreementBatch(batch));
  const sections = allMatches(document, /<w:sectPr[\s\S]*?<\/w:sectPr>/g);

  it('gives each agreement its own section, on a new page, numbered from — 1 —', () => {
    expect(sections).toHaveLength(3);
    for (const s of sections) {
      expect(s).toMatch(/<w:pgNumType w:start="1"\/>/);
      // No w:type means nextPage: every agreement starts on a new page.
      expect(s).not.toMatch(/<w:type w:val="(continuous|nextColumn)"\/>/);
    }
  });

  it('carries the footers once: later sections inherit the page numbers', () => {
    expect(sections[0]).toMatch(/<w:footerReference[^>]*w:type="default"/);
    expect(sections[0]).toMatch(/<w:footerReference[^>]*w:type="even"/);
    for (const s of sections.slice(1)) expect(s).not.toMatch(/<w:footerReference/);
  });

  it('holds the same content as each agreement built alone, in order', async () => {
    const texts = paragraphTexts(document);
    const alone = await Promise.all(batch.agreements.map(async (a) => paragraphTexts((await packDocx(buildCooperationAgreement(a))).document)));
    expect(texts).toEqual(alone.flat());
    expect(texts.filter((t) => t === '企业科技特派员合作协议书' || t === '科技特派员服务合作协议书')).toHaveLength(3);
  });

  it('reports progress as it lays agreements out, and names the file by scope and count', () => {
    const calls: [number, number][] = [];
    buildCooperationAgreementBatch(batch, (done, total) => calls.push([done, total]));
    expect(calls[0]).toEqual([0, 3]);
    expect(calls[calls.length - 1]).toEqual([3, 3]);
    expect(cooperationAgreementBatchFileName(batch)).toBe('科技特派员合作协议书-2027年度-3份.docx');
    expect(cooperationAgreementBatchFileName({ ...batch, agreements: [provincialAgreement] })).toBe('企业科技特派员合作协议书-2027年度-1份.docx');
  });

  it('refuses an empty batch, one over the limit, and names a bad agreement', () => {
    expect(() => buildCooperationAgreementBatch({ scope: '2027年度', agreements: [] })).toThrow('请至少选择一份协议');
    expect(() => buildCooperationAgreementBatch({ scope: '2027年度', agreements: Array(MAX_AGREEMENTS_PER_BATCH + 1).fill(provincialAgreement) })).toThrow(`一次最多生成 ${MAX_AGREEMENTS_PER_BATCH} 份协议`);
    expect(() => buildCooperationAgreementBatch({ scope: '2027年度', agreements: [provincialAgreement, { ...cityAgreement, endDate: cityAgreement.startDate }] })).toThrow('服务期结束日期应晚于开始日期');
  });
});
