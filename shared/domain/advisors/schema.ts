import { z } from 'zod';
import { baseRecord, isoDate, moneyOf, optionalText, recordId, requiredText } from '../common';
import { withDateOrder } from '../dateRules';

// seed 000 (广西科技顾问): selection → review → approval → appointment → term end / dismissal.
export const advisorStatuses = ['推荐', '评议', '已审定', '已聘任', '期满', '解聘'] as const;
export type AdvisorStatus = (typeof advisorStatuses)[number];

export const reviewResults = ['待评议', '通过', '未通过'] as const;

export const advisorFields = z.object({
  name: requiredText('姓名', 50),
  /** e.g. 中国科学院院士 / 中国工程院院士 */
  honorific: requiredText('院士称号', 50),
  homeInstitution: requiredText('所在单位', 100),
  field: optionalText(100),
  phone: optionalText(50),
  email: optionalText(100),
  serviceUnit: optionalText(100),
  serviceUnitLiaison: optionalText(50),
  serviceUnitLiaisonPhone: optionalText(50),
  competentDepartment: optionalText(100),
  status: z.enum(advisorStatuses),
  // 选聘 (seed 000 §二): recommendation with the academician's consent and, in principle, the
  // home unit's; a 工作方案 with research directions and cooperation projects; the office's review.
  recommendationDate: isoDate.optional(),
  recommendingUnit: optionalText(100),
  advisorConsent: z.boolean().optional(),
  homeUnitConsent: z.boolean().optional(),
  researchDirections: optionalText(2000),
  cooperationProjects: optionalText(2000),
  reviewDate: isoDate.optional(),
  reviewResult: z.enum(reviewResults).optional(),
  reviewNotes: optionalText(1000),
  approvalDate: isoDate.optional(),
  // 聘任 (seed 000 §三): certificate in the name of the 自治区人民政府, handed over at a ceremony.
  termStart: isoDate.optional(),
  termEnd: isoDate.optional(),
  ceremonyDate: isoDate.optional(),
  certificateNumber: optionalText(60),
  certificateIssuedOn: isoDate.optional(),
  issuer: optionalText(60),
  dismissalReason: optionalText(500),
  dismissalDate: isoDate.optional(),
  notes: optionalText(),
});
// seed 000 §二–三: 推荐 → 评议 → 审定, then a term that really spans time.
export const advisorSchema = withDateOrder(baseRecord.extend(advisorFields.shape), [
  { earlier: 'recommendationDate', later: 'reviewDate', message: '评议日期不能早于推荐日期' },
  { earlier: 'reviewDate', later: 'approvalDate', message: '审定日期不能早于评议日期' },
  { earlier: 'recommendationDate', later: 'approvalDate', message: '审定日期不能早于推荐日期' },
  { earlier: 'termStart', later: 'termEnd', message: '聘期结束应晚于聘期开始', allowEqual: false },
  { earlier: 'termStart', later: 'dismissalDate', message: '解聘日期不能早于聘期开始' },
]);
export type Advisor = z.infer<typeof advisorSchema>;

// seed 000 §五: 工作形式
export const advisorWorkForms = ['来桂座谈', '拜访', '发函咨询', '调查研究', '咨询论证', '联合攻关', '引进人才/项目', '其他交办'] as const;
// seed 000 §四: 工作职责 (six kinds)
export const advisorDuties = [
  '规划政策咨询',
  '重大问题调研建议',
  '企业重大课题/技术难题咨询论证',
  '联合技术攻关/指导申报项目/组建研发平台',
  '人才/技术/项目/资金引进与成果转化',
  '其他交办任务',
] as const;

export const advisorActivitySchema = baseRecord.extend({
  advisorId: recordId,
  date: isoDate,
  form: z.enum(advisorWorkForms),
  duties: z.array(z.enum(advisorDuties)).default([]),
  content: requiredText('工作内容', 2000),
  location: optionalText(200),
  participants: optionalText(500),
  /** 科研成果 of this piece of work (seed 000 §八(二)1: 年度咨询建议及科研成果报送参阅). */
  outcome: optionalText(2000),
  notes: optionalText(),
});
export type AdvisorActivity = z.infer<typeof advisorActivitySchema>;

export const suggestionFeedbackStatuses = ['待反馈', '已采纳', '部分采纳', '未采纳'] as const;
/** seed 000 §七(四): departments report back 采纳 and 落实 — 落实 is tracked on its own. */
export const suggestionImplementationStatuses = ['待落实', '落实中', '已落实'] as const;
/** The suggestion's fields without the order rules (zod cannot pick from a refined object). */
export const advisorSuggestionFields = baseRecord.extend({
  advisorId: recordId,
  date: isoDate,
  title: requiredText('建议标题', 200),
  content: optionalText(5000),
  sentTo: optionalText(200),
  sentDate: isoDate.optional(),
  feedbackStatus: z.enum(suggestionFeedbackStatuses),
  feedbackDate: isoDate.optional(),
  feedbackNote: optionalText(),
  implementationStatus: z.enum(suggestionImplementationStatuses).optional(),
  /** When the department last reported on 落实. */
  implementationDate: isoDate.optional(),
  implementationNote: optionalText(),
});
export const advisorSuggestionSchema = withDateOrder(advisorSuggestionFields, [
  { earlier: 'date', later: 'sentDate', message: '报送日期不能早于提出日期' },
  { earlier: 'sentDate', later: 'feedbackDate', message: '反馈日期不能早于报送日期' },
  { earlier: 'date', later: 'feedbackDate', message: '反馈日期不能早于提出日期' },
  { earlier: 'date', later: 'implementationDate', message: '落实日期不能早于提出日期' },
]);
export type AdvisorSuggestion = z.infer<typeof advisorSuggestionSchema>;

/** The payment's fields without the order rules (zod cannot pick from a refined object). */
export const advisorStipendFields = baseRecord.extend({
  advisorId: recordId,
  year: z.number().int().min(2000).max(2100),
  /** 聘金, yuan after tax; default from the policy profile (seed 000: 30万元/人/年). */
  amount: moneyOf('聘金金额'),
  paidVia: optionalText(100),
  paidDate: isoDate.optional(),
  voucherNumber: optionalText(60),
  filedDate: isoDate.optional(),
});
export const advisorStipendSchema = withDateOrder(advisorStipendFields, [
  { earlier: 'paidDate', later: 'filedDate', message: '凭证备案日期不能早于拨付日期' },
]);
export type AdvisorStipend = z.infer<typeof advisorStipendSchema>;

// seed 000 §七.(三)3: a 3-year 工作方案 and a yearly 工作计划 with targets and a 成果受益分配方案,
// filed with the 主管部门 and the 科技委员会办公室.
export const advisorPlanKinds = ['三年工作方案', '年度工作计划'] as const;
/** The plan's fields without the cross-field rule (zod cannot pick from a refined object). */
export const advisorPlanFields = baseRecord.extend({
  advisorId: recordId,
  kind: z.enum(advisorPlanKinds),
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100),
  title: requiredText('方案名称', 200),
  targets: optionalText(5000),
  benefitSharingPlan: optionalText(5000),
  filedWithDepartmentDate: isoDate.optional(),
  filedWithOfficeDate: isoDate.optional(),
  notes: optionalText(),
});
export const advisorPlanSchema = withDateOrder(advisorPlanFields, [
  { earlier: 'startYear', later: 'endYear', message: '结束年度不能早于开始年度' },
]);
export type AdvisorPlan = z.infer<typeof advisorPlanSchema>;

// seed 000 §八.(一): 年度总结 / 任期科技成果报告 / 成效自评报告 from the 服务单位, then the office's
// evaluation; §七.(一)5: the advisor's 年度工作报告 is part of the ledger.
export const evaluationResults = ['优秀', '良好', '合格', '不合格'] as const;
export const advisorEvaluationSchema = baseRecord.extend({
  advisorId: recordId,
  year: z.number().int().min(2000).max(2100),
  annualWorkReportReceivedDate: isoDate.optional(),
  annualSummaryReceivedDate: isoDate.optional(),
  termReportReceivedDate: isoDate.optional(),
  selfAssessmentReceivedDate: isoDate.optional(),
  evaluationDate: isoDate.optional(),
  result: z.enum(evaluationResults).optional(),
  notes: optionalText(),
});
export type AdvisorEvaluation = z.infer<typeof advisorEvaluationSchema>;

/** 聘书发放登记: one row per printed certificate; a reprint keeps the original number. */
export const certificatePrintModes = ['整页', '套打'] as const;
export const appointmentCertificateFields = baseRecord.extend({
  advisorId: recordId,
  number: requiredText('聘书编号', 60),
  issuedOn: isoDate,
  termStart: isoDate,
  termEnd: isoDate,
  isReprint: z.boolean(),
  mode: z.enum(certificatePrintModes),
  notes: optionalText(500),
});
export const appointmentCertificateSchema = withDateOrder(appointmentCertificateFields, [
  { earlier: 'termStart', later: 'termEnd', message: '聘期结束应晚于聘期开始', allowEqual: false },
]);
export type AppointmentCertificate = z.infer<typeof appointmentCertificateSchema>;
