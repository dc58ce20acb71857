import { z } from 'zod';
import { academicTitles, baseRecord, degrees, enterpriseKinds, isoDate, money, optionalText, recordId, requiredText } from '../common';
import { withDateOrder } from '../dateRules';

// seeds 001 (自治区) and 004 (设区市): commissioners, teams, host enterprises, agreements, logs.
export const commissionerSchema = baseRecord.extend({
  name: requiredText('姓名', 50),
  gender: z.enum(['男', '女']).optional(),
  idNumber: optionalText(18),
  mobile: optionalText(20),
  dispatchUnit: requiredText('派出单位', 100),
  degree: z.enum(degrees).optional(),
  academicTitle: z.enum(academicTitles).optional(),
  field: optionalText(100),
  /** 自治区重大人才项目入选者 / 高层次人才 / 青年科技人员 */
  isPriority: z.boolean().default(false),
  teamId: recordId.nullable().optional(),
  status: z.enum(['意向', '已匹配', '已公示', '服务中', '期满', '取消资格']),
  notes: optionalText(),
});
export type Commissioner = z.infer<typeof commissionerSchema>;

export const commissionerTeamSchema = baseRecord.extend({
  name: requiredText('特派团名称', 100),
  leaderId: recordId.optional(),
  memberIds: z.array(recordId).default([]),
  industryCluster: optionalText(100),
});
export type CommissionerTeam = z.infer<typeof commissionerTeamSchema>;

export const hostEnterpriseSchema = baseRecord.extend({
  name: requiredText('企业名称', 100),
  creditCode: optionalText(18),
  kinds: z.array(z.enum(enterpriseKinds)).default([]),
  city: optionalText(20),
  contactPerson: optionalText(50),
  contactPhone: optionalText(50),
});
export type HostEnterprise = z.infer<typeof hostEnterpriseSchema>;

export const cooperationAgreementSchema = withDateOrder(baseRecord.extend({
  agreementNumber: optionalText(60),
  commissionerId: recordId.nullable().optional(),
  teamId: recordId.nullable().optional(),
  enterpriseId: recordId,
  dispatchUnit: optionalText(100),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  signedDate: isoDate.optional(),
  subsidyPerYear: money.optional(),
}), [{ earlier: 'startDate', later: 'endDate', message: '服务期结束日期应晚于开始日期', allowEqual: false }]);
export type CooperationAgreement = z.infer<typeof cooperationAgreementSchema>;

export const serviceDutyKinds = [
  '政策宣传与反馈',
  '凝练技术需求与创新战略规划',
  '参与技术攻关',
  '对接引进创新资源与成果转化',
  '完善企业创新管理体系与示范带动',
  '科普/培训',
  '其他',
] as const;

export const serviceLogSchema = baseRecord.extend({
  commissionerId: recordId,
  agreementId: recordId.nullable().optional(),
  date: isoDate,
  days: z.number().positive('服务天数应大于 0').max(31),
  mode: z.enum(['线下', '线上']),
  kind: z.enum(serviceDutyKinds),
  content: requiredText('服务内容', 2000),
  problemsSolved: optionalText(),
  outcomes: optionalText(),
  evidence: optionalText(500),
});
export type ServiceLog = z.infer<typeof serviceLogSchema>;

export const assessmentGrades = ['优秀', '合格', '不合格'] as const;
export const commissionerAssessmentSchema = baseRecord.extend({
  commissionerId: recordId,
  year: z.number().int().min(2000).max(2100),
  grade: z.enum(assessmentGrades),
  notes: optionalText(),
});
export type CommissionerAssessment = z.infer<typeof commissionerAssessmentSchema>;
