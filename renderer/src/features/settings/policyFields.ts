import type { PolicyProfile } from '../../../../shared/policy/profile';
import { policyGroupLabels, policyParameterLabels } from '../../../../shared/policy/profileLabels';

/** How each policy parameter is shown in 设置 → 政策配置: label, unit, input kind, source clause. */
export type PolicyFieldKind = 'money' | 'count' | 'share' | 'day' | 'monthDay' | 'select';

export interface PolicyField {
  path: [keyof Omit<PolicyProfile, 'presetId' | 'name'>, string];
  label: string;
  kind: PolicyFieldKind;
  unit?: string;
  options?: readonly string[];
  source: string;
}

export interface PolicyGroup {
  key: keyof Omit<PolicyProfile, 'presetId' | 'name'>;
  title: string;
  fields: PolicyField[];
}

export const policyGroups: PolicyGroup[] = [
  {
    key: 'advisors',
    title: policyGroupLabels.advisors,
    fields: [
      { path: ['advisors', 'stipendPerYear'], label: policyParameterLabels.advisors.stipendPerYear, kind: 'money', unit: '元/人/年', source: '科技顾问办法 第六条' },
      { path: ['advisors', 'minVisitsPerYear'], label: policyParameterLabels.advisors.minVisitsPerYear, kind: 'count', unit: '次', source: '科技顾问办法 第五条' },
      { path: ['advisors', 'maxVisitsPerYear'], label: policyParameterLabels.advisors.maxVisitsPerYear, kind: 'count', unit: '次', source: '科技顾问办法 第五条' },
      { path: ['advisors', 'annualSummaryDueDay'], label: policyParameterLabels.advisors.annualSummaryDueDay, kind: 'day', unit: '日', source: '科技顾问办法 第七条：12月上旬' },
      { path: ['advisors', 'termEndReportLeadDays'], label: policyParameterLabels.advisors.termEndReportLeadDays, kind: 'count', unit: '天', source: '科技顾问办法 第七条：聘期结束前一个月' },
      { path: ['advisors', 'suggestionFeedbackDays'], label: policyParameterLabels.advisors.suggestionFeedbackDays, kind: 'count', unit: '天', source: '本单位规定' },
      { path: ['advisors', 'termEndingWarnDays'], label: policyParameterLabels.advisors.termEndingWarnDays, kind: 'count', unit: '天', source: '本单位规定' },
    ],
  },
  {
    key: 'commissioners',
    title: policyGroupLabels.commissioners,
    fields: [
      { path: ['commissioners', 'minDegree'], label: policyParameterLabels.commissioners.minDegree, kind: 'select', options: ['博士', '硕士', '学士'], source: '选派条件' },
      { path: ['commissioners', 'minAcademicTitle'], label: policyParameterLabels.commissioners.minAcademicTitle, kind: 'select', options: ['正高级', '副高级', '中级', '初级'], source: '选派条件（与学位满足其一）' },
      { path: ['commissioners', 'teamSizeMin'], label: policyParameterLabels.commissioners.teamSizeMin, kind: 'count', unit: '人', source: '科技特派团 3—5 人' },
      { path: ['commissioners', 'teamSizeMax'], label: policyParameterLabels.commissioners.teamSizeMax, kind: 'count', unit: '人', source: '科技特派团 3—5 人' },
      { path: ['commissioners', 'minVisitsPerYear'], label: policyParameterLabels.commissioners.minVisitsPerYear, kind: 'count', unit: '次', source: '服务要求' },
      { path: ['commissioners', 'minServiceDaysPerYear'], label: policyParameterLabels.commissioners.minServiceDaysPerYear, kind: 'count', unit: '天', source: '服务要求' },
      { path: ['commissioners', 'servicePeriodYears'], label: policyParameterLabels.commissioners.servicePeriodYears, kind: 'count', unit: '年', source: '合作协议' },
      { path: ['commissioners', 'subsidyPerYear'], label: policyParameterLabels.commissioners.subsidyPerYear, kind: 'money', unit: '元/人/年', source: '保障措施（团队按 1 人计）' },
      { path: ['commissioners', 'excellentShareMax'], label: policyParameterLabels.commissioners.excellentShareMax, kind: 'share', unit: '%', source: '年度考核' },
      { path: ['commissioners', 'reportingCadence'], label: policyParameterLabels.commissioners.reportingCadence, kind: 'select', options: ['年度', '季度'], source: '管理考核' },
      { path: ['commissioners', 'quarterlyReportDueDays'], label: policyParameterLabels.commissioners.quarterlyReportDueDays, kind: 'count', unit: '天', source: '设区市办法 第十七条未定期限（本单位规定）' },
      { path: ['commissioners', 'agreementEndingWarnDays'], label: policyParameterLabels.commissioners.agreementEndingWarnDays, kind: 'count', unit: '天', source: '本单位规定' },
      { path: ['commissioners', 'excellentReward'], label: policyParameterLabels.commissioners.excellentReward, kind: 'money', unit: '元/人', source: '设区市办法 第十九条（未定金额，0 为不设）' },
      { path: ['commissioners', 'qualifiedReward'], label: policyParameterLabels.commissioners.qualifiedReward, kind: 'money', unit: '元/人', source: '设区市办法 第十九条（未定金额，0 为不设）' },
      { path: ['commissioners', 'targetYear'], label: policyParameterLabels.commissioners.targetYear, kind: 'count', unit: '年', source: '工作方案 工作目标：到2027年底' },
      { path: ['commissioners', 'targetEnterprises'], label: policyParameterLabels.commissioners.targetEnterprises, kind: 'count', unit: '家', source: '工作目标：累计服务企业1000家以上' },
      { path: ['commissioners', 'targetProjects'], label: policyParameterLabels.commissioners.targetProjects, kind: 'count', unit: '项', source: '工作目标：参与企业科技攻关项目500项以上' },
      { path: ['commissioners', 'targetTransfers'], label: policyParameterLabels.commissioners.targetTransfers, kind: 'count', unit: '项', source: '工作目标：推动企业转化应用科技成果300项以上' },
      { path: ['commissioners', 'targetRdAccountingPercent'], label: policyParameterLabels.commissioners.targetRdAccountingPercent, kind: 'count', unit: '%', source: '工作目标：派驻企业100%建立研发投入核算制度，研发活动覆盖率100%' },
    ],
  },
  {
    key: 'consultations',
    title: policyGroupLabels.consultations,
    fields: [
      { path: ['consultations', 'keyCityFundingCap'], label: policyParameterLabels.consultations.keyCityFundingCap, kind: 'money', unit: '元', source: '会商办法：不超过 2000 万元' },
      { path: ['consultations', 'generalCityFundingCap'], label: policyParameterLabels.consultations.generalCityFundingCap, kind: 'money', unit: '元', source: '会商办法：不超过 1000 万元' },
      { path: ['consultations', 'intervalYears'], label: policyParameterLabels.consultations.intervalYears, kind: 'count', unit: '年', source: '原则上每三年一次' },
      { path: ['consultations', 'keyCitiesPerYear'], label: policyParameterLabels.consultations.keyCitiesPerYear, kind: 'count', unit: '个', source: '每年 1 个' },
      { path: ['consultations', 'generalCitiesPerYearMax'], label: policyParameterLabels.consultations.generalCitiesPerYearMax, kind: 'count', unit: '个', source: '每年 1—2 个' },
      { path: ['consultations', 'opinionLeadMonths'], label: policyParameterLabels.consultations.opinionLeadMonths, kind: 'count', unit: '个月', source: '会商前两个月' },
      { path: ['consultations', 'annualReportDueMonthDay'], label: policyParameterLabels.consultations.annualReportDueMonthDay, kind: 'monthDay', unit: '（MM-DD）', source: '每年 12 月 25 日前' },
      { path: ['consultations', 'quarterlyReportDueDays'], label: policyParameterLabels.consultations.quarterlyReportDueDays, kind: 'count', unit: '天', source: '每季度报送（期限为本单位规定）' },
      { path: ['consultations', 'annualReportWarnDays'], label: policyParameterLabels.consultations.annualReportWarnDays, kind: 'count', unit: '天', source: '本单位规定' },
    ],
  },
  {
    key: 'rectification',
    title: policyGroupLabels.rectification,
    fields: [{ path: ['rectification', 'dueSoonDays'], label: policyParameterLabels.rectification.dueSoonDays, kind: 'count', unit: '天', source: '本单位规定' }],
  },
];

/** Shares are stored as 0–1 and edited as percentages, the way the policies write them. */
export function toPolicyFormValues(profile: PolicyProfile) {
  return { ...profile, commissioners: { ...profile.commissioners, excellentShareMax: Math.round(profile.commissioners.excellentShareMax * 1000) / 10 } };
}

/** Back to the stored shape; an emptied share stays empty (the schema says 请填写), never 0. */
export function fromPolicyFormValues(values: ReturnType<typeof toPolicyFormValues>): unknown {
  const share = values.commissioners?.excellentShareMax;
  return { ...values, commissioners: { ...values.commissioners, excellentShareMax: typeof share === 'number' ? share / 100 : share } };
}
