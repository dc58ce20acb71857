import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../../../../../shared/documents/consultations/annual-report';
import { agendaSteps, buildMeetingAgenda } from '../../../../../shared/documents/consultations/meeting-agenda';
import { buildMeetingMinutes } from '../../../../../shared/documents/consultations/meeting-minutes';
import { buildProgressLedger } from '../../../../../shared/documents/consultations/progress-ledger';
import { buildProtocol, protocolFileName } from '../../../../../shared/documents/consultations/protocol';
import { defaultProtocolWording } from '../../../../../shared/domain/consultations/protocolWording';
import { toRmbUppercase } from '../../../../../shared/format';
import { pageLayout } from '../../../../../shared/documents/style-kit/page';
import { agendaInput, annualReportInput, minutesInput, progressLedgerInput, protocolInput } from '../../../../fixtures/documents/consultations/inputs';
import { allMatches, attrs, packDocx, paragraphTexts, tableRows } from '../docx-xml';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('议定书', async () => {
  const { document } = await packDocx(buildProtocol(protocolInput));
  const texts = paragraphTexts(document);
  const all = texts.join('');

  it('is a GB/T 9704 page titled with both parties, then the number and the preamble', () => {
    const sect = allMatches(document, /<w:sectPr[\s\S]*?<\/w:sectPr>/g)[0];
    expect(attrs(sect, 'w:pgMar')).toMatchObject({ 'w:top': String(twips(37)), 'w:left': String(twips(28)), 'w:right': String(twips(26)) });
    expect(texts[0]).toBe('广西壮族自治区科学技术厅防城港市人民政府厅市会商议定书');
    expect(texts[1]).toBe('厅市会商〔2027〕3号');
    expect(texts[2]).toContain('广西壮族自治区科学技术厅与防城港市人民政府本着目标对接');
    expect(texts[2]).toContain('确定防城港为2027年一般会商市');
  });

  it('numbers the sections and the topics in seq order, with the duties from the topics', () => {
    expect(texts.filter((t) => /^[一二三四五六七八九十]+、/.test(t))).toEqual(['一、会商目标', '二、会商议题', '三、双方职责', '四、资金支持', '五、组织实施', '六、附则']);
    expect(texts).toContain('推动向海经济和边境贸易领域科技创新，打造面向东盟的开放合作平台。');
    expect(texts).toContain('双方围绕防城港经济社会发展的重大科技需求，共同确定以下二项会商议题：');
    expect(texts.filter((t) => /^（[一二]）/.test(t)).slice(0, 2)).toEqual(['（一）钢铁产业绿色低碳技术攻关', '（二）建设中国—东盟海洋科技合作中心']);
    expect(texts).toContain('（一）广西壮族自治区科学技术厅职责');
    expect(texts).toContain('1. 议题一：设立绿色低碳联合攻关专项。（责任单位：高新技术处）');
    expect(texts).toContain('2. 议题二：将合作中心纳入中国—东盟科技合作体系。（责任单位：国际合作处）');
    expect(texts).toContain('（二）防城港市人民政府职责');
    expect(texts).toContain('1. 议题一：组织企业出资参与攻关。');
  });

  it('states the funds in figures and a 大写 that matches the figure, and the dates from the profile', () => {
    expect(all).toContain('共计人民币10,000,000.00元（大写：壹仟万元整）');
    expect(toRmbUppercase(3_456_789.12 + 6_543_210.88)).toBe('壹仟万元整');
    expect(all).toContain('每年12月25日前报送会商任务落实年度工作情况');
    expect(all).toContain('有效期三年');
    expect(all).toContain('一式两份');
    expect(all).not.toMatch(/[{}]/);
  });

  it('ends with two signature-and-seal blocks side by side in a borderless fixed table', () => {
    const tables = allMatches(document, /<w:tbl>[\s\S]*?<\/w:tbl>/g);
    expect(tables).toHaveLength(1);
    const grid = allMatches(tables[0], /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    expect(grid).toHaveLength(2);
    expect(grid[0] + grid[1]).toBe(pageLayout('portrait').textWidthTwips);
    expect(tables[0]).toContain('w:type="fixed"');
    // Line for line facing each other: party, 盖章, room for the signature, the date.
    expect(tableRows(tables[0])).toEqual([['广西壮族自治区科学技术厅\n（盖章）\n\n厅长（签字）：\n\n2027年5月18日', '防城港市人民政府\n（盖章）\n\n主要领导（签字）：\n\n2027年5月18日']]);
    expect(texts.at(-13)).toBe('（以下无正文）');
    expect(protocolFileName(protocolInput)).toBe('2027年防城港厅市会商议定书.docx');
  });

  it('uses edited wording from 设置 and refuses funds over the cap', async () => {
    const wording = { ...defaultProtocolWording, closing: { heading: '其他', text: '本议定书有效期{有效年限}年，一式四份。' } };
    const edited = paragraphTexts((await packDocx(buildProtocol({ ...protocolInput, wording }))).document);
    expect(edited).toContain('六、其他');
    expect(edited).toContain('本议定书有效期三年，一式四份。');
    expect(() => buildProtocol({ ...protocolInput, fundingCap: 9_999_999.99 })).toThrow('超过一般会商市上限 9,999,999.99 元');
    expect(() => buildProtocol({ ...protocolInput, signedDate: undefined })).not.toThrow();
  });
});

describe('会商会议议程 and 会商纪要', async () => {
  it('the agenda lists the five steps of 第十七条 with the people named', async () => {
    const texts = paragraphTexts((await packDocx(buildMeetingAgenda(agendaInput))).document);
    expect(texts.slice(1, 4)).toEqual(['时间：2027年5月18日 09:30', '地点：防城港市人民政府第一会议室', '主持：陆海宁']);
    expect(texts.filter((t) => /^\d\. /.test(t))).toEqual([
      '1. 防城港市人民政府领导陆海宁报告上次会商落实情况及本次会商议题的有关考虑；',
      '2. 针对会商议题进行讨论；',
      '3. 广西壮族自治区科学技术厅分管领导覃思远宣读议定书；',
      '4. 广西壮族自治区科学技术厅厅长韦振华与防城港市人民政府主要领导黄港生签署议定书；',
      '5. 广西壮族自治区科学技术厅党组书记或厅长、防城港市委或市人民政府主要领导讲话。',
    ]);
    expect(agendaSteps({ ...agendaInput, cityReporter: undefined })[0]).toBe('防城港市人民政府领导报告上次会商落实情况及本次会商议题的有关考虑；');
  });

  it('the minutes number the agreed matters (dropping the clerk\'s own numbers) and are signed by the issuing office', async () => {
    const texts = paragraphTexts((await packDocx(buildMeetingMinutes(minutesInput))).document);
    expect(texts).toContain('（一）共建海洋科技合作中心。');
    expect(texts).toContain('（二）联合开展绿色低碳技术攻关。');
    expect(texts).toContain('三、出席人员');
    expect(texts.slice(-2)).toEqual(['发展规划与资源配置处', '2027年5月18日']);
  });
});

describe('推进情况台账 and 年度落实情况报告', async () => {
  it('the ledger is landscape, one row per topic, an unreported topic marked 未报送', async () => {
    const { document } = await packDocx(buildProgressLedger(progressLedgerInput));
    expect(attrs(document, 'w:pgSz')).toMatchObject({ 'w:orient': 'landscape' });
    const texts = paragraphTexts(document);
    expect(texts[0]).toBe('防城港市厅市会商工作推进情况台账（2027年第四季度）');
    expect(texts[1]).toBe('2027年一般会商议定书共2项议题，本季度已报送1项，未报送1项。');
    const rows = tableRows(document);
    expect(rows[0]).toEqual(['序号', '会商议题', '领域', '推进情况', '存在问题', '下一步工作', '责任人', '报送日期']);
    expect(rows[1]).toEqual(['一', '钢铁产业绿色低碳技术攻关', '重大科技研发攻关', '立项攻关项目 3 项。', '配套资金到位慢。', '督促资金到位。', '莫晓燕', '2028年1月12日']);
    expect(rows[2][3]).toBe('未报送');
    const grid = allMatches(document, /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(twips(297 - 35 - 37));
  });

  it('the annual report states counts and funds (大写 matching), quarters in order, sealed by the city', async () => {
    const texts = paragraphTexts((await packDocx(buildAnnualReport(annualReportInput))).document);
    expect(texts[0]).toBe('防城港市人民政府关于2027年度厅市会商任务落实情况的报告');
    expect(texts[1]).toBe('广西壮族自治区科学技术厅：');
    expect(texts).toContain('2027年一般会商议定书确定会商议题2项，截至2027年12月20日，已完成0项，推进中1项，未启动1项。议定项目资金人民币10,000,000.00元（大写：壹仟万元整）。');
    const i = texts.indexOf('（一）钢铁产业绿色低碳技术攻关（推进中）');
    expect(texts.slice(i + 1, i + 3)).toEqual(['第二季度：成立工作专班。', '第三季度：发布需求清单。']);
    expect(texts).toContain('本年度未报送推进情况。');
    expect(texts.slice(-3)).toEqual(['特此报告。', '防城港市人民政府', '2027年12月20日']);
  });
});
