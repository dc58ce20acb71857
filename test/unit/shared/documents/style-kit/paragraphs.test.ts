import { describe, expect, it } from 'vitest';
import { createGbDocument, signatureBlock, signatureIndents, textWidthInChars } from '../../../../../shared/documents/style-kit';
import { allMatches, packDocx } from '../docx-xml';

describe('signature block (GB/T 9704-2012 §7.3.5.2)', () => {
  it('counts half-width digits as half a character', () => {
    expect(textWidthInChars('2026年11月24日')).toBe(7);
    expect(textWidthInChars('广西壮族自治区科学技术厅')).toBe(12);
  });

  it('puts the organisation 2 characters in and starts the date 2 characters to its right', () => {
    const { orgRightChars, dateRightChars } = signatureIndents('广西壮族自治区科学技术厅', '2026年11月24日');
    expect(orgRightChars).toBe(2);
    expect(dateRightChars).toBe(5);
    // first character positions, counted from the right margin
    expect(orgRightChars + 12 - (dateRightChars + 7)).toBe(2);
  });

  it('keeps the date 2 characters in when it is longer than the organisation', () => {
    expect(signatureIndents('某某局', '2026年11月24日')).toEqual({ orgRightChars: 8, dateRightChars: 2 });
  });

  it('writes right-aligned paragraphs with the indents in twips, after one blank line', async () => {
    const { document } = await packDocx(createGbDocument({ title: 't', sections: [{ children: signatureBlock('广西壮族自治区科学技术厅', '2026年11月24日') }] }));
    const paras = allMatches(document, /<w:p>([\s\S]*?)<\/w:p>/g);
    expect(paras[0]).toContain('<w:pStyle w:val="GbSignature"/>');
    expect(paras[0]).toContain('w:before="579"');
    expect(paras[0]).toContain('w:right="640"');
    expect(paras[0]).toContain('广西壮族自治区科学技术厅');
    expect(paras[1]).toContain('w:right="1600"');
    expect(paras[1]).toContain('2026年11月24日');
  });
});

describe('signature block, sealed (GB/T 9704-2012 §7.3.5.1)', () => {
  it('puts the date 4 characters in and centres the organisation over it', () => {
    const org = '自治区党委科技委员会办公室';
    const date = '2026年12月28日';
    const { orgRightChars, dateRightChars } = signatureIndents(org, date, 'sealed');
    expect(dateRightChars).toBe(4);
    // centres, counted from the right margin, coincide
    expect(orgRightChars + textWidthInChars(org) / 2).toBe(dateRightChars + textWidthInChars(date) / 2);
  });

  it('moves the date left only when the centred organisation would cross the margin', () => {
    const org = '广西壮族自治区党委科技委员会办公室';
    const { orgRightChars, dateRightChars } = signatureIndents(org, '2026年5月8日', 'sealed');
    expect(orgRightChars).toBe(0);
    expect(dateRightChars).toBeGreaterThan(4);
    expect(orgRightChars + textWidthInChars(org) / 2).toBe(dateRightChars + textWidthInChars('2026年5月8日') / 2);
  });

  it('leaves two blank lines for the seal and writes the indents in twips', async () => {
    const { document } = await packDocx(createGbDocument({ title: 't', sections: [{ children: signatureBlock('自治区党委科技委员会办公室', '2026年12月28日', 'sealed') }] }));
    const paras = allMatches(document, /<w:p>([\s\S]*?)<\/w:p>/g);
    expect(paras[0]).toContain('w:before="1158"');
    // org 13 characters, date 7: date 右空四字 (4 × 320), org 4 + (7 − 13) / 2 = 1 character in
    expect(paras[0]).toContain('w:right="320"');
    expect(paras[1]).toContain('w:right="1280"');
  });

  it('keeps the unsealed layout as the default', () => {
    expect(signatureIndents('广西壮族自治区科学技术厅', '2026年11月24日')).toEqual(signatureIndents('广西壮族自治区科学技术厅', '2026年11月24日', 'unsealed'));
  });
});
