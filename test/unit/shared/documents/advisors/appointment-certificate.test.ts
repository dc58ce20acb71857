import { describe, expect, it } from 'vitest';
import { appointmentCertificateFileName, buildAppointmentCertificate } from '../../../../../shared/documents/advisors/appointment-certificate';
import { certificateFonts } from '../../../../../shared/documents/advisors/certificate-style';
import { certificateBatch, overlayFields, overlayInput } from '../../../../fixtures/documents/advisors/inputs';
import { allMatches, attrs, packDocx, paragraphTexts } from '../docx-xml';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Sections in document order: each <w:sectPr> closes one. */
function sections(document: string): string[] {
  return allMatches(document, /<w:sectPr[\s\S]*?<\/w:sectPr>/g);
}

/** The body split at the section breaks: the XML of each certificate page. */
function pages(document: string): string[] {
  const body = document.slice(document.indexOf('<w:body>'));
  return body.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/).slice(0, -1);
}

/** Each run's rFonts attributes and its w:sz, for runs holding `text`. */
function runOf(xml: string, text: string): { fonts: Record<string, string>; sz: string } {
  const run = allMatches(xml, /<w:r>([\s\S]*?)<\/w:r>/g).find((r) => r.includes(`>${text}</w:t>`));
  if (!run) throw new Error(`run “${text}” not found`);
  return { fonts: attrs(run, 'w:rFonts'), sz: attrs(run, 'w:sz')['w:val'] };
}

function expectAllSlots(fonts: Record<string, string>, font: string) {
  expect(fonts).toMatchObject({ 'w:ascii': font, 'w:hAnsi': font, 'w:eastAsia': font, 'w:cs': font });
}

describe('聘书, full mode', async () => {
  const landscape = (await packDocx(buildAppointmentCertificate({ mode: 'full', orientation: 'landscape', certificates: certificateBatch }))).document;
  const portrait = (await packDocx(buildAppointmentCertificate({ mode: 'full', orientation: 'portrait', certificates: certificateBatch.slice(0, 1) }))).document;

  it('gives a batch of 3 one page each: 3 sections, every one starting a new page', () => {
    const secs = sections(landscape);
    expect(secs).toHaveLength(3);
    for (const s of secs) expect(s).toContain('<w:type w:val="nextPage"/>');
    expect(allMatches(landscape, /<w:br w:type="page"\/>/g)).toHaveLength(0);
    // The wording may be cut into paragraphs before a date (item 8): join them back.
    const texts = pages(landscape).map((p) => paragraphTexts(p).join(''));
    expect(texts).toHaveLength(3);
    certificateBatch.forEach((c, i) => {
      expect(texts[i]).toContain(c.bodyText);
      expect(texts[i]).toContain(`编号：${c.number}`);
      for (const other of certificateBatch.filter((o) => o !== c)) expect(texts[i]).not.toContain(other.name);
    });
  });

  it('is A4 landscape or portrait as asked', () => {
    for (const s of sections(landscape)) expect(attrs(s, 'w:pgSz')).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    expect(attrs(sections(portrait)[0], 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrs(sections(portrait)[0], 'w:pgSz')['w:orient']).not.toBe('landscape');
  });

  it('sets "聘　书" in 初号 小标宋 and the wording in 二号 楷体, fonts on all four slots', () => {
    const title = runOf(landscape, '聘　书');
    expectAllSlots(title.fonts, certificateFonts.title);
    expect(title.sz).toBe('84');
    const body = runOf(landscape, certificateBatch[0].bodyText.slice(0, certificateBatch[0].bodyText.indexOf('二〇')));
    expectAllSlots(body.fonts, '楷体_GB2312');
    expect(body.sz).toBe('44');
    const number = runOf(landscape, `编号：${certificateBatch[0].number}`);
    expectAllSlots(number.fonts, '仿宋_GB2312');
    expect(number.sz).toBe('28');
  });

  it('signs with the issuer and the date in Chinese numerals, issuer above the date', () => {
    const texts = paragraphTexts(pages(landscape)[2]);
    expect(texts.slice(-2)).toEqual(['广西壮族自治区人民政府', '二〇二六年十一月二十二日']);
    expectAllSlots(runOf(landscape, '二〇二五年一月八日').fonts, '楷体_GB2312');
  });

  it('frames each page with a red double border measured from the paper edge', () => {
    const s = sections(landscape)[0];
    expect(attrs(s, 'w:pgBorders')['w:offsetFrom']).toBe('page');
    expect(attrs(s, 'w:top')).toMatchObject({ 'w:val': 'thickThinLargeGap', 'w:color': 'C00000' });
  });

  it('puts the number in a frame anchored to the page corner', () => {
    const p = allMatches(landscape, /<w:p>([\s\S]*?)<\/w:p>/g).find((x) => x.includes('编号：'));
    expect(attrs(p ?? '', 'w:framePr')).toMatchObject({ 'w:hAnchor': 'page', 'w:vAnchor': 'page', 'w:y': String(twips(20)) });
  });

  it('names the file after the advisor or the batch size', () => {
    expect(appointmentCertificateFileName({ mode: 'full', orientation: 'portrait', certificates: certificateBatch.slice(0, 1) })).toBe('聘书-陈思远.docx');
    expect(appointmentCertificateFileName(overlayInput)).toBe('聘书套打-3份.docx');
  });
});

describe('聘书, 套打 (overlay) mode', async () => {
  const { document } = await packDocx(buildAppointmentCertificate(overlayInput));
  const { dxMm, dyMm } = overlayInput.overlay!.offset;

  it('prints one page per certificate with only the variable text', () => {
    expect(sections(document)).toHaveLength(3);
    const all = paragraphTexts(document).join('|');
    expect(all).not.toContain('聘　书');
    expect(all).not.toContain('编号：');
    expect(pages(document)[1]).toContain('林若溪');
    expect(pages(document)[1]).not.toContain('陈思远');
  });

  it('places every field in a frame anchored to the page at Math.round((mm + offset) × 1440 / 25.4), lines stacked in it', () => {
    for (const [i, page] of pages(document).entries()) {
      const paragraphs = allMatches(page, /<w:p>([\s\S]*?)<\/w:p>/g).filter((p) => p.includes('<w:framePr'));
      // A field's lines are paragraphs with identical frame properties: one frame each.
      const frames = new Map<string, string[]>();
      for (const p of paragraphs) frames.set(/<w:framePr [^>]*>/.exec(p)![0], [...(frames.get(/<w:framePr [^>]*>/.exec(p)![0]) ?? []), p]);
      expect(frames.size).toBe(overlayFields.length);
      const groups = [...frames.values()];
      overlayFields.forEach((field, f) => {
        expect(attrs(groups[f][0], 'w:framePr')).toMatchObject({
          'w:x': String(twips(field.xMm + dxMm)),
          'w:y': String(twips(field.yMm + dyMm)),
          'w:w': String(twips(field.widthMm)),
          'w:hAnchor': 'page',
          'w:vAnchor': 'page',
        });
        groups[f].forEach((p, line) => {
          expect(attrs(p, 'w:sz')['w:val']).toBe(String(field.fontSizePt * 2));
          // The position is the characters' top: exact line height = font size, nothing before.
          const after = line < groups[f].length - 1 ? String(field.fontSizePt * 10) : '0';
          expect(attrs(p, 'w:spacing')).toMatchObject({ 'w:before': '0', 'w:after': after, 'w:line': String(field.fontSizePt * 20), 'w:lineRule': 'exact' });
        });
      });
      const texts = groups.map((g) => g.map((p) => allMatches(p, /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g).join('')).join(''));
      const c = certificateBatch[i];
      expect(texts).toEqual([c.number, c.name, c.bodyText, c.issuer, toChineseNumeralsFor(c.issuedOn)]);
      // 正文 (207 mm of 二号) wraps before the first date rather than inside it.
      expect(groups[2].length).toBe(2);
      expect(allMatches(groups[2][1], /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g).join('')).toMatch(/^二〇二五年一月一日至/);
    }
  });

  it('uses the font and alignment of each field on all four slots', () => {
    const page = pages(document)[0];
    expectAllSlots(runOf(page, '广西壮族自治区人民政府').fonts, '宋体');
    expectAllSlots(runOf(page, '二〇二五年一月八日').fonts, '黑体');
    expectAllSlots(runOf(page, '陈思远').fonts, '楷体_GB2312');
    const namePara = allMatches(page, /<w:p>([\s\S]*?)<\/w:p>/g).find((p) => p.includes('>陈思远<'));
    expect(attrs(namePara ?? '', 'w:jc')['w:val']).toBe('center');
  });

  it('keeps ordinary margins: the frames do not depend on them', () => {
    expect(attrs(sections(document)[0], 'w:pgMar')).toMatchObject({ 'w:top': String(twips(10)), 'w:left': String(twips(10)) });
  });

  it('refuses overlay mode without field positions', () => {
    expect(() => buildAppointmentCertificate({ ...overlayInput, overlay: undefined })).toThrow(/套打模式需要字段位置/);
  });
});

function toChineseNumeralsFor(iso: string): string {
  return { '2025-01-08': '二〇二五年一月八日', '2026-11-22': '二〇二六年十一月二十二日' }[iso] ?? iso;
}
