import { describe, expect, it } from 'vitest';
import { fontTableXml, gbFonts } from '../../../../../shared/documents/style-kit';
import { buildKitSample } from '../../../../fixtures/documents/kit-sample';
import { allMatches, attrs, packDocx } from '../docx-xml';

/** Every font name a document's styles, runs and footers use. */
function fontsUsed(...parts: string[]): Set<string> {
  return new Set(parts.flatMap((xml) => allMatches(xml, /<w:rFonts [^>]*?w:eastAsia="([^"]+)"/g)));
}

describe('word/fontTable.xml', async () => {
  const docx = await packDocx(buildKitSample());
  const entries = allMatches(docx.fontTable, /(<w:font [\s\S]*?<\/w:font>)/g);
  const byName = new Map(entries.map((e) => [attrs(e, 'w:font')['w:name'], e]));

  it('has an entry for every font the document uses', () => {
    const used = fontsUsed(docx.styles, docx.document, ...Object.values(docx.footers));
    expect(used.size).toBeGreaterThanOrEqual(4);
    for (const font of used) expect(byName.has(font), font).toBe(true);
    for (const font of Object.values(gbFonts)) expect(byName.has(font), font).toBe(true);
  });

  it.each([
    ['仿宋_GB2312', '仿宋'],
    ['楷体_GB2312', '楷体'],
    ['方正小标宋简体', '宋体'],
    ['黑体', 'SimHei'],
    ['宋体', 'SimSun'],
  ])('%s falls back to %s, GB2312 charset, with family and pitch', (name, alt) => {
    const entry = byName.get(name)!;
    expect(attrs(entry, 'w:altName')['w:val']).toBe(alt);
    expect(attrs(entry, 'w:charset')['w:val']).toBe('86');
    expect(attrs(entry, 'w:family')['w:val']).toMatch(/^(roman|swiss|modern|script|decorative|auto)$/);
    expect(attrs(entry, 'w:pitch')['w:val']).toMatch(/^(fixed|variable|default)$/);
    expect(attrs(entry, 'w:panose1')['w:val']).toMatch(/^[0-9A-F]{20}$/);
    // CT_Font element order (Word rejects another order).
    expect(entry.indexOf('w:altName')).toBeLessThan(entry.indexOf('w:panose1'));
    expect(entry.indexOf('w:charset')).toBeLessThan(entry.indexOf('w:family'));
    expect(entry.indexOf('w:pitch')).toBeLessThan(entry.indexOf('w:sig'));
  });

  it('is referenced from the document and declared in [Content_Types].xml', () => {
    expect(docx.rels).toContain('Target="fontTable.xml"');
  });

  it('refuses a font it has no substitution entry for', () => {
    expect(() => fontTableXml(['Comic Sans MS'])).toThrow('字体“Comic Sans MS”没有字体表条目');
  });
});

describe('word/fontTable.xml of the 聘书 and its calibration sheet (not built on the GB kit)', async () => {
  const { buildAppointmentCertificate } = await import('../../../../../shared/documents/advisors/appointment-certificate');
  const { buildCalibrationSheet } = await import('../../../../../shared/documents/advisors/calibration-sheet');
  const { certificateBatch, overlayFields, overlayInput } = await import('../../../../fixtures/documents/advisors/inputs');
  const docs = {
    套打: await packDocx(buildAppointmentCertificate(overlayInput)),
    校准页: await packDocx(
      buildCalibrationSheet({ orientation: 'landscape', overlay: { fields: overlayFields, offset: { dxMm: 0, dyMm: 0 } }, sample: certificateBatch[0] }),
    ),
  };
  it.each(Object.entries(docs))('%s names every font it uses, with a substitution hint', (_kind, docx) => {
    const entries = allMatches(docx.fontTable, /(<w:font [\s\S]*?<\/w:font>)/g);
    const names = new Set(entries.map((e) => attrs(e, 'w:font')['w:name']));
    const used = fontsUsed(docx.styles, docx.document);
    expect(used.size).toBeGreaterThanOrEqual(1);
    for (const font of used) expect(names.has(font), font).toBe(true);
    for (const e of entries) expect(attrs(e, 'w:charset')['w:val']).toBe('86');
  });
});
