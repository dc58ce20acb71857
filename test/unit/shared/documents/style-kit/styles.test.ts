import { describe, expect, it } from 'vitest';
import { buildKitSample, kitSampleText } from '../../../../fixtures/documents/kit-sample';
import { gridCellTwips, pageLayout } from '../../../../../shared/documents/style-kit';
import { attrs, packDocx, paragraphTexts, styleXml } from '../docx-xml';

const FOUR_SLOTS = ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'];

function expectFont(xml: string, font: string) {
  const fonts = attrs(xml, 'w:rFonts');
  for (const slot of FOUR_SLOTS) expect(fonts[slot], slot).toBe(font);
  expect(attrs(xml, 'w:lang')['w:eastAsia']).toBe('zh-CN');
}

describe('GB/T 9704-2012 styles', async () => {
  const { styles, document } = await packDocx(buildKitSample());

  it.each([
    ['GbTitle', '方正小标宋简体', '44'],
    ['GbBody', '仿宋_GB2312', '32'],
    ['GbHeading1', '黑体', '32'],
    ['GbHeading2', '楷体_GB2312', '32'],
    ['GbHeading3', '仿宋_GB2312', '32'],
    ['GbHeading4', '仿宋_GB2312', '32'],
    ['GbSignature', '仿宋_GB2312', '32'],
    ['GbPageNumber', '宋体', '28'],
    ['GbTableText', '仿宋_GB2312', '24'],
    ['GbTableHeader', '黑体', '24'],
  ])('%s: %s on all four slots, w:sz %s', (id, font, sz) => {
    const style = styleXml(styles, id);
    expectFont(style, font);
    expect(attrs(style, 'w:sz')['w:val']).toBe(sz);
    expect(attrs(style, 'w:szCs')['w:val']).toBe(sz);
  });

  it('document defaults and Normal are 仿宋_GB2312 三号 on all four slots', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expectFont(defaults, '仿宋_GB2312');
    expect(attrs(defaults, 'w:sz')['w:val']).toBe('32');
    const normal = styleXml(styles, 'Normal');
    expectFont(normal, '仿宋_GB2312');
    expect(attrs(normal, 'w:sz')['w:val']).toBe('32');
  });

  it.each(['GbTitle', 'GbBody', 'GbHeading1', 'GbHeading2', 'GbHeading3', 'GbHeading4', 'GbSignature'])('%s has exact 28.95 pt line spacing', (id) => {
    expect(attrs(styleXml(styles, id), 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
  });

  it('body and headings indent the first line by two characters, in twips no wider than two grid cells', () => {
    const twoCells = 2 * Math.min(gridCellTwips(pageLayout('portrait')), gridCellTwips(pageLayout('landscape')));
    for (const id of ['GbBody', 'GbHeading1', 'GbHeading2', 'GbHeading3', 'GbHeading4']) {
      const ind = attrs(styleXml(styles, id), 'w:ind');
      expect(ind['w:firstLineChars']).toBe('200');
      // 640 (2 × 16 pt) overflows two 315.9-twip cells: LibreOffice/WPS then start in the third.
      expect(Number(ind['w:firstLine'])).toBeLessThan(twoCells);
      expect(Number(ind['w:firstLine'])).toBeGreaterThan(twoCells - 5);
    }
  });

  it('scales no glyph (no w:w anywhere) and condenses only the 三号 body and headings by 0.3 pt, to 28 a line', () => {
    expect(styles).not.toContain('<w:w ');
    for (const id of ['GbBody', 'GbHeading1', 'GbHeading2', 'GbHeading3', 'GbHeading4']) {
      const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(styleXml(styles, id))![0];
      expect(attrs(rPr, 'w:spacing')['w:val'], id).toBe('-6');
      // 28 × (16 − 0.3) pt fits the 442 pt 版心; 29 would not.
      expect(28 * (16 - 0.3)).toBeLessThanOrEqual(442.2);
      expect(29 * (16 - 0.3)).toBeGreaterThan(442.2);
    }
    const defaultRun = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0];
    expect(defaultRun).not.toContain('<w:spacing ');
    for (const id of ['Normal', 'GbTitle', 'GbSignature', 'GbTableText', 'GbTableHeader', 'GbPageNumber']) {
      const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(styleXml(styles, id))![0];
      expect(rPr, id).not.toContain('<w:spacing ');
    }
  });

  it('bolds 三级标题 only', () => {
    expect(styleXml(styles, 'GbHeading3')).toContain('<w:b/>');
    for (const id of ['GbBody', 'GbHeading1', 'GbHeading2', 'GbHeading4']) expect(styleXml(styles, id)).not.toContain('<w:b/>');
  });

  it('centres the title and leaves one blank line under it', () => {
    const title = styleXml(styles, 'GbTitle');
    expect(attrs(title, 'w:jc')['w:val']).toBe('center');
    expect(attrs(title, 'w:spacing')['w:after']).toBe('579');
  });

  it('keeps every GB style off the character grid (the condensed body would be re-spread to grid cells), Normal on it', () => {
    for (const id of ['GbTitle', 'GbBody', 'GbHeading1', 'GbHeading2', 'GbHeading3', 'GbHeading4', 'GbTableText', 'GbTableHeader', 'GbPageNumber', 'GbSignature']) {
      expect(styleXml(styles, id), id).toContain('<w:snapToGrid w:val="0"/>');
    }
    expect(styleXml(styles, 'Normal')).not.toContain('snapToGrid');
  });

  it('applies the styles to the content', () => {
    const texts = paragraphTexts(document);
    expect(texts).toContain(kitSampleText.title.replace('\n', ''));
    for (const [id, text] of [
      ['GbHeading1', kitSampleText.heading1],
      ['GbHeading2', kitSampleText.heading2],
      ['GbHeading3', kitSampleText.heading3],
      ['GbHeading4', kitSampleText.heading4],
      ['GbBody', kitSampleText.body],
    ]) {
      expect(document).toMatch(new RegExp(`<w:pStyle w:val="${id}"/>[\\s\\S]{0,200}?${text.replace(/[()（）.]/g, '.')}`));
    }
  });
});
