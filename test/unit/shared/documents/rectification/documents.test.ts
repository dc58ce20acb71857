import { afterAll, describe, expect, it } from 'vitest';
import { buildCompletionReport, completionReportTitle } from '../../../../../shared/documents/rectification/completion-report';
import { countByDivision, countByStatus } from '../../../../../shared/documents/rectification/completion-summary';
import { divisionsText } from '../../../../../shared/documents/rectification/plan-input';
import { buildRectificationPlan } from '../../../../../shared/documents/rectification/rectification-plan';
import { rectificationSampleInputs, SAMPLE_AS_OF } from '../../../../../shared/documents/rectification/sample-inputs';
import { mmToTwip } from '../../../../../shared/documents/style-kit';
import { allMatches, attrs, packDocx, paragraphTexts, styleXml, tableRows } from '../docx-xml';
import { hasLibreOffice, printedLines, printedPageSizes, renderDir, renderPdf, type PrintedLine } from '../render';

const samples = rectificationSampleInputs();
const planInput = samples.rectificationPlan;
const reportInput = samples.rectificationCompletionReport;

/** GB/T 9704 landscape: A4 turned, the 版心 kept 225 × 156 mm with the binding edge on top. */
function expectLandscapeGbPage(document: string) {
  const sectPr = allMatches(document, /(<w:sectPr[\s\S]*?<\/w:sectPr>)/g)[0];
  expect(attrs(sectPr, 'w:pgSz')).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
  expect(attrs(sectPr, 'w:pgMar')).toMatchObject({ 'w:top': String(mmToTwip(28)), 'w:left': String(mmToTwip(35)) });
}

/** Every table: fixed layout, explicit grid summing to the 225 mm 版心, cells as wide as their gridCol. */
function expectFixedTables(document: string) {
  const tables = allMatches(document, /(<w:tbl>[\s\S]*?<\/w:tbl>)/g);
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = allMatches(table, /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(mmToTwip(225));
    const firstRow = allMatches(table, /(<w:tr[ >][\s\S]*?<\/w:tr>)/g)[0];
    expect(allMatches(firstRow, /<w:tcW w:type="dxa" w:w="(\d+)"\/>|<w:tcW w:w="(\d+)" w:type="dxa"\/>/g).length).toBe(grid.length);
  }
}

describe('整改方案 document', async () => {
  const { document, styles } = await packDocx(buildRectificationPlan(planInput));
  const rows = tableRows(document);

  it('is a landscape A4 GB page with a fixed-width table in 五号', () => {
    expectLandscapeGbPage(document);
    expectFixedTables(document);
    expect(attrs(styleXml(styles, 'GbTableText'), 'w:sz')['w:val']).toBe('21');
    expect(attrs(styleXml(styles, 'GbTableText'), 'w:rFonts')).toMatchObject({ 'w:ascii': '仿宋_GB2312', 'w:hAnsi': '仿宋_GB2312', 'w:eastAsia': '仿宋_GB2312', 'w:cs': '仿宋_GB2312' });
  });

  it('has the seed\'s columns in order, the header repeated on every page', () => {
    expect(rows[0]).toEqual(['序号', '主题', '整改内容', '整改措施', '整改检验形式', '计划完成时间', '责任\n处室', '责任人']);
    const trs = allMatches(document, /(<w:tr[ >][\s\S]*?<\/w:tr>)/g);
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs.slice(1).some((tr) => tr.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows).toHaveLength(32);
  });

  it('prints each item as the seed has it: numbered measures, divisions per group, leader/officer pairs', () => {
    expect(rows[1]).toEqual(['1', '反馈问题整改', '建议对于桂林市科技特派员加强相关政策法规、业务方面培训。', '组织指导桂林市举办1期科技特派员政策解读及服务管理培训班。', '培训通知、培训签到表、培训图片', '2021年8月31日', '农村处', '唐咸来/潘红雄']);
    expect(rows[2][3].split('\n').map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(rows[3][6]).toBe('（1）办公室\n（2）高新处、区域处');
    expect(rows[5][6]).toBe('农村处、梧州市');
  });

  it('carries the 附件 mark in 黑体 flush left, then the title in 小标宋', () => {
    const paragraphs = allMatches(document, /(<w:p[ >][\s\S]*?<\/w:p>)/g);
    const mark = paragraphs.find((p) => paragraphTexts(p)[0] === '附件')!;
    expect(mark).toContain('<w:pStyle w:val="GbHeading1"/>');
    expect(attrs(mark, 'w:ind')).toMatchObject({ 'w:firstLine': '0' });
    const titlePara = paragraphs.find((p) => paragraphTexts(p)[0] === '2020年度自治区科技厅社会评价意见建议整改方案')!;
    expect(titlePara).toContain('<w:pStyle w:val="GbTitle"/>');
    expect(paragraphTexts(document).indexOf('附件')).toBeLessThan(paragraphTexts(document).indexOf('2020年度自治区科技厅社会评价意见建议整改方案'));
  });

  it('leaves the mark out when the plan is printed on its own', async () => {
    const { document: bare } = await packDocx(buildRectificationPlan({ ...planInput, attachmentMark: '' }));
    expect(paragraphTexts(bare)).not.toContain('附件');
  });

  it('sizes the 序号, date and 责任人 columns from their content', () => {
    const widths = allMatches(document, /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    // 2021年12月15日 in 五号 is about 8.7 em ≈ 32 mm plus the cell margins; 序号 about 10 mm.
    expect(widths[5]).toBeGreaterThanOrEqual(mmToTwip(34));
    expect(widths[0]).toBeLessThan(mmToTwip(12));
    expect(widths[3]).toBeGreaterThan(widths[2]);
  });

  it('gives 整改内容 at least 40 mm, wider than the one-line date column beside it', () => {
    // The defect: the long 整改措施 took the room and 整改内容 got 31 mm, less than the 35 mm date.
    const widths = allMatches(document, /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    expect(widths[2]).toBeGreaterThanOrEqual(mmToTwip(40));
    expect(widths[2]).toBeGreaterThan(widths[5] * 1.2);
  });

  it('refuses an empty plan in Chinese', () => {
    expect(() => buildRectificationPlan({ ...planInput, items: [] })).toThrow('整改方案至少需要一项整改事项');
  });
});

describe('整改完成情况报告', async () => {
  const { document } = await packDocx(buildCompletionReport(reportInput));
  const texts = paragraphTexts(document);

  it('is titled after the plan and is a landscape page with fixed tables', () => {
    expect(completionReportTitle('2020年度自治区科技厅社会评价意见建议整改方案')).toBe('2020年度自治区科技厅社会评价意见建议整改完成情况报告');
    expect(completionReportTitle('专项检查问题')).toBe('专项检查问题完成情况报告');
    expect(texts).toContain('2020年度自治区科技厅社会评价意见建议整改完成情况报告');
    expectLandscapeGbPage(document);
    expectFixedTables(document);
  });

  it('gives 整改内容 of the item table at least 40 mm, wider than its date columns', () => {
    const itemTable = allMatches(document, /(<w:tbl>[\s\S]*?<\/w:tbl>)/g).at(-1)!;
    const widths = allMatches(itemTable, /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    expect(widths).toHaveLength(8);
    expect(widths[1]).toBeGreaterThanOrEqual(mmToTwip(40));
    expect(widths[1]).toBeGreaterThan(Math.max(widths[3], widths[5]));
  });

  it('counts by status and by division as of the report date', () => {
    const items = reportInput.items.map((i) => ({ ...i, responsibleDivisions: i.responsibleDivisions }));
    const byStatus = countByStatus(items as never, SAMPLE_AS_OF);
    expect(byStatus.reduce((n, c) => n + c.count, 0)).toBe(31);
    const sentence = texts.find((t) => t.startsWith('截至'))!;
    const done = byStatus.find((c) => c.status === '已完成')!.count;
    expect(sentence).toContain(`截至2021年11月15日，整改方案共列整改事项31项，已完成${done}项（其中逾期完成1项）`);
    const rows = tableRows(document);
    expect(rows[0]).toEqual(['完成情况', '事项数', '序号']);
    expect(rows.slice(1, 5).map((r) => r[0])).toEqual(['已完成', '推进中', '未启动', '逾期']);
    const division = countByDivision(items as never, SAMPLE_AS_OF).find((c) => c.division === '农村处')!;
    expect(rows.find((r) => r[0] === '农村处')).toEqual(['农村处', ...[division.total, division.completed, division.inProgress, division.notStarted, division.overdue].map(String)]);
  });

  it('lists each item with its status, completion date and evidence next to the expected evidence', () => {
    const rows = tableRows(document);
    const header = rows.findIndex((r) => r[0] === '序号' && r[1] === '整改内容');
    expect(rows[header]).toEqual(['序号', '整改内容', '责任\n处室', '计划完成时间', '完成情况', '完成日期', '整改检验形式', '佐证材料']);
    const item19 = rows.find((r, i) => i > header && r[0] === '19')!;
    expect(item19.slice(3, 6)).toEqual(['2021年6月30日', '已完成\n（逾期完成）', '2021年7月9日']);
    const overdueRow = rows.find((r, i) => i > header && r[4].startsWith('逾期'))!;
    expect(overdueRow[5]).toBe('');
    expect(overdueRow[4]).toBe('逾期\n（推进中）');
    const allItemRows = rows.filter((r, i) => i > header);
    expect(allItemRows).toHaveLength(31);
  });

  it('names the expected evidence a completed item has not handed in', async () => {
    const [first] = reportInput.items;
    const input = { ...reportInput, items: [{ ...first, status: '已完成' as const, startedDate: '2021-04-12', completedDate: '2021-08-20', evidenceNotes: '培训通知、培训图片' }] };
    const rows = tableRows((await packDocx(buildCompletionReport(input))).document);
    expect(rows.at(-1)!.at(-1)).toBe('培训通知、培训图片\n（缺：培训签到表）');
  });

  it('counts the uploaded 佐证材料 (附件 names) as handed in, as the item screen does', async () => {
    const [first] = reportInput.items;
    const done = { ...first, status: '已完成' as const, startedDate: '2021-04-12', completedDate: '2021-08-20', evidenceNotes: '培训通知' };
    const withFiles = { ...reportInput, items: [{ ...done, evidenceFiles: ['培训签到表.pdf', '培训图片1.jpg'] }] };
    expect(tableRows((await packDocx(buildCompletionReport(withFiles))).document).at(-1)!.at(-1)).toBe('培训通知\n附件：培训签到表.pdf、培训图片1.jpg');
    const oneFile = { ...reportInput, items: [{ ...done, evidenceFiles: ['培训签到表.pdf'] }] };
    expect(tableRows((await packDocx(buildCompletionReport(oneFile))).document).at(-1)!.at(-1)).toBe('培训通知\n附件：培训签到表.pdf\n（缺：培训图片）');
  });

  it('counts an item of two divisions for each', () => {
    const counts = countByDivision(
      [{ seq: 1, status: '推进中', plannedDate: '2021-01-31', responsibleDivisions: ['甲处', '乙处'] }],
      '2021-02-01',
    );
    expect(counts).toEqual([
      { division: '甲处', total: 1, completed: 0, inProgress: 1, notStarted: 0, overdue: 1 },
      { division: '乙处', total: 1, completed: 0, inProgress: 1, notStarted: 0, overdue: 1 },
    ]);
  });
});

describe('divisionsText', () => {
  it('breaks the plan\'s wording between numbered groups only', () => {
    expect(divisionsText({ responsibleDivisions: ['规配处', '审批办', '基础处'], divisionWording: '（1）规配处、审批办，（2）基础处' })).toBe('（1）规配处、审批办\n（2）基础处');
    expect(divisionsText({ responsibleDivisions: ['高新处', '规配处'] })).toBe('高新处、规配处');
  });
});

// DESIGN §Documents: the rendering check (LibreOffice → PDF) where LibreOffice is installed.
const { dir, cleanup } = renderDir();
afterAll(cleanup);
const slow = { timeout: 240_000 };

/** Lines that hold a date or 序号 cut off at the end (2021年12月15 over 日): a wrapped value. */
function wrappedDates(lines: PrintedLine[]): string[] {
  return lines.filter((l) => /\d{4}年\d{1,2}月(\d{1,2})?$/.test(l.text) || /^\d{1,2}月?\d*日$/.test(l.text) || l.text === '日').map((l) => l.text);
}

describe.skipIf(!hasLibreOffice)('rectification documents rendered by LibreOffice', () => {
  it('整改方案: landscape pages, header on every page, dates and 序号 whole', slow, async () => {
    const r = await renderPdf(buildRectificationPlan(planInput), 'rectification-plan', dir);
    expect(printedPageSizes(r.pdf).every((s) => s.w > s.h)).toBe(true);
    expect(r.pageCount).toBeGreaterThan(1);
    for (const page of r.pages) expect(page).toContain('整改检验形式');
    const lines = printedLines(r.pdf);
    expect(wrappedDates(lines)).toEqual([]);
    for (const date of ['2021年8月31日', '2021年12月15日', '2021年11月30日', '2021年10月31日']) expect(lines.some((l) => l.text === date)).toBe(true);
    // Every 序号 1–31 printed as a line of its own (not split as 3 over 1).
    for (let n = 1; n <= 31; n++) expect(lines.some((l) => l.text === String(n)), `序号 ${n}`).toBe(true);
    expect(r.pages.join('')).toContain('唐咸来/潘红雄');
    // 责任处室 breaks between the plan's groups, not inside a division's name.
    expect(lines.some((l) => l.text === '（1）办公室')).toBe(true);
    expect(lines.some((l) => l.text === '（2）基础处')).toBe(true);
    // 整改内容 reads as sentences: 11 characters a line, printed wider than the date beside it
    // (before the fix: 青秀区希望科技 over 7 characters, 25.9 mm against the date's 30.4 mm).
    const content = lines.find((l) => l.text.startsWith('青秀区希望科技厅'));
    const date = lines.find((l) => l.text === '2021年12月15日');
    expect(content!.text.length).toBeGreaterThanOrEqual(11);
    expect(content!.xMax - content!.xMin).toBeGreaterThan(date!.xMax - date!.xMin);
  });

  it('整改完成情况报告: landscape, counts and every item, dates whole', slow, async () => {
    const r = await renderPdf(buildCompletionReport(reportInput), 'rectification-report', dir);
    expect(printedPageSizes(r.pdf).every((s) => s.w > s.h)).toBe(true);
    const text = r.pages.join('');
    expect(text).toContain('一、按完成情况统计');
    expect(text).toContain('三、逐项完成情况');
    expect(text).toContain('广西壮族自治区科学技术厅');
    expect(wrappedDates(printedLines(r.pdf))).toEqual([]);
  });
});
