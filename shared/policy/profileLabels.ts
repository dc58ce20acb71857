import type { PolicyProfile } from './profile';

type Group = keyof Omit<PolicyProfile, 'presetId' | 'name'>;

/** Chinese names of the policy profile's groups and parameters: 设置 → 政策配置 and 操作记录 read them. */
export const policyGroupLabels: Record<Group, string> = {
  advisors: '科技顾问',
  commissioners: '科技特派员',
  consultations: '厅市会商',
  rectification: '整改台账',
};

export const policyParameterLabels: { [G in Group]: Record<keyof PolicyProfile[G], string> } = {
  advisors: {
    stipendPerYear: '聘金（税后）',
    minVisitsPerYear: '每年走访/座谈最少',
    maxVisitsPerYear: '每年走访/座谈最多',
    annualSummaryDueDay: '年度总结报送截止（12月）',
    termEndReportLeadDays: '期满报告提前',
    suggestionFeedbackDays: '建议待反馈提醒',
    termEndingWarnDays: '聘期届满提醒',
  },
  commissioners: {
    minDegree: '学位要求（不低于）',
    minAcademicTitle: '职称要求（不低于）',
    teamSizeMin: '特派团最少人数',
    teamSizeMax: '特派团最多人数',
    minVisitsPerYear: '每年深入企业服务最少',
    minServiceDaysPerYear: '每年累计服务最少',
    servicePeriodYears: '服务期',
    subsidyPerYear: '工作补助',
    excellentShareMax: '优秀等次比例上限',
    reportingCadence: '工作进展报送',
    agreementRenewable: '协议期满可续签',
    eligibleUnitKinds: '可选派的派出单位类型',
    eligibleUnitInRegionOnly: '仅限区内派出单位',
    excellentReward: '考核优秀奖励（元）',
    qualifiedReward: '考核合格奖励（元）',
    quarterlyReportDueDays: '季度报告报送期限（季末后天数）',
    agreementEndingWarnDays: '服务期届满提醒（天）',
    targetYear: '工作目标年度（年底）',
    targetEnterprises: '目标：服务企业',
    targetProjects: '目标：参与企业科技攻关项目',
    targetTransfers: '目标：成果转化应用',
    targetRdAccountingPercent: '目标：派驻企业建立研发投入核算制度并开展研发活动',
  },
  consultations: {
    keyCityFundingCap: '重点会商市项目经费上限',
    generalCityFundingCap: '一般会商市项目经费上限',
    intervalYears: '同一市会商间隔',
    keyCitiesPerYear: '每年重点会商市',
    generalCitiesPerYearMax: '每年一般会商市上限',
    opinionLeadMonths: '会前报送具体意见',
    annualReportDueMonthDay: '年度落实情况报送截止',
    quarterlyReportDueDays: '季度推进情况台账报送期限（季末后天数）',
    annualReportWarnDays: '年度落实情况提前提醒（天）',
  },
  rectification: {
    dueSoonDays: '临期提醒',
  },
};

/** 'advisors.stipendPerYear' → 科技顾问·聘金（税后）, and the profile's own fields. */
export function policyPathLabels(): Record<string, string> {
  const labels: Record<string, string> = { presetId: '预设', name: '配置名称' };
  for (const [group, params] of Object.entries(policyParameterLabels)) {
    const title = policyGroupLabels[group as Group];
    labels[group] = title;
    for (const [key, label] of Object.entries(params)) labels[`${group}.${key}`] = `${title}·${label}`;
  }
  return labels;
}
