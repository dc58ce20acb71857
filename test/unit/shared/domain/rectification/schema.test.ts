import { describe, expect, it } from 'vitest';
import { displayStatus, daysOverdue, completedLate, isOverdue } from '../../../../../shared/domain/rectification/overdue';
import {
  checkItemAgainstPlan,
  defaultRectificationThemes,
  rectificationItemDraftSchema,
  rectificationItemSchema,
  rectificationPlanSchema,
  rectificationProgressNoteSchema,
  withName,
} from '../../../../../shared/domain/rectification/schema';
import { byDivision, byPerson, dueThisMonth, namesInItems, overdue } from '../../../../../shared/domain/rectification/views';
import { tableInfo } from '../../../../../shared/sync/tables';

const stamp = '2021-05-01T00:00:00.000Z';
const base = {
  id: '11111111-1111-4111-8111-111111111111',
  createdAt: stamp,
  updatedAt: stamp,
  planId: '22222222-2222-4222-8222-222222222222',
};
// seed 003 item 1
const item = {
  ...base,
  seq: 1,
  theme: '反馈问题整改',
  content: '建议对于桂林市科技特派员加强相关政策法规、业务方面培训。',
  measures: ['组织指导桂林市举办1期科技特派员政策解读及服务管理培训班。'],
  verificationForm: '培训通知、培训签到表、培训图片',
  plannedDate: '2021-08-31',
  responsibleDivisions: ['农村处'],
  responsiblePersons: [{ leader: '唐咸来', officer: '潘红雄' }],
  status: '推进中' as const,
  startedDate: '2021-05-10',
};

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.error?.issues ?? []).map((i) => i.message);

describe('整改事项 schema', () => {
  it('accepts a seed row', () => {
    expect(rectificationItemSchema.safeParse(item).success).toBe(true);
  });

  it('does not store 逾期: it is computed', () => {
    expect(messages(rectificationItemSchema.safeParse({ ...item, status: '逾期' }))).toContain('状态应为未启动、推进中或已完成');
  });

  it('ties the completion date to 已完成 and keeps it after the start', () => {
    expect(messages(rectificationItemSchema.safeParse({ ...item, status: '已完成' }))).toContain('状态为已完成时须填写完成日期');
    expect(messages(rectificationItemSchema.safeParse({ ...item, completedDate: '2021-06-01' }))).toContain('尚未完成的事项不能有完成日期');
    expect(messages(rectificationItemSchema.safeParse({ ...item, status: '已完成', completedDate: '2021-05-09' }))).toContain(
      '完成日期不能早于开始推进日期',
    );
    expect(rectificationItemSchema.safeParse({ ...item, status: '已完成', completedDate: '2021-05-10' }).success).toBe(true);
    expect(messages(rectificationItemSchema.safeParse({ ...item, status: '未启动' }))).toContain('未启动的事项不能有开始推进日期');
  });

  it('applies the same cross-field rules to drafts (paste-in, forms)', () => {
    const { id: _i, createdAt: _c, updatedAt: _u, ...draft } = item;
    expect(rectificationItemDraftSchema.safeParse(draft).success).toBe(true);
    expect(messages(rectificationItemDraftSchema.safeParse({ ...draft, status: '已完成' }))).toContain('状态为已完成时须填写完成日期');
  });

  it('needs measures, divisions and persons, in Chinese', () => {
    const r = rectificationItemSchema.safeParse({ ...item, measures: [], responsibleDivisions: [], responsiblePersons: [{ leader: '', officer: '' }] });
    expect(messages(r)).toEqual(expect.arrayContaining(['请填写整改措施', '请填写责任处室', '责任人至少填写领导或经办人之一']));
    expect(messages(rectificationItemSchema.safeParse({ ...item, responsibleDivisions: ['农村处', '农村处'] }))).toContain('责任处室有重复');
    expect(messages(rectificationItemSchema.safeParse({ ...item, plannedDate: '2021-02-30' }))).toContain('日期不存在');
  });

  it('is readable field by field for sync', () => {
    expect(tableInfo('rectificationItems').known.has('measures')).toBe(true);
  });
});

describe('整改方案 and its lists', () => {
  const plan = { ...base, name: '2020年度自治区科技厅社会评价意见建议整改方案', year: 2020, feedbackSource: '2020年度社会评价', divisions: ['农村处'] };

  it('starts with the seed\'s five themes and can be extended', () => {
    const parsed = rectificationPlanSchema.parse(plan);
    expect(parsed.themes).toEqual([...defaultRectificationThemes]);
    expect(withName(parsed.themes, ' 其他 ')).toEqual([...defaultRectificationThemes, '其他']);
    expect(withName(parsed.themes, '定点帮扶')).toEqual([...defaultRectificationThemes]);
    expect(() => withName(parsed.themes, '  ')).toThrow('名称不能为空');
    expect(messages(rectificationPlanSchema.safeParse({ ...plan, year: 1999 }))).toContain('年度不能早于 2000 年');
  });

  it('names an item\'s 主题/处室 missing from the plan', () => {
    const parsed = rectificationPlanSchema.parse(plan);
    expect(checkItemAgainstPlan(item, parsed)).toEqual([]);
    expect(checkItemAgainstPlan({ theme: '其他', responsibleDivisions: ['农村处', '梧州市'] }, parsed)).toEqual([
      '主题“其他”不在本方案的主题列表中',
      '处室“梧州市”不在本方案的处室列表中',
    ]);
  });

  it('keeps a progress note history with a date and a status', () => {
    const note = { ...base, itemId: base.planId, date: '2021-06-01', note: '已发培训通知', status: '推进中' };
    expect(rectificationProgressNoteSchema.safeParse(note).success).toBe(true);
    expect(messages(rectificationProgressNoteSchema.safeParse({ ...note, note: ' ' }))).toContain('请填写推进情况');
  });
});

describe('逾期', () => {
  it('is on time through the planned day and overdue the day after', () => {
    expect(isOverdue(item, '2021-08-30')).toBe(false);
    expect(isOverdue(item, '2021-08-31')).toBe(false);
    expect(isOverdue(item, '2021-09-01')).toBe(true);
    expect(displayStatus(item, '2021-09-01')).toBe('逾期');
    expect(displayStatus(item, '2021-08-31')).toBe('推进中');
    expect(daysOverdue(item, '2021-09-01')).toBe(1);
    // across a year end and a leap day
    expect(daysOverdue({ ...item, plannedDate: '2023-12-31' }, '2024-03-01')).toBe(61);
  });

  it('never applies to completed items, but a late completion is noted', () => {
    const done = { ...item, status: '已完成' as const, completedDate: '2021-09-02' };
    expect(isOverdue(done, '2022-01-01')).toBe(false);
    expect(displayStatus(done, '2022-01-01')).toBe('已完成');
    expect(completedLate(done)).toBe(true);
    expect(completedLate({ ...done, completedDate: '2021-08-31' })).toBe(false);
  });
});

describe('views', () => {
  const items = [
    { ...item, id: 'a' },
    { ...item, id: 'b', plannedDate: '2021-09-30', responsibleDivisions: ['高新处', '规配处'], responsiblePersons: [{ leader: '廖文军', officer: '詹建' }] },
    { ...item, id: 'c', plannedDate: '2021-09-15', status: '已完成' as const, completedDate: '2021-09-01' },
    { ...item, id: 'd', deletedAt: stamp },
  ];
  const ids = (list: { id: string }[]) => list.map((i) => i.id);

  it('filter by division and by person (leader or officer), skipping deleted items', () => {
    expect(ids(byDivision(items, '农村处'))).toEqual(['a', 'c']);
    expect(ids(byDivision(items, '规配处'))).toEqual(['b']);
    expect(ids(byPerson(items, '詹建'))).toEqual(['b']);
    expect(ids(byPerson(items, '唐咸来'))).toEqual(['a', 'c']);
  });

  it('due this month is by calendar month; overdue by day', () => {
    expect(ids(dueThisMonth(items, '2021-09-01'))).toEqual(['b']);
    expect(ids(dueThisMonth(items, '2021-08-31'))).toEqual(['a']);
    expect(ids(overdue(items, '2021-09-01'))).toEqual(['a']);
    expect(ids(overdue(items, '2021-10-01'))).toEqual(['a', 'b']);
  });

  it('lists the names for the pickers', () => {
    expect(namesInItems(items)).toEqual({ divisions: ['农村处', '高新处', '规配处'], persons: ['唐咸来', '潘红雄', '廖文军', '詹建'] });
  });
});
