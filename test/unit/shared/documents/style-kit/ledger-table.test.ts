import { describe, expect, it } from 'vitest';
import { createGbDocument, ledgerTable, mmToTwip } from '../../../../../shared/documents/style-kit';
import { allMatches, attrs, packDocx, tableRows } from '../docx-xml';

const columns = [
  { header: '序号', widthMm: 14, align: 'center' as const },
  { header: '姓名', widthMm: 30 },
  { header: '内容', widthMm: 112 },
];

describe('ledgerTable', async () => {
  const table = ledgerTable({ columns, rows: [['1', '蓝海波', '第一行\n第二行'], ['2', '覃雨桐', '内容']] });
  const { document } = await packDocx(createGbDocument({ title: 't', sections: [{ children: [table] }] }));
  const widths = columns.map((c) => String(mmToTwip(c.widthMm)));

  it('writes explicit gridCol widths (WPS lays out from the grid)', () => {
    expect(allMatches(document, /<w:gridCol w:w="(\d+)"\/>/g)).toEqual(widths);
  });

  it('uses fixed layout and a table width equal to the columns', () => {
    expect(attrs(document, 'w:tblLayout')['w:type']).toBe('fixed');
    const total = widths.map(Number).reduce((a, b) => a + b, 0);
    expect(attrs(document, 'w:tblW')).toMatchObject({ 'w:type': 'dxa', 'w:w': String(total) });
  });

  it('gives every cell its column width in twips', () => {
    const cellWidths = allMatches(document, /<w:tcW ([^>]*)\/>/g).map((a) => /w:w="(\d+)"/.exec(a)![1]);
    expect(cellWidths).toEqual([...widths, ...widths, ...widths]);
    expect(document).not.toMatch(/<w:tcW [^>]*w:type="(pct|auto)"/);
  });

  it('repeats the header row on every page', () => {
    const rows = allMatches(document, /<w:tr[ >]([\s\S]*?)<\/w:tr>/g);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
  });

  it('keeps the cell text, header first', () => {
    expect(tableRows(document)).toEqual([
      ['序号', '姓名', '内容'],
      ['1', '蓝海波', '第一行\n第二行'],
      ['2', '覃雨桐', '内容'],
    ]);
  });

  it('refuses rows of the wrong length, in Chinese', () => {
    expect(() => ledgerTable({ columns, rows: [['1', '2']] })).toThrow('台账表格第 1 行有 2 个单元格，应为 3 个');
    expect(() => ledgerTable({ columns: [], rows: [] })).toThrow('台账表格至少需要一列');
  });
});

describe('ledgerTable rows across pages', async () => {
  const rowsXml = async (rowsMaySplit?: boolean) => {
    const table = ledgerTable({ columns, rows: [['1', '蓝海波', '第一行\n第二行']], rowsMaySplit });
    const { document } = await packDocx(createGbDocument({ title: 't', sections: [{ children: [table] }] }));
    return allMatches(document, /<w:tr[ >]([\s\S]*?)<\/w:tr>/g);
  };

  it('keeps a ledger row whole by default, and the header row always', async () => {
    const [header, body] = await rowsXml();
    expect(header).toContain('<w:cantSplit/>');
    expect(body).toContain('<w:cantSplit/>');
  });

  it('lets a body row of paragraphs break across pages when asked (整改方案), the header still whole', async () => {
    const [header, body] = await rowsXml(true);
    expect(header).toContain('<w:cantSplit/>');
    expect(body).not.toContain('cantSplit');
  });
});
