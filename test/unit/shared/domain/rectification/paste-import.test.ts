import { describe, expect, it } from 'vitest';
import {
  canImport,
  describePastedRow,
  parsePastedPlan,
  pastedAdditions,
  splitDivisions,
  splitMeasures,
  splitPersons,
} from '../../../../../shared/domain/rectification/paste-import';
import { defaultRectificationThemes } from '../../../../../shared/domain/rectification/schema';
import { asExcelClipboard, asWordClipboard, seedPlanTable } from './seed-table';

const planId = '22222222-2222-4222-8222-222222222222';
const seedDivisions = ['农村处', '社发处', '办公室', '高新处', '区域处', '梧州市', '规配处', '人才处', '审批办', '基础处', '引智处'];
const context = { planId, plan: { themes: [...defaultRectificationThemes], divisions: seedDivisions, year: 2020 } };
const seed = seedPlanTable();

describe('pasting the seed plan', () => {
  for (const [shape, toText] of [
    ['Excel (quoted multi-line cells)', asExcelClipboard],
    ['Word (bare line breaks in cells)', asWordClipboard],
  ] as const) {
    it(`reads all 31 items from ${shape}, header and title included`, () => {
      const result = parsePastedPlan(`附件\r\n${seed.title}\r\n${toText(seed.rows)}`, context);
      expect(result.problem).toBeUndefined();
      expect(result.title).toBe('2020年度自治区科技厅社会评价意见建议整改方案');
      expect(result.rows.map((r) => describePastedRow(r)).filter((m) => !m.endsWith('可导入'))).toEqual([]);
      expect(canImport(result)).toBe(true);
      const drafts = result.rows.map((r) => r.draft!);
      expect(drafts.map((d) => d.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));

      // item 2: three numbered measures, the numbers stripped (the document numbers them)
      expect(drafts[1].measures).toHaveLength(3);
      expect(drafts[1].measures[0]).toBe('与公安厅沟通协调，共同抓好《科技支撑平安广西建设实施方案》的落实；');
      // item 3: divisions tied to measures keep the plan's wording
      expect(drafts[2].responsibleDivisions).toEqual(['办公室', '高新处', '区域处']);
      expect(drafts[2].divisionWording).toBe('（1）办公室；（2）高新处、区域处');
      expect(drafts[2].responsiblePersons).toEqual([{ leader: '廖文军', officer: '蔡朝亮' }]);
      // item 5: two divisions in one cell
      expect(drafts[4].responsibleDivisions).toEqual(['农村处', '梧州市']);
      expect(drafts[4].divisionWording).toBeUndefined();
      expect(drafts[0]).toMatchObject({ theme: '反馈问题整改', plannedDate: '2021-08-31', status: '未启动', planId });
      // item 26: "（1）规配处、审批办，（2）基础处"
      expect(drafts[25].responsibleDivisions).toEqual(['规配处', '审批办', '基础处']);
      expect(drafts.filter((d) => d.theme === '本系统干部职工')).toHaveLength(8);
    });
  }

  it('reads the rows without a header in the seed\'s column order', () => {
    const result = parsePastedPlan(asExcelClipboard(seed.rows.slice(1, 4)), context);
    expect(result.rows.map((r) => r.draft?.seq)).toEqual([1, 2, 3]);
  });

  it('offers unknown 主题 and 处室 as additions instead of failing', () => {
    const result = parsePastedPlan(asExcelClipboard(seed.rows), { ...context, plan: { ...context.plan, themes: ['反馈问题整改'], divisions: ['农村处'] } });
    expect(canImport(result)).toBe(true);
    expect(pastedAdditions(result.rows).themes).toEqual(['热点难点工作', '定点帮扶', '本系统干部职工', '有业务联系的区直部门的意见建议']);
    expect(pastedAdditions(result.rows).divisions).toContain('梧州市');
    expect(describePastedRow(result.rows[4])).toBe('第 6 行：处室“梧州市”不在列表中，可添加');
  });
});

describe('bad pastes', () => {
  it('refuses text that is not a table', () => {
    expect(parsePastedPlan('', context).problem).toBe('粘贴的内容为空');
    expect(parsePastedPlan('建议加大科普宣传力度。\n另一段文字', context).problem).toMatch(/^粘贴的内容不是表格/);
    expect(canImport(parsePastedPlan('随便一段话', context))).toBe(false);
  });

  it('names rows with too few columns, bad 序号 and dates, one message per row', () => {
    const text = [
      '1\t反馈问题整改\t内容甲\t措施甲\t通知\t2021年13月5日\t农村处\t唐咸来/潘红雄',
      '2\t反馈问题整改\t内容乙\t措施乙',
      '3\t反馈问题整改\t内容丙\t措施丙\t通知\t下个月\t农村处\t唐咸来/潘红雄',
      '3\t反馈问题整改\t内容丁\t措施丁\t通知\t2021.3.5\t农村处\t唐咸来/潘红雄',
      '五\t反馈问题整改\t内容戊\t\t通知\t2021.3.5\t\t唐咸来/潘红雄',
    ].join('\n');
    const result = parsePastedPlan(text, context);
    expect(result.rows.map(describePastedRow)).toEqual([
      '第 1 行：计划完成时间：日期“2021年13月5日”不存在',
      '第 2 行：只有 4 列，整改方案每行应有 8 列（序号、主题、整改内容、整改措施、整改检验形式、计划完成时间、责任处室、责任人）',
      '第 3 行：计划完成时间：“下个月”不是可识别的日期',
      '第 4 行：序号 3 与第 3 行重复',
      '第 5 行：序号“五”应为正整数；请填写整改措施；请填写责任处室',
    ]);
    expect(canImport(result)).toBe(false);
    expect(result.rows.every((r) => r.draft === undefined)).toBe(true);
  });

  it('refuses in the preview a 序号 the plan already holds, naming the row', () => {
    const result = parsePastedPlan(asExcelClipboard(seed.rows.slice(1, 4)), { ...context, usedSeqs: [2] });
    expect(canImport(result)).toBe(false);
    expect(result.rows.map((r) => describePastedRow(r))).toEqual(['第 1 行：可导入', expect.stringContaining('序号 2 已被本方案的另一项使用'), '第 3 行：可导入']);
  });

  it('reports a header missing a column', () => {
    expect(parsePastedPlan('序号\t主题\t整改内容\n1\t反馈问题整改\t内容', context).problem).toBe(
      '表头缺少“整改措施”“整改检验形式”“计划完成时间”“责任处室”“责任人”列',
    );
  });

  it('takes columns by header name when the order differs', () => {
    const text = '主题\t序号\t整改内容\t整改措施\t整改检验形式\t计划完成时间\t责任处室\t责任人\n定点帮扶\t7\t内容\t措施\t照片\t2021年10月底\t农村处\t唐咸来/潘红雄';
    const [row] = parsePastedPlan(text, context).rows;
    expect(row.draft).toMatchObject({ seq: 7, theme: '定点帮扶', plannedDate: '2021-10-31' });
  });
});

describe('cell splitting', () => {
  it('numbered measures in their usual markers; continuation lines join', () => {
    expect(splitMeasures('1、甲\n2、乙\n续写')).toEqual(['甲', '乙续写']);
    expect(splitMeasures('（1）甲\n（2）乙')).toEqual(['甲', '乙']);
    expect(splitMeasures('①甲\n②乙')).toEqual(['甲', '乙']);
    expect(splitMeasures('只有一条措施')).toEqual(['只有一条措施']);
  });

  it('divisions and person pairs', () => {
    expect(splitDivisions('规配处、农村处')).toEqual({ divisions: ['规配处', '农村处'], wording: undefined });
    expect(splitDivisions('农村处\n区域处')).toEqual({ divisions: ['农村处', '区域处'], wording: undefined });
    expect(splitPersons('唐咸来/潘红雄、廖文军／詹建')).toEqual([
      { leader: '唐咸来', officer: '潘红雄' },
      { leader: '廖文军', officer: '詹建' },
    ]);
    expect(splitPersons('唐咸来/潘红雄\n蹇兴超/陈丹')).toHaveLength(2);
    expect(splitPersons('唐咸来')).toEqual([{ leader: '唐咸来', officer: '' }]);
  });
});
