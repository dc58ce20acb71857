import type { z } from 'zod';
import {
  advisorActivitySchema,
  advisorEvaluationSchema,
  advisorFields,
  advisorPlanFields,
  advisorStipendFields,
  advisorSuggestionFields,
} from '../../domain/advisors/schema';

/**
 * The advisor ledger's records as the documents take them: picked from the ledger's own schemas
 * (shared/domain/advisors — the one definition), without ids and timestamps, so the UI maps
 * records 1:1 and a field renamed in the ledger is a compile error here.
 */

export const advisorProfileSchema = advisorFields.pick({
  name: true,
  honorific: true,
  homeInstitution: true,
  field: true,
  serviceUnit: true,
  serviceUnitLiaison: true,
  serviceUnitLiaisonPhone: true,
  competentDepartment: true,
  termStart: true,
  termEnd: true,
  certificateNumber: true,
});
export type AdvisorProfile = z.infer<typeof advisorProfileSchema>;

export const advisorActivityRecordSchema = advisorActivitySchema.pick({ date: true, form: true, duties: true, content: true, location: true, outcome: true });
export type AdvisorActivityRecord = z.input<typeof advisorActivityRecordSchema>;

export const advisorSuggestionRecordSchema = advisorSuggestionFields.pick({
  date: true,
  title: true,
  content: true,
  sentTo: true,
  sentDate: true,
  feedbackStatus: true,
  feedbackDate: true,
  feedbackNote: true,
  implementationStatus: true,
  implementationDate: true,
  implementationNote: true,
});
export type AdvisorSuggestionRecord = z.infer<typeof advisorSuggestionRecordSchema>;

/** 聘金 in yuan (seed 000 §六: 30万元/人/年，税后). */
export const advisorStipendRecordSchema = advisorStipendFields.pick({ year: true, amount: true, paidVia: true, paidDate: true, voucherNumber: true, filedDate: true });
export type AdvisorStipendRecord = z.infer<typeof advisorStipendRecordSchema>;

/** seed 000 §七.(三).3: 3年工作方案和每年工作计划、年度目标任务、成果受益分配方案, 报备案. */
export const advisorPlanRecordSchema = advisorPlanFields.pick({
  kind: true,
  startYear: true,
  endYear: true,
  title: true,
  targets: true,
  benefitSharingPlan: true,
  filedWithDepartmentDate: true,
  filedWithOfficeDate: true,
});
export type AdvisorPlanRecord = z.infer<typeof advisorPlanRecordSchema>;

/** seed 000 §八.(一) and §七.(一).5: reports received from the 服务单位, the office's evaluation. */
export const advisorEvaluationRecordSchema = advisorEvaluationSchema.pick({
  year: true,
  annualWorkReportReceivedDate: true,
  annualSummaryReceivedDate: true,
  termReportReceivedDate: true,
  selfAssessmentReceivedDate: true,
  evaluationDate: true,
  result: true,
  notes: true,
});
export type AdvisorEvaluationRecord = z.infer<typeof advisorEvaluationRecordSchema>;
