import { z } from 'zod';
import { baseRecord, isoDate, money, optionalText, recordId, requiredText } from '../common';

// seed 002 (厅市会商): a round per city and year, topics by domain, quarterly progress.
export const consultationRoundSchema = baseRecord.extend({
  city: requiredText('设区市', 20),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['重点会商', '一般会商']),
  status: z.enum(['申报', '筹备', '已签署', '实施中', '已完成']),
  meetingDate: isoDate.optional(),
  protocolNumber: optionalText(60),
  fundingCap: money.optional(),
  /** A round inside the three-year interval needs a 重大/特殊/紧急 reason (seed 002). */
  urgentReason: optionalText(500),
  notes: optionalText(),
});
export type ConsultationRound = z.infer<typeof consultationRoundSchema>;

export const consultationTopicSchema = baseRecord.extend({
  roundId: recordId,
  domain: requiredText('领域', 50),
  title: requiredText('议题', 200),
  content: optionalText(5000),
  responsibleDivision: optionalText(100),
  status: z.enum(['未启动', '推进中', '已完成']),
});
export type ConsultationTopic = z.infer<typeof consultationTopicSchema>;

export const consultationProgressSchema = baseRecord.extend({
  roundId: recordId,
  topicId: recordId.nullable().optional(),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  progress: requiredText('推进情况', 5000),
  reportedDate: isoDate.optional(),
});
export type ConsultationProgress = z.infer<typeof consultationProgressSchema>;
