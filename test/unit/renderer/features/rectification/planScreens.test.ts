import { describe, expect, it } from 'vitest';
import { buildCompletionReport } from '../../../../../shared/documents/rectification/completion-report';
import { buildRectificationPlan } from '../../../../../shared/documents/rectification/rectification-plan';
import type { RectificationItem, RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { completionReportInput, rectificationPlanInput } from '../../../../../renderer/src/features/rectification/documentInputs';
import { namesToAdd } from '../../../../../renderer/src/features/rectification/items/ItemFormModal';
import { toPlanRow } from '../../../../../renderer/src/features/rectification/plans/planRow';

const stamp = { createdAt: '2021-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z', deletedAt: null };
const plan: RectificationPlan = {
  ...stamp,
  id: '11111111-1111-4111-8111-111111111111',
  name: '2020年度自治区科技厅社会评价意见建议整改方案',
  year: 2020,
  feedbackSource: '2020年度社会评价',
  themes: ['反馈问题整改'],
  divisions: ['农村处'],
};
const item = (seq: number, extra: Partial<RectificationItem>): RectificationItem => ({
  ...stamp,
  id: `22222222-2222-4222-8222-22222222222${seq}`,
  planId: plan.id,
  seq,
  theme: '反馈问题整改',
  content: `整改内容${seq}`,
  measures: ['措施一', '措施二'],
  verificationForm: '培训通知、培训签到表',
  plannedDate: '2021-08-31',
  responsibleDivisions: ['农村处'],
  responsiblePersons: [{ leader: '唐咸来', officer: '潘红雄' }],
  status: '未启动',
  ...extra,
});
const items = [
  item(1, { status: '已完成', startedDate: '2021-05-01', completedDate: '2021-08-20', evidenceNotes: '培训通知' }),
  item(2, { status: '推进中', startedDate: '2021-05-01' }),
  item(3, { plannedDate: '2021-12-31' }),
];

describe('整改台账 screens', () => {
  it('counts a plan\'s items by status, 逾期 as of the day', () => {
    expect(toPlanRow(plan, items, '2021-09-01')).toMatchObject({ total: 3, completed: 1, inProgress: 1, notStarted: 1, overdue: 1 });
    expect(toPlanRow(plan, items, '2021-08-31').overdue).toBe(0);
  });

  it('adds from the item form only the names the plan lacks', () => {
    expect(namesToAdd(plan, { theme: '巡视整改', responsibleDivisions: ['农村处', '梧州市'] })).toEqual({ themes: ['巡视整改'], divisions: ['梧州市'] });
    expect(namesToAdd(plan, { theme: '反馈问题整改', responsibleDivisions: ['农村处'] })).toEqual({ themes: [], divisions: [] });
  });

  it('builds both documents from the stored items, and refuses a plan without items in Chinese', () => {
    expect(() => buildRectificationPlan(rectificationPlanInput(plan, items, '附件'))).not.toThrow();
    const report = completionReportInput(plan, items, '2021-09-01', '广西壮族自治区科学技术厅');
    expect(report.items[0]).toMatchObject({ status: '已完成', completedDate: '2021-08-20', evidenceNotes: '培训通知' });
    expect(() => buildCompletionReport(report)).not.toThrow();
    expect(() => rectificationPlanInput(plan, [], '附件')).toThrow('本方案还没有整改事项');
  });
});
