import { ledgerTableNames, ledgerTables, type LedgerTableName } from './ledgerTables';

/** The app's modules (DESIGN: features/<module>) that own ledger tables. */
export type LedgerModuleId = 'settings' | 'advisors' | 'commissioners' | 'consultations' | 'rectification' | 'attachments';

/**
 * Which module shows each table. Counts and previews list a table only once its module exists
 * in the app (issue 8 item 15: 数据维护 counted 科技特派员 records nothing could open). A Record
 * over every table name: a new table without a module is a compile error.
 */
export const ledgerTableModules: Record<LedgerTableName, LedgerModuleId> = {
  settings: 'settings',
  advisors: 'advisors',
  advisorActivities: 'advisors',
  advisorSuggestions: 'advisors',
  advisorStipends: 'advisors',
  advisorPlans: 'advisors',
  advisorEvaluations: 'advisors',
  appointmentCertificates: 'advisors',
  commissioners: 'commissioners',
  commissionerTeams: 'commissioners',
  hostEnterprises: 'commissioners',
  cooperationAgreements: 'commissioners',
  serviceLogs: 'commissioners',
  commissionerAssessments: 'commissioners',
  dispatchUnits: 'commissioners',
  commissionerOutcomes: 'commissioners',
  commissionerSubsidies: 'commissioners',
  commissionerChangeRequests: 'commissioners',
  commissionerQuarterlyReports: 'commissioners',
  consultationRounds: 'consultations',
  consultationTopics: 'consultations',
  consultationProgress: 'consultations',
  consultationAnnualReports: 'consultations',
  consultationEvaluations: 'consultations',
  rectificationPlans: 'rectification',
  rectificationItems: 'rectification',
  rectificationProgressNotes: 'rectification',
  // 附件 belong to records of every module; they are counted once the app shows them.
  attachments: 'attachments',
};

/** Tables whose module is among `moduleIds`, in declaration order. */
export function tablesOfModules(moduleIds: readonly string[]): LedgerTableName[] {
  return ledgerTableNames.filter((t) => moduleIds.includes(ledgerTableModules[t]));
}

/** "科技顾问 3 条、咨询建议 5 条": what a bundle holds, per ledger, in the clerk's words. */
export function describeRecordCounts(perTable: Partial<Record<string, number>>, shown: readonly LedgerTableName[]): string {
  const parts = shown.filter((t) => (perTable[t] ?? 0) > 0).map((t) => `${ledgerTables[t].label} ${perTable[t]} 条`);
  const other = Object.entries(perTable)
    .filter(([t]) => !shown.includes(t as LedgerTableName))
    .reduce((n, [, c]) => n + (c ?? 0), 0);
  if (other) parts.push(`其他 ${other} 条`);
  return parts.join('、') || '没有记录';
}
