import { z } from 'zod';
import { baseRecord, isoDate, optionalText, requiredText } from '../common';

// seed 003: one row per item, same column order as the printed plan.
export const rectificationThemes = [
  '反馈问题整改',
  '热点难点工作',
  '定点帮扶',
  '本系统干部职工的意见建议',
  '有业务联系的区直部门的意见建议',
  '其他',
] as const;
export const rectificationStatuses = ['未启动', '推进中', '已完成', '逾期'] as const;

export const rectificationItemSchema = baseRecord.extend({
  seq: z.number().int().positive('序号应为正整数'),
  theme: z.enum(rectificationThemes),
  content: requiredText('整改内容', 5000),
  measures: z.array(z.string().trim().min(1)).default([]),
  verificationForms: optionalText(1000),
  plannedDate: optionalText(50),
  responsibleDivisions: z.array(z.string().trim().min(1)).default([]),
  responsiblePersons: z
    .array(z.object({ leader: z.string().trim().default(''), officer: z.string().trim().default('') }))
    .default([]),
  status: z.enum(rectificationStatuses),
  completedDate: isoDate.optional(),
  evidenceNotes: optionalText(),
});
export type RectificationItem = z.infer<typeof rectificationItemSchema>;
