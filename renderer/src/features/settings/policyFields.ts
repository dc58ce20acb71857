import type { PolicyProfile } from '../../../../shared/policy/profile';

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
    title: '科技顾问',
    fields: [
      { path: ['advisors', 'stipendPerYear'], label: '聘金（税后）', kind: 'money', unit: '元/人/年', source: '科技顾问办法 第六条' },
      { path: ['advisors', 'minVisitsPerYear'], label: '每年走访/座谈最少', kind: 'count', unit: '次', source: '科技顾问办法 第五条' },
      { path: ['advisors', 'maxVisitsPerYear'], label: '每年走访/座谈最多', kind: 'count', unit: '次', source: '科技顾问办法 第五条' },
      { path: ['advisors', 'annualSummaryDueDay'], label: '年度总结报送截止（12月）', kind: 'day', unit: '日', source: '科技顾问办法 第七条：12月上旬' },
      { path: ['advisors', 'termEndReportLeadDays'], label: '期满报告提前', kind: 'count', unit: '天', source: '科技顾问办法 第七条：聘期结束前一个月' },
      { path: ['advisors', 'suggestionFeedbackDays'], label: '建议待反馈提醒', kind: 'count', unit: '天', source: '本单位规定' },
      { path: ['advisors', 'termEndingWarnDays'], label: '聘期届满提醒', kind: 'count', unit: '天', source: '本单位规定' },
    ],
  },
  {
    key: 'commissioners',
    title: '科技特派员',
    fields: [
      { path: ['commissioners', 'minDegree'], label: '学位要求（不低于）', kind: 'select', options: ['博士', '硕士', '学士'], source: '选派条件' },
      { path: ['commissioners', 'minAcademicTitle'], label: '职称要求（不低于）', kind: 'select', options: ['正高级', '副高级', '中级', '初级'], source: '选派条件（与学位满足其一）' },
      { path: ['commissioners', 'teamSizeMin'], label: '特派团最少人数', kind: 'count', unit: '人', source: '科技特派团 3—5 人' },
      { path: ['commissioners', 'teamSizeMax'], label: '特派团最多人数', kind: 'count', unit: '人', source: '科技特派团 3—5 人' },
      { path: ['commissioners', 'minVisitsPerYear'], label: '每年深入企业服务最少', kind: 'count', unit: '次', source: '服务要求' },
      { path: ['commissioners', 'minServiceDaysPerYear'], label: '每年累计服务最少', kind: 'count', unit: '天', source: '服务要求' },
      { path: ['commissioners', 'servicePeriodYears'], label: '服务期', kind: 'count', unit: '年', source: '合作协议' },
      { path: ['commissioners', 'subsidyPerYear'], label: '工作补助', kind: 'money', unit: '元/人/年', source: '保障措施（团队按 1 人计）' },
      { path: ['commissioners', 'excellentShareMax'], label: '优秀等次比例上限', kind: 'share', unit: '%', source: '年度考核' },
      { path: ['commissioners', 'reportingCadence'], label: '工作进展报送', kind: 'select', options: ['年度', '季度'], source: '管理考核' },
    ],
  },
  {
    key: 'consultations',
    title: '厅市会商',
    fields: [
      { path: ['consultations', 'keyCityFundingCap'], label: '重点会商市项目经费上限', kind: 'money', unit: '元', source: '会商办法：不超过 2000 万元' },
      { path: ['consultations', 'generalCityFundingCap'], label: '一般会商市项目经费上限', kind: 'money', unit: '元', source: '会商办法：不超过 1000 万元' },
      { path: ['consultations', 'intervalYears'], label: '同一市会商间隔', kind: 'count', unit: '年', source: '原则上每三年一次' },
      { path: ['consultations', 'keyCitiesPerYear'], label: '每年重点会商市', kind: 'count', unit: '个', source: '每年 1 个' },
      { path: ['consultations', 'generalCitiesPerYearMax'], label: '每年一般会商市上限', kind: 'count', unit: '个', source: '每年 1—2 个' },
      { path: ['consultations', 'opinionLeadMonths'], label: '会前报送具体意见', kind: 'count', unit: '个月', source: '会商前两个月' },
      { path: ['consultations', 'annualReportDueMonthDay'], label: '年度落实情况报送截止', kind: 'monthDay', unit: '（MM-DD）', source: '每年 12 月 25 日前' },
    ],
  },
  {
    key: 'rectification',
    title: '整改台账',
    fields: [{ path: ['rectification', 'dueSoonDays'], label: '临期提醒', kind: 'count', unit: '天', source: '本单位规定' }],
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
