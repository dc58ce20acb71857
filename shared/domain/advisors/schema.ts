import { z } from 'zod';
import { baseRecord, isoDate, money, optionalText, recordId, requiredText } from '../common';

// seed 000 (广西科技顾问): selection → review → approval → appointment → term end / dismissal.
export const advisorStatuses = ['推荐', '评议', '已审定', '已聘任', '期满', '解聘'] as const;
export type AdvisorStatus = (typeof advisorStatuses)[number];

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
  termStart: isoDate.optional(),
  termEnd: isoDate.optional(),
  certificateNumber: optionalText(60),
  dismissalReason: optionalText(500),
  notes: optionalText(),
});
export const advisorSchema = baseRecord.extend(advisorFields.shape);
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
  notes: optionalText(),
});
export type AdvisorActivity = z.infer<typeof advisorActivitySchema>;

export const suggestionFeedbackStatuses = ['待反馈', '已采纳', '部分采纳', '未采纳'] as const;
export const advisorSuggestionSchema = baseRecord.extend({
  advisorId: recordId,
  date: isoDate,
  title: requiredText('建议标题', 200),
  content: optionalText(5000),
  sentTo: optionalText(200),
  sentDate: isoDate.optional(),
  feedbackStatus: z.enum(suggestionFeedbackStatuses),
  feedbackDate: isoDate.optional(),
  feedbackNote: optionalText(),
});
export type AdvisorSuggestion = z.infer<typeof advisorSuggestionSchema>;

export const advisorStipendSchema = baseRecord.extend({
  advisorId: recordId,
  year: z.number().int().min(2000).max(2100),
  /** 聘金, yuan after tax; default from the policy profile (seed 000: 30万元/人/年). */
  amount: money,
  paidVia: optionalText(100),
  paidDate: isoDate.optional(),
  voucherNumber: optionalText(60),
  filedDate: isoDate.optional(),
});
export type AdvisorStipend = z.infer<typeof advisorStipendSchema>;
