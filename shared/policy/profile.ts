import { z } from 'zod';
import { money, moneyOf, requiredNumber } from '../domain/common';
import { isRealCalendarDate } from '../format/calendar-date';
import { dispatchUnitKinds } from '../domain/commissioners/schema';

/**
 * Every number in the policies is a parameter the office can edit (DOMAIN.md, intro). Two
 * presets; a saved profile remembers which preset it started from.
 */
const count = (label: string) => requiredNumber(label).int(`${label}应为整数`).min(0, `${label}不能为负数`);
const atLeastOne = (label: string) => count(label).min(1, `${label}至少为 1`);
const share = (label: string) => requiredNumber(label).min(0, `${label}不能小于 0%`).max(1, `${label}不能大于 100%`);
const positiveMoney = (label: string) => moneyOf(label).refine((n) => n > 0, `${label}应大于 0`);

/** The profile's fields without the cross-field rules (zod cannot pick from a refined object). */
export const policyProfileFields = z.object({
  presetId: z.enum(['guangxi', 'city']),
  name: z.string().trim().min(1, '请填写政策配置名称').max(50),
  advisors: z.object({
    /** seed 000 §六: 30万元/人/年（税后） */
    stipendPerYear: positiveMoney('聘金'),
    /** seed 000 §五: leaders visit or invite 1–2 times a year */
    minVisitsPerYear: count('每年最少走访/座谈次数'),
    maxVisitsPerYear: count('每年最多走访/座谈次数'),
    /** seed 000 §七: annual summary in 12月上旬 → due by this day of December */
    annualSummaryDueDay: requiredNumber('年度总结报送截止日').int('年度总结报送截止日应为整数').min(1, '年度总结报送截止日应在 1–31 日之间').max(31, '年度总结报送截止日应在 1–31 日之间'),
    /** seed 000 §七: term reports one month before the term ends */
    termEndReportLeadDays: count('期满报告提前天数'),
    suggestionFeedbackDays: count('建议反馈期限（天）'),
    termEndingWarnDays: count('聘期届满提醒（天）'),
  }),
  commissioners: z.object({
    /** seed 001 vs 004: 博士/副高 vs 硕士/中级 */
    minDegree: z.enum(['博士', '硕士', '学士']),
    minAcademicTitle: z.enum(['正高级', '副高级', '中级', '初级']),
    teamSizeMin: atLeastOne('特派团最少人数'),
    teamSizeMax: atLeastOne('特派团最多人数'),
    /** seed 001: ≥5 visits and ≥30 service days a year */
    minVisitsPerYear: count('每年最少服务次数'),
    minServiceDaysPerYear: count('每年最少服务天数'),
    servicePeriodYears: atLeastOne('服务期（年）'),
    subsidyPerYear: moneyOf('工作补助'),
    /** seed 001 / 004: 优秀 ≤ 20% */
    excellentShareMax: share('优秀比例上限'),
    reportingCadence: z.enum(['年度', '季度']),
    // Added for the commissioners module. Defaults let profiles saved before them still load;
    // re-loading the city preset in 设置 gives the city's values.
    /** seed 004 第十四条(五): 协议有效期一般为一年，到期后视情况续签; seed 001 §六 re-dispatches instead. */
    agreementRenewable: z.boolean().default(false),
    /** seed 001 §四(一)2: 区内高校、科研院所; seed 004 第十二条: 市内外 高校院所、事业单位、企业、乡土人才. */
    eligibleUnitKinds: z.array(z.enum(dispatchUnitKinds)).default(['高校', '科研院所']),
    eligibleUnitInRegionOnly: z.boolean().default(true),
    /** seed 004 第十九条: reward graded 优秀/合格 after assessment — the clause sets no amount. */
    excellentReward: money.default(0),
    qualifiedReward: money.default(0),
    /** seed 004 第十七条: quarterly progress reports; the clause sets no deadline (office default). */
    quarterlyReportDueDays: count('季度报告报送期限（季末后天数）').default(15),
    /** Reminder lead before a service period ends (office default, like 聘期届满提醒). */
    agreementEndingWarnDays: count('服务期届满提醒（天）').default(30),
    /** seed 001 §一 工作目标: 到2027年底 1000家企业, 500项科技项目, 300项成果转化, 100% 研发投入核算. */
    targetYear: requiredNumber('工作目标年度').int('工作目标年度应为整数').min(2000, '工作目标年度应在 2000–2100 之间').max(2100, '工作目标年度应在 2000–2100 之间').default(2027),
    targetEnterprises: count('目标服务企业数').default(1000),
    targetProjects: count('目标科技项目数').default(500),
    targetTransfers: count('目标成果转化数').default(300),
    targetRdAccountingPercent: count('目标研发投入核算覆盖率').max(100, '目标研发投入核算覆盖率不能大于 100%').default(100),
  }),
  consultations: z.object({
    /** seed 002: ≤2000万 重点, ≤1000万 一般 */
    keyCityFundingCap: positiveMoney('重点会商市项目经费上限'),
    generalCityFundingCap: positiveMoney('一般会商市项目经费上限'),
    intervalYears: atLeastOne('会商间隔（年）'),
    keyCitiesPerYear: count('每年重点会商市数'),
    generalCitiesPerYearMax: count('每年一般会商市数上限'),
    opinionLeadMonths: count('提前报送意见（月）'),
    /** seed 002: 年度落实情况 by 12月25日 */
    annualReportDueMonthDay: z
      .string({ error: '请填写年度落实情况报送截止日' })
      .regex(/^\d{2}-\d{2}$/, '格式应为 MM-DD，如 12-25')
      // Checked in a leap year so that 02-29 is accepted; 02-30 or 13-01 are not.
      .refine((md) => isRealCalendarDate(2024, Number(md.slice(0, 2)), Number(md.slice(3))), '没有这一天，请检查月、日'),
    // Added with the 厅市会商 module; defaults let profiles saved before them still load.
    /** seed 002 第十九条: 每季度报送工作推进情况台账 — the clause sets no deadline (office default). */
    quarterlyReportDueDays: count('季度台账报送期限（季末后天数）').default(15),
    /** Reminder lead before the 年度落实情况 deadline (office default). */
    annualReportWarnDays: count('年度落实情况提前提醒（天）').default(30),
  }),
  rectification: z.object({
    dueSoonDays: count('临期提醒（天）'),
  }),
});

interface OrderedPair {
  group: 'advisors' | 'commissioners' | 'consultations';
  low: string;
  high: string;
  message: string;
}
/** Parameters that bound each other; the message goes under the upper one. */
const orderedPairs: OrderedPair[] = [
  { group: 'advisors', low: 'minVisitsPerYear', high: 'maxVisitsPerYear', message: '每年走访/座谈最多次数不能少于最少次数' },
  { group: 'commissioners', low: 'teamSizeMin', high: 'teamSizeMax', message: '特派团最多人数不能少于最少人数' },
  { group: 'consultations', low: 'generalCityFundingCap', high: 'keyCityFundingCap', message: '重点会商市经费上限不能低于一般会商市' },
];

// Checked even while other fields are wrong (`when`), so the clerk sees every problem at once;
// a pair with a missing side compares false and is left to its own field's message.
export const policyProfileSchema = policyProfileFields.superRefine(
  (profile, ctx) => {
    for (const { group, low, high, message } of orderedPairs) {
      const values = (profile[group] ?? {}) as Record<string, unknown>;
      const [a, b] = [values[low], values[high]];
      if (typeof a === 'number' && typeof b === 'number' && a > b) ctx.addIssue({ code: 'custom', message, path: [group, high] });
    }
  },
  { when: () => true },
);
export type PolicyProfile = z.infer<typeof policyProfileSchema>;

export const guangxiPreset: PolicyProfile = {
  presetId: 'guangxi',
  name: '自治区级（广西）',
  advisors: {
    stipendPerYear: 300_000,
    minVisitsPerYear: 1,
    maxVisitsPerYear: 2,
    annualSummaryDueDay: 10,
    termEndReportLeadDays: 30,
    suggestionFeedbackDays: 60,
    termEndingWarnDays: 90,
  },
  commissioners: {
    minDegree: '博士',
    minAcademicTitle: '副高级',
    teamSizeMin: 3,
    teamSizeMax: 5,
    minVisitsPerYear: 5,
    minServiceDaysPerYear: 30,
    servicePeriodYears: 2,
    subsidyPerYear: 10_000,
    excellentShareMax: 0.2,
    reportingCadence: '年度',
    agreementRenewable: false,
    eligibleUnitKinds: ['高校', '科研院所'],
    eligibleUnitInRegionOnly: true,
    excellentReward: 0,
    qualifiedReward: 0,
    quarterlyReportDueDays: 15,
    agreementEndingWarnDays: 30,
    targetYear: 2027,
    targetEnterprises: 1000,
    targetProjects: 500,
    targetTransfers: 300,
    targetRdAccountingPercent: 100,
  },
  consultations: {
    keyCityFundingCap: 20_000_000,
    generalCityFundingCap: 10_000_000,
    intervalYears: 3,
    keyCitiesPerYear: 1,
    generalCitiesPerYearMax: 2,
    opinionLeadMonths: 2,
    annualReportDueMonthDay: '12-25',
    quarterlyReportDueDays: 15,
    annualReportWarnDays: 30,
  },
  rectification: { dueSoonDays: 14 },
};

/** seed 004 (参照阳泉市办法): 硕士/中级, one-year renewable agreements, quarterly reports. */
export const cityPreset: PolicyProfile = {
  ...guangxiPreset,
  presetId: 'city',
  name: '设区市级（参照阳泉市办法）',
  commissioners: {
    ...guangxiPreset.commissioners,
    minDegree: '硕士',
    minAcademicTitle: '中级',
    minVisitsPerYear: 4,
    minServiceDaysPerYear: 0,
    servicePeriodYears: 1,
    reportingCadence: '季度',
    agreementRenewable: true,
    eligibleUnitKinds: ['高校', '科研院所', '科技服务机构', '事业单位', '企业', '本土人才'],
    eligibleUnitInRegionOnly: false,
  },
};

export const policyPresets = [guangxiPreset, cityPreset] as const;
