import { describe, expect, it } from 'vitest';
import { buildCalibrationSheet, calibrationSheetFileName, fieldCaption, RULER_BASE_MM, signedMm } from '../../../../../shared/documents/advisors/calibration-sheet';
import { certificateBatch, overlayFields } from '../../../../fixtures/documents/advisors/inputs';
import { allMatches, attrs, packDocx, paragraphTexts } from '../docx-xml';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const emu = (mm: number) => Math.round(mm * 36000);
const offset = { dxMm: 1.5, dyMm: -0.7 };

/** Page offsets (EMU) of every anchored shape: [x, y, cx, cy]. */
function shapes(document: string): number[][] {
  return allMatches(document, /<wp:anchor[\s\S]*?<\/wp:anchor>/g).map((a) => [
    Number(/<wp:positionH relativeFrom="page"><wp:posOffset>(-?\d+)</.exec(a)?.[1]),
    Number(/<wp:positionV relativeFrom="page"><wp:posOffset>(-?\d+)</.exec(a)?.[1]),
    Number(attrs(a, 'wp:extent')['cx']),
    Number(attrs(a, 'wp:extent')['cy']),
  ]);
}

describe('聘书套打校准页', async () => {
  const { document } = await packDocx(buildCalibrationSheet({ orientation: 'landscape', overlay: { fields: overlayFields, offset }, sample: certificateBatch[0] }));
  const texts = paragraphTexts(document);

  const body = document.slice(document.indexOf('<w:body>'));
  const [sheetPage, instructionPage] = body.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/);

  it('is a landscape A4 sheet to lay on the stock, then a page of instructions', () => {
    expect(allMatches(document, /<w:sectPr/g)).toHaveLength(2);
    for (const s of allMatches(document, /<w:pgSz [^>]*>/g)) expect(attrs(s, 'w:pgSz')).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
  });

  it('prints the current offset and the Chinese instructions on the second page, none over the fields', () => {
    const second = paragraphTexts(instructionPage).join('');
    expect(second).toContain('当前偏移量：水平 +1.5 mm（正值向右），垂直 −0.7 mm（正值向下）');
    expect(second).toContain('对着光源查看');
    expect(second).toContain('实际大小（不缩放）');
    // Issue 7 item 11: the instructions overprinted the default 编号 field on the sheet itself.
    expect(paragraphTexts(sheetPage).join('')).not.toMatch(/当前偏移量|对着光源/);
  });

  it('labels every field with its name and nominal position in mm', () => {
    for (const f of overlayFields) expect(texts).toContain(fieldCaption(f));
    expect(texts).toContain('姓名　x 92.5 mm，y 80 mm，宽 40 mm');
  });

  it('prints sample text in exactly the frame the overlay uses (offset applied)', () => {
    for (const f of overlayFields) {
      const frame = allMatches(document, /<w:p>([\s\S]*?)<\/w:p>/g).find((p) => p.includes(`w:x="${twips(f.xMm + offset.dxMm)}" w:y="${twips(f.yMm + offset.dyMm)}"`));
      expect(frame, f.key).toBeDefined();
      expect(attrs(frame!, 'w:framePr')).toMatchObject({ 'w:w': String(twips(f.widthMm)), 'w:hAnchor': 'page', 'w:vAnchor': 'page' });
    }
    expect(texts).toContain('二〇二五年一月八日');
  });

  it('draws a crosshair at each field corner, offset included', () => {
    const all = shapes(document);
    for (const f of overlayFields) {
      const x = f.xMm + offset.dxMm;
      const y = f.yMm + offset.dyMm;
      expect(all).toContainEqual([emu(x - 5), emu(y), emu(10), 0]);
      expect(all).toContainEqual([emu(x), emu(y - 5), 0, emu(10)]);
    }
  });

  it('has mm rulers along the top and left edges: a tick every 5 mm, long ones and labels every 50 mm', () => {
    const all = shapes(document);
    const topTicks = all.filter(([, , cx, cy]) => cx === 0 && cy > 0 && cy <= emu(6)).filter(([, y, , cy]) => y + cy === emu(RULER_BASE_MM));
    expect(topTicks.map(([x]) => x / 36000)).toEqual(Array.from({ length: 59 }, (_, i) => (i + 1) * 5));
    expect(topTicks.find(([x]) => x === emu(50))?.[3]).toBe(emu(6));
    expect(topTicks.find(([x]) => x === emu(40))?.[3]).toBe(emu(3.5));
    const leftTicks = all.filter(([x, , cx, cy]) => cy === 0 && cx > 0 && cx <= emu(6) && x + cx === emu(RULER_BASE_MM));
    expect(leftTicks).toHaveLength(41);
    for (const label of ['50', '100', '150', '200', '250']) expect(texts).toContain(label);
  });

  it('formats signed offsets and names the file by orientation', () => {
    expect(signedMm(0)).toBe('0');
    expect(signedMm(-0.25)).toBe('−0.3');
    expect(signedMm(2)).toBe('+2');
    expect(calibrationSheetFileName({ orientation: 'portrait', overlay: { fields: overlayFields, offset } })).toBe('聘书套打校准页-纵向.docx');
  });
});
