import { describe, expect, it } from 'vitest';
import { bodyParagraph, createGbDocument, mmToTwip, pageLayout, title } from '../../../../../shared/documents/style-kit';
import { buildKitSample } from '../../../../fixtures/documents/kit-sample';
import { allMatches, attrs, packDocx } from '../docx-xml';

describe('GB/T 9704-2012 page setup', () => {
  it('converts millimetres to the nearest twip (not rounded down)', () => {
    expect([37, 35, 28, 26].map(mmToTwip)).toEqual([2098, 1984, 1587, 1474]);
  });

  it('writes A4 portrait with the 版心 margins', async () => {
    const { document } = await packDocx(buildKitSample());
    expect(attrs(document, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    expect(attrs(document, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474', 'w:gutter': '0' });
  });

  it('sets a 22-line × 28-character document grid (Word: 指定行和字符网格)', async () => {
    const { document } = await packDocx(buildKitSample());
    const grid = attrs(document, 'w:docGrid');
    expect(grid).toMatchObject({ 'w:type': 'linesAndChars', 'w:linePitch': '579' });
    // What Word's page-setup dialog computes from the grid.
    const layout = pageLayout('portrait');
    const pitchPt = 16 + Number(grid['w:charSpace']) / 4096;
    expect(Math.floor(layout.textWidthTwips / 20 / pitchPt)).toBe(28);
    const textHeightTwips = 16838 - 2098 - 1984;
    expect(Math.floor(textHeightTwips / 579)).toBe(22);
  });

  it('turns A4 for landscape sections and keeps the 版心 size', async () => {
    const { document } = await packDocx(createGbDocument({ title: 't', sections: [{ orientation: 'landscape', children: [title('表')] }] }));
    expect(attrs(document, 'w:pgSz')).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    const margin = attrs(document, 'w:pgMar');
    expect(margin).toMatchObject({ 'w:top': '1587', 'w:bottom': '1474', 'w:left': '1984', 'w:right': '2098' });
    const layout = pageLayout('landscape');
    expect(layout.textWidthMm).toBe(225);
    expect(Math.floor(layout.textWidthTwips / 20 / (16 + layout.charSpace / 4096))).toBe(layout.charsPerLine);
  });

  it('enables different odd and even footers in settings.xml', async () => {
    const { settings } = await packDocx(buildKitSample());
    expect(settings).toContain('<w:evenAndOddHeaders/>');
  });

  it('puts "— PAGE —" in the odd (right, one character in) and even (left) footers', async () => {
    const { document, footers, rels } = await packDocx(buildKitSample());
    const refs = allMatches(document, /<w:footerReference ([^>]*)\/>/g).map((a) => Object.fromEntries([...a.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));
    expect(refs.map((r) => r['w:type']).sort()).toEqual(['default', 'even']);
    const footerFor = (type: string) => {
      const id = refs.find((r) => r['w:type'] === type)!['r:id'];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return footers[`word/${target[1] ?? target[2]}`];
    };
    const odd = footerFor('default');
    const even = footerFor('even');
    for (const footer of [odd, even]) {
      const texts = allMatches(footer, /<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g);
      const sequence = [...footer.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1] ?? `{${m[2].trim()}}`);
      expect(sequence.join('')).toBe('— {PAGE} —');
      expect(texts.length).toBe(3);
      expect(footer).toContain('<w:pStyle w:val="GbPageNumber"/>');
    }
    expect(attrs(odd, 'w:jc')['w:val']).toBe('right');
    expect(attrs(odd, 'w:ind')['w:right']).toBe('280');
    expect(attrs(even, 'w:jc')['w:val']).toBe('left');
    expect(attrs(even, 'w:ind')['w:left']).toBe('280');
  });

  it('turns the page number of landscape sections to where the portrait pages have it (§10.2)', async () => {
    const { footers } = await packDocx(createGbDocument({ title: 't', sections: [{ children: [title('文')] }, { orientation: 'landscape', children: [title('表')] }] }));
    const turned = Object.values(footers).filter((f) => f.includes('<w:tblpPr'));
    expect(turned).toHaveLength(2); // odd and even of the landscape section; portrait footers stay flat
    for (const footer of turned) {
      // floated against the page: x = the portrait number line's bottom (25.5 mm up from the sheet's
      // bottom edge, now the left edge), y = the binding margin (28 mm, now the top)
      expect(attrs(footer, 'w:tblpPr')).toMatchObject({ 'w:horzAnchor': 'page', 'w:vertAnchor': 'page', 'w:tblpX': String(mmToTwip(25.5)), 'w:tblpY': String(mmToTwip(28)) });
      expect(attrs(footer, 'w:textDirection')['w:val']).toBe('tbRl');
      // the cell is as long as the portrait 版心 is wide, so 右空一字/左空一字 land as on portrait pages
      expect(attrs(footer, 'w:trHeight')).toMatchObject({ 'w:val': String(mmToTwip(156)), 'w:hRule': 'exact' });
      expect(footer).toContain('<w:pStyle w:val="GbPageNumber"/>');
    }
    expect(turned.map((f) => attrs(f, 'w:jc')['w:val']).sort()).toEqual(['left', 'right']);
  });

  it('refuses a document without sections', () => {
    expect(() => createGbDocument({ title: 't', sections: [] })).toThrow('文档至少需要一节内容');
  });

  it('keeps builder content in order', async () => {
    const { document } = await packDocx(createGbDocument({ title: 't', sections: [{ children: [title('标题'), bodyParagraph('正文')] }] }));
    expect(document.indexOf('标题')).toBeLessThan(document.indexOf('正文'));
  });
});
