/**
 * Chinese labels of the 科技特派员 fields that shared/domain/fieldLabels.ts does not name yet
 * (added by issue 12). Kept here so the forms branch's fieldLabels.ts is untouched; the lead can
 * merge these into `fieldLabels` / `tableFieldLabels` (keys are the schema field names).
 */
export const commissionerFieldLabels: Record<string, string> = {
  dispatchUnitId: '派出单位',
  priorityFlags: '优先选派类别',
  eligibilityOverrideReason: '破格选派理由',
  eligibilityOverrideDate: '破格选派日期',
  disqualifiedDate: '取消资格日期',
  disqualificationReasons: '取消资格原因',
  disqualificationNote: '取消资格说明',
  inRegion: '区内单位',
  legalRepresentative: '法定代表人',
  county: '县（区）',
  address: '地址',
  hasRdAccounting: '已建立研发投入核算制度',
  hasRdActivity: '已开展研发活动',
  stageDates: '派驻程序日期',
  renewsAgreementId: '续签自',
  terminatedDate: '终止日期',
  terminationReason: '终止原因',
  tookPart: '参加考核',
  grade: '考核等次',
  enterpriseEvaluation: '派驻企业评价',
  countyOpinion: '县（区）意见',
  assessedDate: '考核日期',
  payee: '领取人',
  paidDate: '发放日期',
  voucherNumber: '凭证号',
  requestedBy: '申请方',
  requestDate: '申请日期',
  decision: '审批意见',
  approvalDate: '审批日期',
  quarter: '季度',
  submittedDate: '报送日期',
};

/** Labels of the policy-profile parameters added for the module (for 设置 → 政策配置). */
export const commissionerPolicyLabels: Record<string, string> = {
  agreementRenewable: '协议期满可续签',
  eligibleUnitKinds: '可选派的派出单位类型',
  eligibleUnitInRegionOnly: '仅限区内派出单位',
  excellentReward: '考核优秀奖励（元）',
  qualifiedReward: '考核合格奖励（元）',
  quarterlyReportDueDays: '季度报告报送期限（季末后天数）',
  agreementEndingWarnDays: '服务期届满提醒（天）',
};
