import { z } from 'zod';
import { baseRecord, isoDate, optionalText, recordId, requiredText } from '../common';

/**
 * seed 003: the five 主题 the 2020 plan used. A plan starts with these and the office may add
 * its own (the list lives on the plan, so a new 主题 travels with it when machines sync).
 */
export const defaultRectificationThemes = [
  '反馈问题整改',
  '热点难点工作',
  '定点帮扶',
  '本系统干部职工',
  '有业务联系的区直部门的意见建议',
] as const;

/** Stored progress. 逾期 is not stored: it follows from the date (see overdue.ts). */
export const rectificationStatuses = ['未启动', '推进中', '已完成'] as const;
export type RectificationStatus = (typeof rectificationStatuses)[number];

const nameList = (label: string) =>
  z
    .array(z.string().trim().min(1, `${label}不能为空`).max(50, `${label}不能超过 50 个字`))
    .refine((list) => new Set(list).size === list.length, `${label}有重复`);

/** A named plan answering one round of feedback (e.g. 2020年度社会评价意见建议). */
export const rectificationPlanSchema = baseRecord.extend({
  name: requiredText('方案名称', 200),
  year: z.number({ message: '年度应为数字' }).int('年度应为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年'),
  feedbackSource: requiredText('意见来源', 200),
  themes: nameList('主题').min(1, '至少需要一个主题').default([...defaultRectificationThemes]),
  divisions: nameList('处室').default([]),
});
export type RectificationPlan = z.infer<typeof rectificationPlanSchema>;

/** 责任人 as the seed writes it: 分管领导/经办人 (唐咸来/潘红雄). */
export const responsiblePersonSchema = z
  .object({
    leader: z.string().trim().max(20, '领导姓名不能超过 20 个字').default(''),
    officer: z.string().trim().max(20, '经办人姓名不能超过 20 个字').default(''),
  })
  .refine((p) => p.leader !== '' || p.officer !== '', '责任人至少填写领导或经办人之一');
export type ResponsiblePerson = z.infer<typeof responsiblePersonSchema>;

/** The item's fields without the cross-field rules (for .pick() in document inputs). */
export const rectificationItemShape = baseRecord.extend({
  planId: recordId,
  seq: z.number({ message: '序号应为数字' }).int('序号应为正整数').positive('序号应为正整数'),
  theme: requiredText('主题', 50),
  content: requiredText('整改内容', 5000),
  /** 整改措施, one entry per numbered measure, without its "1." (the document numbers them). */
  measures: z.array(z.string().trim().min(1, '整改措施不能为空').max(2000, '每条整改措施不能超过 2000 个字')).min(1, '请填写整改措施'),
  /** 整改检验形式: the evidence the office expects (培训通知、签到表、照片…). */
  verificationForm: requiredText('整改检验形式', 1000),
  plannedDate: isoDate,
  responsibleDivisions: nameList('责任处室').min(1, '请填写责任处室'),
  /**
   * The plan's own wording when it ties divisions to measures, e.g. "（1）办公室；（2）高新处、区域处"
   * (seed item 3); printed instead of the plain list so the document reads as written.
   */
  divisionWording: optionalText(300),
  responsiblePersons: z.array(responsiblePersonSchema).min(1, '请填写责任人'),
  status: z.enum(rectificationStatuses, { message: '状态应为未启动、推进中或已完成' }),
  startedDate: isoDate.optional(),
  completedDate: isoDate.optional(),
  /** 实际佐证材料: what was handed in, compared with verificationForm in the report. */
  evidenceNotes: optionalText(2000),
});

/** Cross-field rules: one place, so forms, paste-in, import and sync all refuse the same. */
function checkProgressDates(
  item: { status: RectificationStatus; startedDate?: string; completedDate?: string },
  ctx: z.core.$RefinementCtx,
): void {
  if (item.status === '已完成' && !item.completedDate) {
    ctx.addIssue({ code: 'custom', path: ['completedDate'], message: '状态为已完成时须填写完成日期' });
  }
  if (item.status !== '已完成' && item.completedDate) {
    ctx.addIssue({ code: 'custom', path: ['completedDate'], message: '尚未完成的事项不能有完成日期' });
  }
  if (item.status === '未启动' && item.startedDate) {
    ctx.addIssue({ code: 'custom', path: ['startedDate'], message: '未启动的事项不能有开始推进日期' });
  }
  // ISO dates compare correctly as strings.
  if (item.startedDate && item.completedDate && item.completedDate < item.startedDate) {
    ctx.addIssue({ code: 'custom', path: ['completedDate'], message: '完成日期不能早于开始推进日期' });
  }
}

export const rectificationItemSchema = rectificationItemShape.superRefine(checkProgressDates);
export type RectificationItem = z.infer<typeof rectificationItemSchema>;
/** The fields a user (or the paste-in) supplies; the repository adds id and timestamps. */
export const rectificationItemDraftSchema = rectificationItemShape
  .omit({ id: true, createdAt: true, updatedAt: true, deletedAt: true })
  .superRefine(checkProgressDates);
export type RectificationItemDraft = z.infer<typeof rectificationItemDraftSchema>;

/** One entry of an item's progress history (推进情况记录), never edited away. */
export const rectificationProgressNoteSchema = baseRecord.extend({
  itemId: recordId,
  date: isoDate,
  note: requiredText('推进情况', 2000),
  /** The status the item had after this note, so the history reads as a timeline. */
  status: z.enum(rectificationStatuses, { message: '状态应为未启动、推进中或已完成' }),
  author: optionalText(20),
});
export type RectificationProgressNote = z.infer<typeof rectificationProgressNoteSchema>;

/**
 * A new 主题 or 处室 joins the plan's list (trimmed, no duplicates); returns the same array when
 * the name is already there so callers can tell nothing changed.
 */
export function withName(list: readonly string[], name: string): string[] {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('名称不能为空');
  return list.includes(trimmed) ? [...list] : [...list, trimmed];
}

/** Problems of an item against its plan's lists (the schema cannot see the plan). */
export function checkItemAgainstPlan(item: Pick<RectificationItem, 'theme' | 'responsibleDivisions'>, plan: Pick<RectificationPlan, 'themes' | 'divisions'>): string[] {
  const problems: string[] = [];
  if (!plan.themes.includes(item.theme)) problems.push(`主题“${item.theme}”不在本方案的主题列表中`);
  for (const division of item.responsibleDivisions) {
    if (!plan.divisions.includes(division)) problems.push(`处室“${division}”不在本方案的处室列表中`);
  }
  return problems;
}
