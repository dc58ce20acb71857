import { describe, expect, it } from 'vitest';
import { buildCertificateRegister, REPRINT_MARK } from '../../../../../shared/documents/advisors/certificate-register';
import { buildInvitation, invitationFileName } from '../../../../../shared/documents/advisors/invitation';
import { advisorLedgerReportFileName, buildAdvisorLedgerReport } from '../../../../../shared/documents/advisors/ledger-report';
import { adoptionCounts, buildSuggestionsCompilation } from '../../../../../shared/documents/advisors/suggestions-compilation';
import { mmToTwip } from '../../../../../shared/documents/style-kit';
import { compilationInput, invitationInput, ledgerInput, registerInput } from '../../../../fixtures/documents/advisors/inputs';
import { allMatches, attrs, packDocx, paragraphTexts, styleXml, tableRows } from '../docx-xml';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const sections = (xml: string) => allMatches(xml, /<w:sectPr[\s\S]*?<\/w:sectPr>/g);

/** GB/T 9704-2012 §5.2.2 margins: portrait 37/35/28/26 mm; landscape turned (kit's page.ts). */
function expectGbPage(sectPr: string, orientation: 'portrait' | 'landscape') {
  const mar = attrs(sectPr, 'w:pgMar');
  if (orientation === 'portrait') {
    expect(attrs(sectPr, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(mar).toMatchObject({ 'w:top': String(twips(37)), 'w:bottom': String(twips(35)), 'w:left': String(twips(28)), 'w:right': String(twips(26)) });
  } else {
    expect(attrs(sectPr, 'w:pgSz')).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    expect(mar).toMatchObject({ 'w:top': String(twips(28)), 'w:bottom': String(twips(26)), 'w:left': String(twips(35)), 'w:right': String(twips(37)) });
  }
}

/** Each table's gridCol widths sum to the 版心 width (156 mm portrait, 225 mm landscape). */
function expectTablesFill(xml: string, widthMm: number) {
  for (const grid of allMatches(xml, /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)) {
    const sum = allMatches(grid, /<w:gridCol w:w="(\d+)"\/>/g).map(Number).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - twips(widthMm))).toBeLessThanOrEqual(4);
  }
}

describe('邀请函', async () => {
  const { document, styles } = await packDocx(buildInvitation(invitationInput));
  const texts = paragraphTexts(document);

  it('is a portrait GB/T 9704 page with the kit fonts on all four slots', () => {
    expectGbPage(sections(document)[0], 'portrait');
    expect(attrs(styleXml(styles, 'GbBody'), 'w:rFonts')).toMatchObject({ 'w:ascii': '仿宋_GB2312', 'w:hAnsi': '仿宋_GB2312', 'w:eastAsia': '仿宋_GB2312', 'w:cs': '仿宋_GB2312' });
    expect(attrs(styleXml(styles, 'GbBody'), 'w:sz')['w:val']).toBe('32');
    expect(attrs(styleXml(styles, 'GbTitle'), 'w:sz')['w:val']).toBe('44');
  });

  it('greets the advisor flush left as 尊敬的××院士 and states the visit', () => {
    expect(texts[0]).toBe('邀请函');
    expect(texts[1]).toBe('尊敬的陈思远院士：');
    const salutation = allMatches(document, /<w:p>([\s\S]*?)<\/w:p>/g)[1];
    expect(attrs(salutation, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    expect(texts.join('')).toContain('诚挚邀请您于2026年11月20日至22日来桂座谈，地点为南宁市。');
  });

  it('numbers the agenda, gives the contact line and signs with organisation and date', () => {
    expect(texts).toContain('2.11月21日上午参加新材料产业发展座谈会。');
    expect(texts).toContain('联系人：李文静，联系电话：0771-5550100。');
    expect(texts.slice(-2)).toEqual(['自治区党委科技委员会办公室', '2026年10月28日']);
    expect(invitationFileName(invitationInput)).toBe('邀请函-陈思远-来桂座谈.docx');
  });

  it('is signed under seal (§7.3.5.1): two blank lines, the date 右空四字, the office centred over it', () => {
    const paras = allMatches(document, /(<w:p>[\s\S]*?<\/w:p>)/g);
    const [org, date] = paras.slice(-2);
    expect(attrs(org, 'w:spacing')['w:before']).toBe('1158');
    expect(attrs(date, 'w:ind')['w:right']).toBe('1280');
    // 13-character office over a 7-character date: 4 + (7 − 13) / 2 = 1 character in
    expect(attrs(org, 'w:ind')['w:right']).toBe('320');
  });

  it('words the ceremony invitation after seed 000 §三 and requires text for 其他', async () => {
    const ceremony = paragraphTexts((await packDocx(buildInvitation({ ...invitationInput, purpose: '聘书颁发仪式', eventEndDate: undefined }))).document).join('');
    expect(ceremony).toContain('兹定于2026年11月20日在南宁市举行广西科技顾问聘书颁发仪式');
    expect(() => buildInvitation({ ...invitationInput, purpose: '其他' })).toThrow(/请填写邀请事项/);
  });
});

describe('广西科技顾问工作台账', async () => {
  const { document } = await packDocx(buildAdvisorLedgerReport(ledgerInput));
  const texts = paragraphTexts(document);
  const rows = tableRows(document);

  it('puts the text in portrait and the wide tables in a landscape section, GB margins on both', () => {
    const secs = sections(document);
    expect(secs).toHaveLength(2);
    expectGbPage(secs[0], 'portrait');
    expectGbPage(secs[1], 'landscape');
  });

  it('has the six headings of seed 000 §七.(一).5 in order', () => {
    const headings = texts.filter((t) => /^[一二三四五六]、/.test(t));
    expect(headings).toEqual(['一、基本情况', '二、工作方案和年度工作计划', '三、工作开展情况', '四、意见建议及采纳落实情况', '五、聘金拨付情况', '六、成效评估']);
  });

  it('lists the basic facts, plans with targets and filing dates', async () => {
    expect(rows).toContainEqual(['服务单位', '广西示范新材料研究院', '联络人', '韦晓岚　13807710001']);
    expect(rows).toContainEqual(['聘期', '2025年1月1日至2027年12月31日']);
    expect(texts).toContain('（一）三年工作方案（2025—2027年）');
    // The office is named as 设置 has it (the report's 署名), never a fixed 科技委员会办公室.
    expect(texts).toContain('备案情况：2025年2月10日报自治区工业和信息化厅备案，2025年2月12日报自治区党委科技委员会办公室备案。');
    expect(texts).toContain('备案情况：尚未备案。');
    const other = paragraphTexts((await packDocx(buildAdvisorLedgerReport({ ...ledgerInput, organisation: '柳州市科学技术局' }))).document);
    expect(other).toContain('备案情况：2025年2月10日报自治区工业和信息化厅备案，2025年2月12日报柳州市科学技术局备案。');
  });

  it('omits a plan field nobody filled in instead of printing 未填写', () => {
    expect(texts.join('\n')).not.toContain('未填写');
    expect(texts).toContain('目标任务：开展技术攻关2项。');
    expect(texts.filter((t) => t.startsWith('成果受益分配方案：'))).toEqual(['成果受益分配方案：成果收益按约定比例分配。']);
  });

  it('tables the activities in date order and the suggestions with their adoption', () => {
    expect(rows).toContainEqual(['序号', '日期', '工作形式', '工作职责', '内容', '地点']);
    expect(rows).toContainEqual(['1', '2026年4月16日', '来桂座谈', '规划政策咨询', '出席新材料产业发展座谈会。', '南宁']);
  });

  it('tracks 采纳 and 落实 side by side, each with its date on a line of its own (seed 000 §七(四))', () => {
    expect(rows).toContainEqual(['序号', '提出日期', '意见建议', '报送单位', '采纳情况', '落实情况']);
    expect(rows).toContainEqual([
      '1',
      '2026年5月10日',
      '关于加快铝基新材料中试平台建设的建议',
      '自治区工业和信息化厅\n2026年5月20日报送',
      '已采纳\n2026年7月2日反馈\n已纳入年度重点工作。',
      '落实中\n2026年11月15日\n平台选址已确定。',
    ]);
    // Not yet reported on: 落实 is left blank, not "未填写"; never sent: no 报送 line.
    expect(rows).toContainEqual(['2', '2026年9月12日', '关于完善新材料首批次应用保险补偿的建议', '自治区财政厅', '尚未报送', '']);
  });

  it('shows 聘金 (税后, seed 000 §六) in figures and 大写, with a total', () => {
    expect(rows).toContainEqual(['年度', '聘金（元，税后）', '金额（大写）', '拨付单位', '拨付日期', '凭证号', '备案日期']);
    expect(rows).toContainEqual(['2025年', '300,000.00', '叁拾万元整', '广西示范新材料研究院', '2025年6月30日', 'PZ-2025-0101', '2025年7月15日']);
    expect(rows).toContainEqual(['2026年', '300,000.50', '叁拾万元零伍角', '广西示范新材料研究院', '2026年6月28日', '', '未备案']);
    expect(rows).toContainEqual(['合计', '600,000.50', '陆拾万元零伍角', '', '', '', '']);
  });

  it('reports the evaluation and notes the missing one for the year, then signs', () => {
    expect(texts).toContain('2025年度：2025年12月8日收到年度总结；2026年1月15日组织实地考察评估，评估结果：优秀。');
    expect(texts.some((t) => t.startsWith('2026年度：尚未收到服务单位报送的报告') && t.includes('12月上旬'))).toBe(true);
    expect(texts.slice(-2)).toEqual(['自治区党委科技委员会办公室', '2026年12月28日']);
    expect(advisorLedgerReportFileName(ledgerInput)).toBe('科技顾问工作台账-陈思远-2026年度.docx');
  });

  it('fills the landscape 版心 with every wide table and the portrait one with the profile', () => {
    const [portraitPart, landscapePart] = document.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/);
    expectTablesFill(portraitPart, 156);
    expectTablesFill(landscapePart, 225);
    expect(allMatches(landscapePart, /<w:tblGrid>/g)).toHaveLength(3);
  });

  it('says so when the year has no records instead of printing an empty table', async () => {
    const empty = (await packDocx(buildAdvisorLedgerReport({ ...ledgerInput, activities: [], suggestions: [], stipends: [] }))).document;
    const t = paragraphTexts(empty);
    expect(t).toContain('本年度暂无工作开展记录。');
    expect(t).toContain('本年度暂无意见建议记录。');
    expect(t).toContain('暂无聘金拨付记录。');
  });
});

describe('年度咨询建议及科研成果汇编', async () => {
  const { document } = await packDocx(buildSuggestionsCompilation(compilationInput));
  const texts = paragraphTexts(document);
  const rows = tableRows(document);

  it('states the year without zero counts in prose, and tables the counts', () => {
    expectGbPage(sections(document)[0], 'portrait');
    expect(texts[0]).toBe('2026年度广西科技顾问咨询建议及科研成果汇编');
    expect(texts[1]).toBe('2026年度，2位广西科技顾问围绕全区科技发展提出意见建议5条、取得科研成果1项。采纳落实情况统计如下，咨询建议及科研成果汇编于后。');
    expect(texts.join('\n')).not.toMatch(/0条/);
    expect(rows[0]).toEqual(['科技顾问', '意见建议', '已采纳', '部分采纳', '未采纳', '待反馈', '已落实', '科研成果']);
    expect(rows.slice(1)).toEqual([
      ['陈思远', '2', '1', '0', '0', '1', '1', '1'],
      ['林若溪', '3', '1', '1', '1', '0', '0', '0'],
      ['合计', '5', '2', '1', '1', '1', '1', '1'],
    ]);
    expect(adoptionCounts([])).toEqual({ total: 0, 已采纳: 0, 部分采纳: 0, 未采纳: 0, 待反馈: 0 });
  });

  it('has 一、咨询建议 by advisor (skipping those without any) with 采纳 and 落实, numbered in date order', () => {
    expect(texts.filter((t) => /^[一二三]、/.test(t))).toEqual(['一、咨询建议', '二、科研成果']);
    const i = texts.indexOf('（一）陈思远（中国工程院院士，华南示范理工大学）');
    expect(texts[i + 1]).toBe('1.关于加快铝基新材料中试平台建设的建议');
    expect(texts[i + 2]).toBe('提出日期：2026年5月10日；报送自治区工业和信息化厅；采纳情况：已采纳（2026年7月2日反馈）；落实情况：已落实（2026年11月30日）。');
    expect(texts[i + 3]).toBe('2.关于完善新材料首批次应用保险补偿的建议');
    expect(texts).toContain('（二）林若溪（中国科学院院士）');
    expect(texts).toContain('提出日期：2026年6月18日；尚未报送有关部门；采纳情况：未采纳，纳入下一年度研究。');
    expect(texts.some((t) => t.includes('吴清和'))).toBe(false);
  });

  it('has 二、科研成果 (seed 000 §八(二)1: 咨询建议及科研成果) from the work records with 取得成果', () => {
    const i = texts.indexOf('二、科研成果');
    expect(texts[i + 1]).toBe('（一）陈思远（中国工程院院士，华南示范理工大学）');
    expect(texts[i + 2]).toBe('1.联合申报自治区重大科技专项1项，已立项（2026年9月8日，咨询论证）。');
  });

  it('is signed under seal (§7.3.5.1: date 右空四字), after a closing line that keeps it company', () => {
    expect(texts.slice(-3)).toEqual(['以上2026年度广西科技顾问咨询建议及科研成果，报请参阅。', '自治区党委科技委员会办公室', '2026年12月25日']);
    const paras = allMatches(document, /(<w:p>[\s\S]*?<\/w:p>)/g);
    expect(attrs(paras[paras.length - 1], 'w:ind')['w:right']).toBe('1280');
    expect(paras[paras.length - 3]).toContain('<w:keepNext/>');
  });
});

describe('聘书发放登记簿', async () => {
  const { document, styles } = await packDocx(buildCertificateRegister(registerInput));
  const rows = tableRows(document);

  it('is a landscape GB table filling the 版心, in 五号', () => {
    expectGbPage(sections(document)[0], 'landscape');
    expectTablesFill(document, 225);
    expect(attrs(styleXml(styles, 'GbTableText'), 'w:sz')['w:val']).toBe('21');
  });

  it('lists certificates in order of issue and marks a reprint 补打（原号）', () => {
    expect(rows[0]).toEqual(['序号', '聘书编号', '姓名', '院士称号', '所在单位', '聘期', '发放日期', '领取人\n签字', '经办人', '备注']);
    expect(rows[1]).toEqual(['1', '桂科顾聘〔2025〕1号', '陈思远', '中国工程院院士', '华南示范理工大学', '2025年1月1日至\n2027年12月31日', '2025年1月8日', '', '', '']);
    expect(rows[2]).toEqual(['2', `桂科顾聘〔2025〕2号\n${REPRINT_MARK}`, '林若溪', '中国科学院院士', '东海示范科学研究所', '2025年1月1日至\n2027年12月31日', '2026年11月22日', '', '', '']);
    expect(REPRINT_MARK).toBe('补打（原号）');
    expect(paragraphTexts(document)).toContain('共登记聘书2份，其中补打1份（沿用原编号）。');
  });

  it('is signed on receipt: blank 领取人签字 and 经办人 columns wide enough for a name, rows tall enough to sign', () => {
    const widths = allMatches(document, /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    expect(widths[7]).toBeGreaterThanOrEqual(mmToTwip(20));
    expect(widths[8]).toBeGreaterThanOrEqual(mmToTwip(14));
    const body = allMatches(document, /(<w:tr[ >][\s\S]*?<\/w:tr>)/g)[1];
    expect(attrs(body, 'w:trHeight')).toMatchObject({ 'w:val': String(mmToTwip(12)), 'w:hRule': 'atLeast' });
  });
});
