import { z } from 'zod';
import { checkCreditCode, checkIdNumber, checkMobile } from '../../format';
import { academicTitles, baseRecord, degrees, enterpriseKinds, isoDate, money, optionalText, recordId, requiredText } from '../common';

// seeds 001 (自治区企业科技特派员工作方案) and 004 (设区市科技特派员管理办法): the one definition of
// every commissioner record. Rules that need the policy profile or other records live in rules.ts.

/** An optional code checked by a shared/format checker; empty text counts as not filled in. */
const checkedCode = (check: (s: string) => { ok: boolean; message?: string }, max: number) =>
  z
    .string()
    .trim()
    .max(max + 10)
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return;
      const result = check(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message ?? '格式不正确' });
    });

/** seed 001 §四(一)5: priority candidates. */
export const priorityFlags = ['自治区重大人才项目', '高层次人才', '青年科技人员'] as const;
export const commissionerStatuses = ['意向', '已匹配', '已公示', '服务中', '期满', '取消资格'] as const;

/** seed 004 第十六条: the five reasons a commissioner loses the qualification. */
export const disqualificationReasons = [
  '年度考核不合格或无故不参加考核',
  '有违法违纪行为',
  '存在损害派驻单位利益或严重失信的行为',
  '不接受管理，长期不参加科技特派员相关活动',
  '其他不适合继续担任科技特派员的情况',
] as const;

export const commissionerFields = baseRecord.extend({
  name: requiredText('姓名', 50),
  gender: z.enum(['男', '女']).optional(),
  idNumber: checkedCode((s) => checkIdNumber(s), 18),
  mobile: checkedCode(checkMobile, 20),
  /** Name as printed on the agreement; dispatchUnitId links the unit record when there is one. */
  dispatchUnit: requiredText('派出单位', 100),
  dispatchUnitId: recordId.nullable().optional(),
  degree: z.enum(degrees).optional(),
  academicTitle: z.enum(academicTitles).optional(),
  field: optionalText(100),
  /** 自治区重大人才项目入选者 / 高层次人才 / 青年科技人员 */
  isPriority: z.boolean().default(false),
  priorityFlags: z.array(z.enum(priorityFlags)).default([]),
  teamId: recordId.nullable().optional(),
  status: z.enum(commissionerStatuses),
  /** Eligibility override: the justification stays on the record and on screen. */
  eligibilityOverrideReason: optionalText(500),
  eligibilityOverrideDate: isoDate.optional(),
  /** seed 004 第十六条: 取消资格, dated, with its reasons. */
  disqualifiedDate: isoDate.optional(),
  disqualificationReasons: z.array(z.enum(disqualificationReasons)).default([]),
  disqualificationNote: optionalText(500),
  notes: optionalText(),
});
export const commissionerSchema = commissionerFields.superRefine((c, ctx) => {
  if (c.eligibilityOverrideDate && !c.eligibilityOverrideReason?.trim()) {
    ctx.addIssue({ code: 'custom', path: ['eligibilityOverrideReason'], message: '破格选派须填写理由' });
  }
  if (c.status === '取消资格') {
    if (!c.disqualifiedDate) ctx.addIssue({ code: 'custom', path: ['disqualifiedDate'], message: '取消资格须填写日期' });
    if (c.disqualificationReasons.length === 0) ctx.addIssue({ code: 'custom', path: ['disqualificationReasons'], message: '取消资格须选择原因（第十六条）' });
  }
});
export type Commissioner = z.infer<typeof commissionerSchema>;

/** seed 001 §二: 区内高校、科研院所; seed 004 第十二条 adds 事业单位、推广机构、企业、乡土人才. */
export const dispatchUnitKinds = ['高校', '科研院所', '科技服务机构', '事业单位', '企业', '本土人才'] as const;
export const dispatchUnitSchema = baseRecord.extend({
  name: requiredText('派出单位名称', 100),
  kind: z.enum(dispatchUnitKinds),
  /** seed 001 §四(一)2: provincial commissioners come from 区内 units only. */
  inRegion: z.boolean().default(true),
  creditCode: checkedCode(checkCreditCode, 18),
  address: optionalText(200),
  contactPerson: optionalText(50),
  contactPhone: optionalText(50),
});
export type DispatchUnit = z.infer<typeof dispatchUnitSchema>;

export const commissionerTeamFields = baseRecord.extend({
  name: requiredText('特派团名称', 100),
  leaderId: recordId.optional(),
  memberIds: z.array(recordId).default([]),
  industryCluster: optionalText(100),
  dispatchUnit: optionalText(100),
});
/** Size (3–5) depends on the profile and is checked by checkTeamSize; the leader must be a member. */
export const commissionerTeamSchema = commissionerTeamFields.superRefine((t, ctx) => {
  if (new Set(t.memberIds).size !== t.memberIds.length) ctx.addIssue({ code: 'custom', path: ['memberIds'], message: '成员重复' });
  if (t.leaderId && !t.memberIds.includes(t.leaderId)) ctx.addIssue({ code: 'custom', path: ['leaderId'], message: '团长须为特派团成员' });
});
export type CommissionerTeam = z.infer<typeof commissionerTeamSchema>;

export const hostEnterpriseSchema = baseRecord.extend({
  name: requiredText('企业名称', 100),
  creditCode: checkedCode(checkCreditCode, 18),
  legalRepresentative: optionalText(50),
  kinds: z.array(z.enum(enterpriseKinds)).default([]),
  /** 设区市 and 县（区）/高新区 */
  city: optionalText(20),
  county: optionalText(30),
  address: optionalText(200),
  contactPerson: optionalText(50),
  contactPhone: optionalText(50),
  /** seed 001 §一: 100% of hosts with a 研发投入核算制度 and R&D activity. */
  hasRdAccounting: z.boolean().default(false),
  hasRdActivity: z.boolean().default(false),
});
export type HostEnterprise = z.infer<typeof hostEnterpriseSchema>;

/** seed 001 §六: the dispatch procedure; 补录 is the side path for the unmatched. */
export const dispatchStages = ['意向征集', '双向选择', '核查确认', '公示认定', '签订协议', '补录', '培训派出', '管理考核'] as const;
export type DispatchStage = (typeof dispatchStages)[number];
export const agreementStatuses = ['草拟', '生效', '期满', '终止'] as const;

export const cooperationAgreementFields = baseRecord.extend({
  agreementNumber: optionalText(60),
  /** Exactly one of commissionerId / teamId: a team acts as one commissioner (seed 001 §五(一)1). */
  commissionerId: recordId.nullable().optional(),
  teamId: recordId.nullable().optional(),
  enterpriseId: recordId,
  dispatchUnit: optionalText(100),
  status: z.enum(agreementStatuses).default('草拟'),
  stageDates: z.object(Object.fromEntries(dispatchStages.map((s) => [s, isoDate.optional()])) as Record<DispatchStage, z.ZodOptional<typeof isoDate>>).partial().default({}),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  signedDate: isoDate.optional(),
  /** seed 004 第十四条(五): 到期后视情况续签 — the agreement this one renews. */
  renewsAgreementId: recordId.nullable().optional(),
  subsidyPerYear: money.optional(),
  terminatedDate: isoDate.optional(),
  terminationReason: optionalText(500),
});
export const cooperationAgreementSchema = cooperationAgreementFields.superRefine((a, ctx) => {
  if (!a.commissionerId === !a.teamId) {
    ctx.addIssue({ code: 'custom', path: ['commissionerId'], message: '乙方应为一名科技特派员或一个科技特派团（二选一）' });
  }
  if (a.startDate && a.endDate && a.endDate <= a.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '服务期结束日期应晚于开始日期' });
  if (a.signedDate && a.endDate && a.signedDate > a.endDate) ctx.addIssue({ code: 'custom', path: ['signedDate'], message: '签订日期不能晚于服务期结束日期' });
  if (a.terminatedDate && a.startDate && a.terminatedDate < a.startDate) ctx.addIssue({ code: 'custom', path: ['terminatedDate'], message: '终止日期不能早于服务期开始日期' });
  if (a.status === '终止' && !a.terminationReason?.trim()) ctx.addIssue({ code: 'custom', path: ['terminationReason'], message: '终止协议须填写原因' });
  if (a.status === '生效' && (!a.startDate || !a.endDate)) ctx.addIssue({ code: 'custom', path: ['startDate'], message: '协议生效前须填写服务期起止日期' });
  // The procedure runs in order; 补录 is a side path and is not ordered against the others.
  let previous: { stage: string; date: string } | undefined;
  for (const stage of dispatchStages) {
    const date = a.stageDates[stage];
    if (!date || stage === '补录') continue;
    if (previous && date < previous.date) {
      ctx.addIssue({ code: 'custom', path: ['stageDates', stage], message: `“${stage}”日期不能早于“${previous.stage}”日期` });
    }
    previous = { stage, date };
  }
});
export type CooperationAgreement = z.infer<typeof cooperationAgreementSchema>;

/** seed 001 §二 (five duties) and seed 004 第三章 (the city's additions). */
export const provincialDutyKinds = [
  '政策宣传与反馈',
  '凝练技术需求与创新战略规划',
  '参与技术攻关',
  '对接引进创新资源与成果转化',
  '完善企业创新管理体系与示范带动',
] as const;
export const cityDutyKinds = ['科普/培训', '技术合同登记', '科技型中小企业评价入库', '高新技术企业申报', '科技创新券', '专利申报', '标准建立'] as const;
export const serviceDutyKinds = [...provincialDutyKinds, ...cityDutyKinds, '其他'] as const;
export type ServiceDutyKind = (typeof serviceDutyKinds)[number];

export const serviceLogSchema = baseRecord.extend({
  /** The member who served (for a team, any member); compliance counts per agreement. */
  commissionerId: recordId,
  agreementId: recordId,
  enterpriseId: recordId,
  date: isoDate,
  /** One record per date: half days allowed, at most one day per date. */
  days: z
    .number({ message: '服务天数应为数字' })
    .positive('服务天数应大于 0')
    .max(1, '每个日期最多记 1 天（多日服务请按日期分别登记）')
    .refine((d) => Number.isInteger(d * 2), '服务天数以半天为单位（0.5 或 1）'),
  mode: z.enum(['线下', '线上']),
  kind: z.enum(serviceDutyKinds),
  content: requiredText('服务内容', 2000),
  problemsSolved: optionalText(),
  outcomes: optionalText(),
  evidence: optionalText(500),
});
export type ServiceLog = z.infer<typeof serviceLogSchema>;

/** seed 001 §一 programme targets and seed 004 第九条–第十条 outcomes. */
export const outcomeKinds = ['参与科技攻关项目', '申报科技项目', '成果转化应用', '建立研发投入核算制度', '开展研发活动', '专利', '创新平台'] as const;
export const commissionerOutcomeSchema = baseRecord.extend({
  agreementId: recordId,
  enterpriseId: recordId,
  kind: z.enum(outcomeKinds),
  title: requiredText('成果名称', 200),
  date: isoDate,
  notes: optionalText(),
});
export type CommissionerOutcome = z.infer<typeof commissionerOutcomeSchema>;

export const assessmentGrades = ['优秀', '合格', '不合格'] as const;
export type AssessmentGrade = (typeof assessmentGrades)[number];
export const commissionerAssessmentFields = baseRecord.extend({
  /** The commissioner, or for a team its agreement's teamId (a team is assessed as one). */
  commissionerId: recordId.nullable().optional(),
  teamId: recordId.nullable().optional(),
  agreementId: recordId.nullable().optional(),
  year: z.number().int().min(2000).max(2100),
  /** seed 004 第十六条(一): 无故不参加考核 is recorded, not graded. */
  tookPart: z.boolean().default(true),
  grade: z.enum(assessmentGrades).optional(),
  enterpriseEvaluation: optionalText(1000),
  countyOpinion: optionalText(1000),
  assessedDate: isoDate.optional(),
  notes: optionalText(),
});
export const commissionerAssessmentSchema = commissionerAssessmentFields.superRefine((a, ctx) => {
  if (!a.commissionerId === !a.teamId) ctx.addIssue({ code: 'custom', path: ['commissionerId'], message: '考核对象应为一名科技特派员或一个科技特派团（二选一）' });
  if (a.tookPart && !a.grade) ctx.addIssue({ code: 'custom', path: ['grade'], message: '请选择考核等次' });
  if (!a.tookPart && a.grade) ctx.addIssue({ code: 'custom', path: ['grade'], message: '未参加考核不能评定等次' });
  if (a.assessedDate && Number(a.assessedDate.slice(0, 4)) < a.year) ctx.addIssue({ code: 'custom', path: ['assessedDate'], message: '考核日期不能早于考核年度' });
});
export type CommissionerAssessment = z.infer<typeof commissionerAssessmentSchema>;

/** seed 001 §五(一)1 (工作补助) and seed 004 第十九条 (补助 plus 考核奖励 graded 优秀/合格). */
export const subsidyKinds = ['工作补助', '考核奖励'] as const;
export type SubsidyKind = (typeof subsidyKinds)[number];
export const commissionerSubsidyFields = baseRecord.extend({
  agreementId: recordId,
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(subsidyKinds),
  amount: money,
  payee: requiredText('领取人', 100),
  paidDate: isoDate.optional(),
  voucherNumber: optionalText(60),
  notes: optionalText(),
});
export const commissionerSubsidySchema = commissionerSubsidyFields.superRefine((s, ctx) => {
  if (s.paidDate && Number(s.paidDate.slice(0, 4)) < s.year) ctx.addIssue({ code: 'custom', path: ['paidDate'], message: '发放日期不能早于补助年度' });
});
export type CommissionerSubsidy = z.infer<typeof commissionerSubsidySchema>;

/** seed 004 第十一条 / 第十五条(二): changes need a written request and an approval. */
export const changeKinds = ['变更派驻单位', '变更任务目标', '变更人员', '其他调整'] as const;
export const changeRequestFields = baseRecord.extend({
  agreementId: recordId,
  kind: z.enum(changeKinds),
  requestedBy: z.enum(['科技特派员', '派驻单位']),
  requestDate: isoDate,
  content: requiredText('申请内容', 2000),
  decision: z.enum(['待审批', '同意', '不同意']).default('待审批'),
  approvalDate: isoDate.optional(),
  notes: optionalText(),
});
export const changeRequestSchema = changeRequestFields.superRefine((r, ctx) => {
  if (r.decision !== '待审批' && !r.approvalDate) ctx.addIssue({ code: 'custom', path: ['approvalDate'], message: '请填写审批日期' });
  if (r.approvalDate && r.approvalDate < r.requestDate) ctx.addIssue({ code: 'custom', path: ['approvalDate'], message: '审批日期不能早于申请日期' });
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

/** seed 004 第十七条: 按季度向属地县（区）、高新区科技管理部门报送工作进展. */
export const quarterlyReportSchema = baseRecord.extend({
  agreementId: recordId,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1, '季度应为 1–4').max(4, '季度应为 1–4'),
  submittedDate: isoDate.optional(),
  notes: optionalText(),
});
export type QuarterlyReport = z.infer<typeof quarterlyReportSchema>;
