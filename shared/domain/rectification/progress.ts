import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../common';
import { rectificationStatuses } from './schema';

/**
 * One 登记进展 step as the clerk enters it: the note for the history and the status the item
 * takes. Completing needs the completion date (the item schema would refuse 已完成 without one;
 * saying it here puts the message under the date field instead of in a save error).
 */
export const progressStepSchema = z
  .object({
    date: isoDate,
    status: z.enum(rectificationStatuses, { message: '请选择状态' }),
    note: requiredText('推进情况', 2000),
    author: optionalText(20),
    completedDate: isoDate.optional(),
  })
  .superRefine((step, ctx) => {
    if (step.status === '已完成' && !step.completedDate) {
      ctx.addIssue({ code: 'custom', path: ['completedDate'], message: '状态为已完成时须填写完成日期' });
    }
  });
export type ProgressStepInput = z.infer<typeof progressStepSchema>;
