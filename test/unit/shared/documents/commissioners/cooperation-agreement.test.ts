import { describe, expect, it } from 'vitest';
import { fillClauseText } from '../../../../../shared/documents/commissioners/agreement-clauses';
import { defaultAgreementWording } from '../../../../../shared/domain/commissioners/agreementWording';
import { buildCooperationAgreement, cooperationAgreementFileName } from '../../../../../shared/documents/commissioners/cooperation-agreement';
import { cityAgreement, provincialAgreement, teamAgreement } from '../../../../fixtures/documents/commissioners/inputs';
import { allMatches, attrs, packDocx, paragraphTexts } from '../docx-xml';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('合作协议书 (provincial, one commissioner)', async () => {
  const { document } = await packDocx(buildCooperationAgreement(provincialAgreement));
  const texts = paragraphTexts(document);

  it('is a GB/T 9704 portrait page with the title first', () => {
    const sect = allMatches(document, /<w:sectPr[\s\S]*?<\/w:sectPr>/g)[0];
    expect(attrs(sect, 'w:pgMar')).toMatchObject({ 'w:top': String(twips(37)), 'w:bottom': String(twips(35)), 'w:left': String(twips(28)), 'w:right': String(twips(26)) });
    expect(texts[0]).toBe('企业科技特派员合作协议书');
    expect(texts[1]).toBe('协议编号：桂科特协〔2027〕128号');
  });

  it('names the three parties with credit code, legal representative and ID number', () => {
    expect(texts).toEqual(expect.arrayContaining([
      '甲方（派驻企业）：南宁示范食品科技有限公司',
      '统一社会信用代码：91450100MA5K123456',
      '法定代表人：罗建新',
      '乙方（科技特派员）：蓝海波（副高级）',
      '身份证号：450103198503120026',
      '丙方（派出单位）：广西示范大学',
    ]));
  });

  it('numbers the clauses 一、… and fills period, minimums and subsidy in figures and 大写', () => {
    const headings = texts.filter((t) => /^[一二三四五六七八九十]+、/.test(t));
    expect(headings).toEqual([
      '一、服务内容', '二、服务期限', '三、服务要求', '四、甲方的权利和义务', '五、乙方的权利和义务', '六、丙方的权利和义务', '七、工作补助',
      '八、知识产权和成果权属', '九、保密', '十、考核', '十一、变更与终止', '十二、争议解决', '十三、其他',
    ]);
    expect(texts).toContain('（一）政策宣传与反馈。');
    expect(texts).toContain('自2027年12月31日起至2029年12月30日止，共2年。');
    expect(texts).toContain('期满后根据甲方实际需求，按程序继续选派。');
    expect(texts.join('')).toContain('每年到甲方开展现场服务不少于5次，累计服务天数不少于30天');
    expect(texts.join('')).toContain('每年人民币10,000.00元（大写：壹万元整）标准给予补助，');
    expect(texts.join('')).toContain('优秀等次比例不超过20%');
    expect(texts.join('')).toContain('（四）不接受管理，长期不参加科技特派员相关活动');
    expect(texts.join('')).toContain('本协议书一式三份');
    expect(texts.join('')).not.toMatch(/\{|\}/);
  });

  it('ends with three signature-and-seal blocks dated with the signing date', () => {
    const tail = texts.slice(texts.indexOf('（以下无正文）') + 1);
    expect(tail).toEqual([
      '甲方（盖章）：南宁示范食品科技有限公司', '法定代表人或授权代表（签字）：', '日期：2027年12月28日',
      '乙方（签字）：', '日期：2027年12月28日',
      '丙方（盖章）：广西示范大学', '负责人（签字）：', '日期：2027年12月28日',
    ]);
    // The blocks keep together: every signature line but the last keeps with the next.
    const paras = allMatches(document, /(<w:p>[\s\S]*?<\/w:p>)/g).slice(-8);
    expect(paras.map((p) => p.includes('<w:keepNext/>'))).toEqual([true, true, true, true, true, true, true, false]);
    expect(cooperationAgreementFileName(provincialAgreement)).toBe('企业科技特派员合作协议书-南宁示范食品科技有限公司-蓝海波.docx');
  });
});

describe('合作协议书 variants', () => {
  it('a team: members listed with the leader, subsidy counted as one, team signs', async () => {
    const texts = paragraphTexts((await packDocx(buildCooperationAgreement(teamAgreement))).document);
    expect(texts).toEqual(expect.arrayContaining(['乙方（科技特派团）：智能装备科技特派团', '团长：覃雨桐（广西示范科学院，正高级）', '成员：梁子豪（广西示范科学院，副高级）']));
    expect(texts.join('')).toContain('标准给予补助（科技特派团按1人计）');
    expect(texts).toContain('团长及成员（签字）：');
  });

  it('city: own title, renewal, quarterly reports, graded rewards in 大写, blank date lines to fill in', async () => {
    const texts = paragraphTexts((await packDocx(buildCooperationAgreement(cityAgreement))).document);
    expect(texts[0]).toBe('科技特派员服务合作协议书');
    expect(texts).toContain('期满后视服务情况，经三方协商一致可以续签。');
    expect(texts.join('')).toContain('乙方按季度向甲方所在县（区）、高新区科技管理部门报送工作进展。');
    expect(texts.join('')).toContain('年度考核优秀的奖励人民币5,000.00元（大写：伍仟元整），合格的奖励人民币2,000.50元（大写：贰仟元零伍角）');
    expect(texts.join('')).toContain('签订后报市科学技术局备案');
    expect(texts.filter((t) => t === '日期：　　　　年　　月　　日')).toHaveLength(3);
  });

  it('refuses an agreement with both a person and a team, or an end before the start', () => {
    expect(() => buildCooperationAgreement({ ...teamAgreement, commissioner: provincialAgreement.commissioner })).toThrow('乙方应为一名科技特派员或一个科技特派团（二选一）');
    expect(() => buildCooperationAgreement({ ...provincialAgreement, endDate: provincialAgreement.startDate })).toThrow('服务期结束日期应晚于开始日期');
  });

  it('takes edited clauses from 设置 and refuses an unknown placeholder', async () => {
    const clauses = [{ heading: '服务期限', text: '{甲方}与{乙方}约定：{服务期限}。\n\n第二段。' }];
    const texts = paragraphTexts((await packDocx(buildCooperationAgreement({ ...provincialAgreement, clauses }))).document);
    expect(texts).toContain('南宁示范食品科技有限公司与蓝海波约定：自2027年12月31日起至2029年12月30日止。');
    expect(texts).toContain('一、服务期限');
    expect(texts).toContain('第二段。');
    expect(texts).not.toContain('二、服务内容');
    expect(() => buildCooperationAgreement({ ...provincialAgreement, clauses: [{ heading: '其他', text: '{甲放}' }] })).toThrow('含有未知占位符：{甲放}');
    // Stored wording that bypassed the form (an old bundle) still cannot print a typo.
    expect(() => fillClauseText('{甲放}', {} as never)).toThrow('协议条款含有未知占位符“{甲放}”');
    expect(() => fillClauseText(defaultAgreementWording.provincial[0].text, {} as never)).not.toThrow();
  });
});
