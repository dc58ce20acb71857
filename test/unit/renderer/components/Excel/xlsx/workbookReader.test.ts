import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, locateTable } from '../../../../../../shared/excel/sheetTable';
import { ElementStream } from '../../../../../../renderer/src/components/Excel/xlsx/sheetXml';
import { readWorkbook } from '../../../../../../renderer/src/components/Excel/xlsx/workbookReader';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-made .xlsx: the parts other programs write that our own writer never does. */
function workbook(parts: { sheets: { name: string; xml: string; state?: string; tail?: string }[]; sharedStrings?: string; styles?: string; workbookPr?: string; prefix?: string }, level: 0 | 6 = 6): Uint8Array {
  const x = parts.prefix ? `${parts.prefix}:` : '';
  const ns = parts.prefix ? `xmlns:${parts.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<${x}workbook ${ns} xmlns:r="${REL}">${parts.workbookPr ?? ''}<${x}sheets>${parts.sheets.map((s, i) => `<${x}sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}<${x}sheet name="图表" sheetId="99" r:id="rIdChart"/></${x}sheets></${x}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdChart" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
  };
  parts.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<${x}worksheet ${ns}><${x}sheetData>${s.xml}</${x}sheetData>${s.tail ?? ''}</${x}worksheet>`)));
  if (parts.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(`<${x}sst ${ns}>${parts.sharedStrings}</${x}sst>`);
  if (parts.styles) files['xl/styles.xml'] = strToU8(`<${x}styleSheet ${ns}>${parts.styles}</${x}styleSheet>`);
  return zipSync(files, { level });
}

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="171" formatCode="#,##0.00&quot;元&quot;"/></numFmts>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="22"/></cellXfs>';

describe('readWorkbook (streaming)', () => {
  it('reads every cell type as Excel and WPS store it: shared and rich strings (phonetic guides left out), inline strings, cached formula values, booleans, errors, ISO dates, date styles', async () => {
    const bytes = workbook({
      sheets: [
        {
          name: '台账',
          xml:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
            '<row r="3"><c r="A3" t="inlineStr"><is><t>李 &amp; &lt;四&gt;</t></is></c><c r="B3" t="str"><f>A3&amp;""</f><v>公式文字</v></c><c r="C3"><f>SUM(1,2)</f><v>3</v></c><c r="D3"><f>SUM(1,2)</f></c></row>' +
            '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#DIV/0!</v></c><c r="C4" t="d"><v>2024-03-05T00:00:00</v></c><c r="D4" s="1"><v>45356</v></c><c r="E4" s="2"><v>45356</v></c><c r="F4" s="3"><v>45356</v></c><c r="G4" s="4"><v>45356.4375</v></c></row>' +
            '<row r="5"><c r="B5" s="1"/><c r="C5" t="s"><v>2</v></c></row>',
        },
      ],
      sharedStrings: '<si><t>姓名</t></si><si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si><si><t>第一行_x000D_\n第二行 _x005F_x000D_</t></si>',
      styles: STYLES,
    });
    const [sheet] = await readWorkbook(bytes, '台账.xlsx');
    expect(sheet.rows[0]).toEqual(['姓名', null, '张三 ']);
    expect(sheet.rows[1]).toEqual([]);
    expect(sheet.rows[2]).toEqual(['李 & <四>', '公式文字', 3, null]);
    expect(sheet.formulasWithoutValue).toBe(1);
    expect(sheet.rows[3]).toEqual([true, '#DIV/0!', '2024-03-05', '2024-03-05', '2024-03-05', 45356, '2024-03-05T10:30']);
    // A styled empty cell is empty; Excel's escapes are undone.
    expect(sheet.rows[4]).toEqual([null, null, '第一行\r\n第二行 _x000D_']);
  });

  it('reads namespace-prefixed parts, cells without references, stored (uncompressed) entries and the 1904 date system; lists hidden sheets and skips chart sheets', async () => {
    const bytes = workbook(
      {
        prefix: 'x',
        workbookPr: '<x:workbookPr date1904="1"/>',
        sheets: [
          { name: '名册', xml: '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c></x:row><x:row><x:c><x:v>12.5</x:v></x:c></x:row>' },
          { name: '下拉', state: 'hidden', xml: '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>选项</x:t></x:is></x:c></x:row>' },
          { name: '宏', state: 'veryHidden', xml: '' },
        ],
        sharedStrings: '<x:si><x:t>甲</x:t></x:si>',
        styles: STYLES.replace(/<(\/?)(\w)/g, '<$1x:$2'),
      },
      0,
    );
    const sheets = await readWorkbook(bytes, '名册.xlsx');
    expect(sheets.map((s) => [s.name, s.state])).toEqual([['名册', 'visible'], ['下拉', 'hidden'], ['宏', 'veryHidden']]);
    expect(sheets[0].rows).toEqual([['甲', '1904-01-01'], [12.5]]);
    expect(sheets[1].rows).toEqual([['选项']]);
  });

  it('reads merged ranges and leaves only their top-left cell', async () => {
    const bytes = workbook({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>残留</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>', tail: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' }] });
    const [sheet] = await readWorkbook(bytes, 'S.xlsx');
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(sheet.rows[0]).toEqual(['标题', null]);
  });

  it('counts rows past the import limit without keeping them, so the sheet is refused as too large', async () => {
    let xml = '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>院士称号</t></is></c></row>';
    const parts: string[] = [xml];
    for (let r = 2; r <= MAX_IMPORT_ROWS + 1_500; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    xml = parts.join('');
    const [sheet] = await readWorkbook(workbook({ sheets: [{ name: '大表', xml }] }), '大表.xlsx');
    expect(sheet.rows.length).toBe(MAX_IMPORT_ROWS + 1_000);
    expect(sheet.omittedRows).toBe(500);
    const table = locateTable(sheet, [{ id: 'name', label: '姓名' }, { id: 'honorific', label: '院士称号' }]);
    expect(table.ok).toBe(false);
    if (!table.ok) expect(table.message).toBe('工作表“大表”有超过 101,499 行数据，超过一次导入的上限 100,000 行：请拆分成几个文件分别导入');
  });

  it('refuses a zip that is no workbook, and one cut short, as a damaged file', async () => {
    const notWorkbook = zipSync({ 'readme.txt': strToU8('hello') });
    await expect(readWorkbook(notWorkbook, '压缩包.xlsx')).rejects.toThrow('文件已损坏，或不是 Excel 工作簿');
    const good = workbook({ sheets: [{ name: 'S', xml: '' }] });
    await expect(readWorkbook(good.subarray(0, good.length - 30), '截断.xlsx')).rejects.toThrow('文件已损坏');
  });
});

describe('ElementStream', () => {
  it('hands on each element once whatever the chunk boundaries (one character at a time)', () => {
    const xml = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><x:row r="3"><x:c><x:v>3</x:v></x:c></x:row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>';
    const seen: string[] = [];
    let other = '';
    const stream = new ElementStream('row', (attrs, body) => seen.push(`${attrs.trim()}|${body}`), (t) => (other += t));
    for (const ch of xml) stream.push(ch);
    stream.finish();
    expect(seen).toEqual(['r="1"|<c r="A1"><v>1</v></c>', 'r="2"|', 'r="3"|<x:c><x:v>3</x:v></x:c>']);
    expect(other).toBe('<sheetData></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>');
  });
});
