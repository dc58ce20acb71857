import type { LedgerTableName } from './ledgerTables';

/**
 * Fields that point at another ledger record, and the table they point into. Lets the audit
 * trail, sync summaries and reports show a name instead of a UUID.
 */
export const referenceFields: Record<string, LedgerTableName> = {
  advisorId: 'advisors',
  commissionerId: 'commissioners',
  leaderId: 'commissioners',
  memberIds: 'commissioners',
  teamId: 'commissionerTeams',
  enterpriseId: 'hostEnterprises',
  agreementId: 'cooperationAgreements',
  renewsAgreementId: 'cooperationAgreements',
  dispatchUnitId: 'dispatchUnits',
  roundId: 'consultationRounds',
  topicId: 'consultationTopics',
};
