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
