import { z } from 'zod';
import { baseRecord, guangxiCities, isoDate, money, optionalText, recordId, requiredText } from '../common';

// seed 002 (厅市会商工作规则): the one definition of every consultation record. Rules that need
// the policy profile or other records (quota, interval, cap, domain block) live in rules.ts.

export const consultationKinds = ['重点会商', '一般会商'] as const;
export type ConsultationKind = (typeof consultationKinds)[number];

/** seed 002 第十条: 如遇当年有重大、特殊、紧急需求 — the flag that lifts the quota and the interval. */
export const exceptionKinds = ['重大', '特殊', '紧急'] as const;

/**
 * The procedure in the order the seed runs it: 第十条 建议 (Q1) → 第十一条 专题会议 → 第十二条 上轮
 * 总结与评估 → 第十三条 具体意见 → 第十四条 任务对接/实地调研 → 第十五条 建议稿、处室意见 →
 * 第十六条 厅长办公会、定稿 → 第十七条 会议、签署 → 第十八–二十条 实施、绩效评估.
 */
export const consultationStages = [
  '会商建议',
  '市政府专题会议',
  '上轮落实情况总结',
  '上轮落实情况评估',
  '具体意见报送',
  '任务对接',
  '实地调研',
  '议定书建议稿',
  '处室意见',
  '厅长办公会审议',
  '定稿',
  '会议召开',
  '签署',
  '实施',
  '绩效评估',
] as const;
export type ConsultationStage = (typeof consultationStages)[number];

const stageDatesSchema = z
  .object(Object.fromEntries(consultationStages.map((s) => [s, isoDate.optional()])) as Record<ConsultationStage, z.ZodOptional<typeof isoDate>>)
  .partial()
  .default({});

const meetingTime = z
  .string()
  .trim()
  .refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), '会议时间格式应为 HH:MM，如 09:30')
  .optional();

export const consultationRoundFields = baseRecord.extend({
  city: requiredText('设区市', 20),
  year: z.number({ message: '请填写会商年度' }).int('会商年度应为整数').min(2000, '会商年度应在 2000—2100 之间').max(2100, '会商年度应在 2000—2100 之间'),
  kind: z.enum(consultationKinds, { message: '请选择重点会商或一般会商' }),
  stageDates: stageDatesSchema,
  /** seed 002 第十条: a round over the quota or inside the interval needs one of these and a reason. */
  exceptionKind: z.enum(exceptionKinds).optional(),
  exceptionReason: optionalText(500),
  /** 会商目标 as printed in the 议定书. */
  goals: optionalText(3000),
  /** seed 002 第十二条: 科技厅对上次会商任务落实情况的综合评估. */
  previousAssessment: optionalText(3000),
  protocolNumber: optionalText(60),
  // seed 002 第十七条: the meeting and its five-step agenda.
  meetingTime,
  meetingPlace: optionalText(100),
  meetingHost: optionalText(50),
  cityReporter: optionalText(50),
  protocolReader: optionalText(50),
  departmentSigner: optionalText(50),
  citySigner: optionalText(50),
  speakers: optionalText(200),
  // 会商纪要
  attendees: optionalText(2000),
  discussion: optionalText(5000),
  agreedMatters: optionalText(5000),
  notes: optionalText(),
});

/** Dates in procedure order (a missing stage is skipped). The issue sits on the later stage. */
export function stageOrderIssues(stageDates: Partial<Record<ConsultationStage, string>>): { stage: ConsultationStage; message: string }[] {
  const issues: { stage: ConsultationStage; message: string }[] = [];
  let previous: { stage: ConsultationStage; date: string } | undefined;
  for (const stage of consultationStages) {
    const date = stageDates[stage];
    if (!date) continue;
    if (previous && date < previous.date) issues.push({ stage, message: `“${stage}”日期不能早于“${previous.stage}”日期（${previous.date}）` });
    else previous = { stage, date };
  }
  return issues;
}

export const consultationRoundSchema = consultationRoundFields.superRefine((r, ctx) => {
  if (r.exceptionKind && !r.exceptionReason?.trim()) ctx.addIssue({ code: 'custom', path: ['exceptionReason'], message: `标为${r.exceptionKind}需求须填写理由` });
  if (!r.exceptionKind && r.exceptionReason?.trim()) ctx.addIssue({ code: 'custom', path: ['exceptionKind'], message: '请选择重大、特殊或紧急需求' });
  for (const issue of stageOrderIssues(r.stageDates)) ctx.addIssue({ code: 'custom', path: ['stageDates', issue.stage], message: issue.message });
  const first = r.stageDates.会商建议;
  if (first && Number(first.slice(0, 4)) !== r.year) ctx.addIssue({ code: 'custom', path: ['stageDates', '会商建议'], message: `会商建议应在会商年度（${r.year}年）内提交` });
  // seed 002 第十七条(三)(4): 厅长与设区市人民政府主要领导签定议定书.
  if (r.stageDates.签署) {
    if (!r.departmentSigner?.trim()) ctx.addIssue({ code: 'custom', path: ['departmentSigner'], message: '签署前须填写科技厅签署人（厅长）' });
    if (!r.citySigner?.trim()) ctx.addIssue({ code: 'custom', path: ['citySigner'], message: '签署前须填写设区市签署人（主要领导）' });
  }
});
export type ConsultationRound = z.infer<typeof consultationRoundSchema>;

/**
 * seed 002 第七–九条: the areas a consultation covers. Offered as choices; a topic's domain is
 * free text so an office can name a finer one. The domain block compares trimmed text.
 */
export const suggestedDomains = [
  '总体部署与发展思路',
  '政策措施与机制体制创新',
  '区域创新高地',
  '科技成果转移转化',
  '创新基地布局',
  '创新人才培养引进',
  '重大科技研发攻关',
  '基础研究和应用基础研究',
  '开放协同创新',
] as const;

export const topicStatuses = ['未启动', '推进中', '已完成'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

export const consultationTopicFields = baseRecord.extend({
  roundId: recordId,
  /** 议题 number in the 议定书 (一、二、…). */
  seq: z.number({ message: '请填写议题序号' }).int('议题序号应为整数').min(1, '议题序号从 1 开始'),
  domain: requiredText('领域', 50),
  title: requiredText('议题名称', 200),
  content: optionalText(5000),
  /** 双方职责 (seed 002 第十八–十九条): the 厅's tasks and division, the city's tasks and department. */
  departmentTasks: optionalText(3000),
  departmentDivision: optionalText(100),
  cityTasks: optionalText(3000),
  cityDepartment: optionalText(100),
  /** 项目资金 in yuan; the round's sum is capped by kind (seed 002 第十八条). */
  funding: money.default(0),
  status: z.enum(topicStatuses).default('未启动'),
  completedDate: isoDate.optional(),
  /** Projects the topic is carried by (编号、名称), one per line. */
  projects: optionalText(2000),
  notes: optionalText(),
});
export const consultationTopicSchema = consultationTopicFields.superRefine((t, ctx) => {
  if (t.completedDate && t.status !== '已完成') ctx.addIssue({ code: 'custom', path: ['completedDate'], message: '只有已完成的议题才有完成日期' });
});
export type ConsultationTopic = z.infer<typeof consultationTopicSchema>;

const quarterField = z.number({ message: '请选择季度' }).int('季度应为 1—4').min(1, '季度应为 1—4').max(4, '季度应为 1—4');
const yearField = (label: string) => z.number({ message: `请填写${label}` }).int(`${label}应为整数`).min(2000, `${label}应在 2000—2100 之间`).max(2100, `${label}应在 2000—2100 之间`);

/** seed 002 第十九条: 每季度向科技厅报送工作推进情况台账 — one row per topic and quarter. */
export const consultationProgressSchema = baseRecord.extend({
  roundId: recordId,
  /** Records of the first shape could be round-wide (null); the form always names a topic. */
  topicId: recordId.nullable().optional(),
  year: yearField('年度'),
  quarter: quarterField,
  progress: requiredText('推进情况', 5000),
  problems: optionalText(3000),
  nextSteps: optionalText(3000),
  responsiblePerson: optionalText(50),
  reportedDate: isoDate.optional(),
});
export type ConsultationProgress = z.infer<typeof consultationProgressSchema>;

/** seed 002 第十九条: 每年12月25日前报送会商任务落实年度工作情况. */
export const consultationAnnualReportSchema = baseRecord.extend({
  roundId: recordId,
  year: yearField('年度'),
  receivedDate: isoDate.optional(),
  summary: optionalText(5000),
  problems: optionalText(3000),
  nextYearPlan: optionalText(3000),
});
export type ConsultationAnnualReport = z.infer<typeof consultationAnnualReportSchema>;

export const evaluationGrades = ['优秀', '良好', '合格', '不合格'] as const;
/** seed 002 第二十条: 绩效评估 against the 议定书 — per topic, or the whole round (topicId null). */
export const consultationEvaluationSchema = baseRecord.extend({
  roundId: recordId,
  topicId: recordId.nullable().optional(),
  evaluatedDate: isoDate,
  grade: z.enum(evaluationGrades, { message: '请选择评估等次' }),
  score: z.number({ message: '评估得分应为数字' }).min(0, '评估得分应在 0—100 之间').max(100, '评估得分应在 0—100 之间').optional(),
  findings: requiredText('评估意见', 3000),
  evaluator: optionalText(100),
});
export type ConsultationEvaluation = z.infer<typeof consultationEvaluationSchema>;

/** A 设区市 and the government that signs for it (设置 → 厅市会商; 14 preloaded, DOMAIN §6). */
export const consultationCitySchema = z.object({
  name: requiredText('设区市名称', 20),
  government: requiredText('人民政府名称', 60),
});
export type ConsultationCity = z.infer<typeof consultationCitySchema>;

export const consultationCitiesSchema = z
  .array(consultationCitySchema)
  .min(1, '至少保留一个设区市')
  .superRefine((cities, ctx) => {
    const seen = new Set<string>();
    cities.forEach((c, i) => {
      if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `设区市“${c.name}”重复` });
      seen.add(c.name);
    });
  });

export const defaultConsultationCities: ConsultationCity[] = guangxiCities.map((name) => ({ name, government: `${name}市人民政府` }));

/** The city record of a round's city name; a name no longer in the list still prints (×× 市人民政府). */
export function cityOf(name: string, cities: readonly ConsultationCity[]): ConsultationCity {
  return cities.find((c) => c.name === name) ?? { name, government: `${name}市人民政府` };
}
