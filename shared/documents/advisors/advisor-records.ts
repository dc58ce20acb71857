import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { advisorDuties, advisorPlanKinds, advisorWorkForms, evaluationResults, suggestionFeedbackStatuses } from '../../domain/advisors/schema';

/**
 * The advisor ledger's records as the documents take them: the same fields as the ledger
 * (shared/domain/advisors), without ids and timestamps, so the UI maps records 1:1.
 */

export const advisorProfileSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名'),
  honorific: z.string().trim().min(1, '请填写院士称号'),
  homeInstitution: z.string().trim().min(1, '请填写所在单位'),
  field: z.string().trim().optional(),
  serviceUnit: z.string().trim().optional(),
  serviceUnitLiaison: z.string().trim().optional(),
  serviceUnitLiaisonPhone: z.string().trim().optional(),
  competentDepartment: z.string().trim().optional(),
  termStart: isoDate.optional(),
  termEnd: isoDate.optional(),
  certificateNumber: z.string().trim().optional(),
});
export type AdvisorProfile = z.infer<typeof advisorProfileSchema>;

export const advisorActivityRecordSchema = z.object({
  date: isoDate,
  form: z.enum(advisorWorkForms),
  duties: z.array(z.enum(advisorDuties)).default([]),
  content: z.string().trim().min(1, '请填写工作内容'),
  location: z.string().trim().optional(),
});
export type AdvisorActivityRecord = z.input<typeof advisorActivityRecordSchema>;

export const advisorSuggestionRecordSchema = z.object({
  date: isoDate,
  title: z.string().trim().min(1, '请填写建议标题'),
  content: z.string().trim().optional(),
  sentTo: z.string().trim().optional(),
  sentDate: isoDate.optional(),
  feedbackStatus: z.enum(suggestionFeedbackStatuses),
  feedbackDate: isoDate.optional(),
  feedbackNote: z.string().trim().optional(),
});
export type AdvisorSuggestionRecord = z.infer<typeof advisorSuggestionRecordSchema>;

export const advisorStipendRecordSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** 聘金 in yuan (seed 000 §六: 30万元/人/年，税后). */
  amount: z.number().finite().nonnegative(),
  paidVia: z.string().trim().optional(),
  paidDate: isoDate.optional(),
  voucherNumber: z.string().trim().optional(),
  filedDate: isoDate.optional(),
});
export type AdvisorStipendRecord = z.infer<typeof advisorStipendRecordSchema>;

/** seed 000 §七.(三).3: 3年工作方案和每年工作计划、年度目标任务、成果受益分配方案, 报备案. */
export const advisorPlanRecordSchema = z.object({
  kind: z.enum(advisorPlanKinds),
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1, '请填写方案名称'),
  targets: z.string().trim().optional(),
  benefitSharingPlan: z.string().trim().optional(),
  filedWithDepartmentDate: isoDate.optional(),
  filedWithOfficeDate: isoDate.optional(),
});
export type AdvisorPlanRecord = z.infer<typeof advisorPlanRecordSchema>;

/** seed 000 §八.(一) and §七.(一).5: reports received from the 服务单位, the office's evaluation. */
export const advisorEvaluationRecordSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  annualWorkReportReceivedDate: isoDate.optional(),
  annualSummaryReceivedDate: isoDate.optional(),
  termReportReceivedDate: isoDate.optional(),
  selfAssessmentReceivedDate: isoDate.optional(),
  evaluationDate: isoDate.optional(),
  result: z.enum(evaluationResults).optional(),
  notes: z.string().trim().optional(),
});
export type AdvisorEvaluationRecord = z.infer<typeof advisorEvaluationRecordSchema>;
