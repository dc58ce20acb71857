import { Dexie } from 'dexie';
import { complianceForYear, complianceFromTotals, currentCompliance, serviceYears, type Compliance } from '../../../../shared/domain/commissioners/compliance';
import { agreementReminders, type CommissionerReminder } from '../../../../shared/domain/commissioners/reminders';
import { effectiveEndDate, type CommissionerRules } from '../../../../shared/domain/commissioners/rules';
import type {
  ChangeRequest,
  Commissioner,
  CommissionerAssessment,
  CommissionerOutcome,
  CommissionerSubsidy,
  CommissionerTeam,
  CooperationAgreement,
  QuarterlyReport,
  ServiceLog,
} from '../../../../shared/domain/commissioners/schema';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import type { SciLedgerDb } from '../database';
import { agreementFacts, asComplianceLog, SERVICE_LOG_FACTS_TABLE } from '../serviceLogFacts';
import { SERVICE_YEAR_SUMMARIES_TABLE, type ServiceYearSummaryRow } from '../serviceYearSummaries';
import { LedgerRepository, type CreateInput, type UpdateInput } from '../ledgerRepository';

/**
 * 科技特派员 reads for the screens: one commissioner's file, the roster rows of the ids on
 * screen, and the year's compliance of every agreement. Service logs are always read through
 * the [agreementId+date] index (one agreement's range), never the whole table.
 */

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
const repo = (db: SciLedgerDb) => new LedgerRepository(db);

/** Tables edited through the plain record forms (no rule beyond the record's own schema). */
export type PlainCommissionerTable = Extract<
  LedgerTableName,
  'commissioners' | 'dispatchUnits' | 'hostEnterprises' | 'commissionerOutcomes' | 'commissionerSubsidies' | 'commissionerChangeRequests' | 'commissionerQuarterlyReports'
>;

export function addCommissionerRecord<T extends PlainCommissionerTable>(db: SciLedgerDb, table: T, fields: CreateInput<T>) {
  return repo(db).create(table, fields);
}
export function updateCommissionerRecord<T extends PlainCommissionerTable>(db: SciLedgerDb, table: T, id: string, changes: UpdateInput<T>) {
  return repo(db).update(table, id, changes);
}
/** Tombstone and its undo, for every 科技特派员 table (teams, agreements and logs included). */
export function removeCommissionerRecord(db: SciLedgerDb, table: LedgerTableName, id: string) {
  return repo(db).remove(table, id);
}
export function restoreCommissionerRecord(db: SciLedgerDb, table: LedgerTableName, id: string) {
  return repo(db).restore(table, id);
}

/**
 * A signed agreement puts its 乙方 in service: the commissioner, or every member of the team,
 * moves to 服务中 unless already further along (期满, 取消资格 stay as they are).
 */
export async function markInService(db: SciLedgerDb, agreement: Pick<CooperationAgreement, 'commissionerId' | 'teamId'>): Promise<void> {
  const team = agreement.teamId ? await db.commissionerTeams.get(agreement.teamId) : undefined;
  const ids = team ? team.memberIds : agreement.commissionerId ? [agreement.commissionerId] : [];
  for (const id of ids) {
    const person = await db.commissioners.get(id);
    if (person && !person.deletedAt && ['意向', '已匹配', '已公示'].includes(person.status)) await repo(db).update('commissioners', id, { status: '服务中' });
  }
}

/** Agreements where the commissioner is 乙方, in person or through their team, newest first. */
export async function agreementsOf(db: SciLedgerDb, commissioner: Pick<Commissioner, 'id' | 'teamId'>): Promise<CooperationAgreement[]> {
  const [own, team] = await Promise.all([
    db.cooperationAgreements.where('commissionerId').equals(commissioner.id).toArray(),
    commissioner.teamId ? db.cooperationAgreements.where('teamId').equals(commissioner.teamId).toArray() : Promise.resolve([]),
  ]);
  return alive([...own, ...team]).sort((a, b) => (b.startDate ?? b.createdAt).localeCompare(a.startDate ?? a.createdAt));
}

/** Every log of one agreement, by date (an index range). */
export async function agreementLogs(db: SciLedgerDb, agreementId: string): Promise<ServiceLog[]> {
  return alive(await db.serviceLogs.where('[agreementId+date]').between([agreementId, Dexie.minKey], [agreementId, Dexie.maxKey]).toArray());
}

export interface AgreementFileView {
  agreement: CooperationAgreement;
  logs: ServiceLog[];
  subsidies: CommissionerSubsidy[];
  changeRequests: ChangeRequest[];
  quarterlyReports: QuarterlyReport[];
  outcomes: CommissionerOutcome[];
}

export interface CommissionerFile {
  commissioner: Commissioner;
  team?: CommissionerTeam;
  agreements: AgreementFileView[];
  assessments: CommissionerAssessment[];
}

async function agreementView(db: SciLedgerDb, agreement: CooperationAgreement): Promise<AgreementFileView> {
  const byAgreement = <T extends { deletedAt?: string | null }>(table: 'commissionerSubsidies' | 'commissionerChangeRequests' | 'commissionerQuarterlyReports' | 'commissionerOutcomes') =>
    db
      .table(table)
      .where('agreementId')
      .equals(agreement.id)
      .toArray()
      .then((rows) => alive(rows as T[]));
  const [logs, subsidies, changeRequests, quarterlyReports, outcomes] = await Promise.all([
    agreementLogs(db, agreement.id),
    byAgreement<CommissionerSubsidy>('commissionerSubsidies'),
    byAgreement<ChangeRequest>('commissionerChangeRequests'),
    byAgreement<QuarterlyReport>('commissionerQuarterlyReports'),
    byAgreement<CommissionerOutcome>('commissionerOutcomes'),
  ]);
  return { agreement, logs, subsidies, changeRequests, quarterlyReports, outcomes };
}

/** One commissioner's whole file, or undefined when missing or deleted. */
export async function loadCommissionerFile(db: SciLedgerDb, id: string): Promise<CommissionerFile | undefined> {
  const commissioner = await db.commissioners.get(id);
  if (!commissioner || commissioner.deletedAt) return undefined;
  const teamRecord = commissioner.teamId ? await db.commissionerTeams.get(commissioner.teamId) : undefined;
  const team = teamRecord && !teamRecord.deletedAt ? teamRecord : undefined;
  const agreements = await agreementsOf(db, { id, teamId: team?.id });
  const [views, own, ofTeam] = await Promise.all([
    Promise.all(agreements.map((a) => agreementView(db, a))),
    db.commissionerAssessments.where('commissionerId').equals(id).toArray(),
    team ? db.commissionerAssessments.where('teamId').equals(team.id).toArray() : Promise.resolve([]),
  ]);
  return { commissioner, team, agreements: views, assessments: alive([...own, ...ofTeam]).sort((a, b) => b.year - a.year) };
}

export interface RosterFigures {
  /** The agreement in force today (or the latest one). */
  agreement?: CooperationAgreement;
  enterpriseName?: string;
  compliance?: Compliance;
  reminders: CommissionerReminder[];
}

/** What the roster shows beside each commissioner of `ids`: current dispatch, compliance, what is due. */
export async function loadRosterFigures(db: SciLedgerDb, ids: readonly string[], today: string, rules: CommissionerRules): Promise<Map<string, { commissioner: Commissioner; figures: RosterFigures }>> {
  const people = alive((await db.commissioners.bulkGet([...ids])).filter((c): c is Commissioner => !!c));
  const out = new Map<string, { commissioner: Commissioner; figures: RosterFigures }>();
  await Promise.all(
    people.map(async (commissioner) => {
      const agreements = await agreementsOf(db, commissioner);
      const agreement = agreements.find((a) => a.status === '生效') ?? agreements[0];
      if (!agreement) return out.set(commissioner.id, { commissioner, figures: { reminders: [] } });
      const [enterprise, logs, reports] = await Promise.all([
        db.hostEnterprises.get(agreement.enterpriseId),
        agreementLogs(db, agreement.id),
        db.commissionerQuarterlyReports.where('agreementId').equals(agreement.id).toArray(),
      ]);
      const compliance = currentCompliance(agreement, logs, today, rules);
      const reminders = agreementReminders({ agreement, logs, quarterlyReports: alive(reports) }, today, rules);
      out.set(commissioner.id, { commissioner, figures: { agreement, enterpriseName: enterprise?.name, compliance, reminders } });
    }),
  );
  return out;
}

export interface ComplianceRow {
  agreement: CooperationAgreement;
  compliance: Compliance;
}

/** Live agreements signed and in force, ended or terminated (not 草拟), each status one getAll. */
async function signedAgreements(db: SciLedgerDb): Promise<CooperationAgreement[]> {
  const lists = await Promise.all((['生效', '期满', '终止'] as const).map((status) => db.cooperationAgreements.where('status').equals(status).toArray()));
  return alive(lists.flat());
}

/**
 * 履职监测: every signed agreement's service year containing `date` (a year is counted from the
 * dispatch, seed 001 §五(三)), from its service-year summary row (serviceYearSummaries.ts, kept by
 * the write path): one small row per agreement, no log read. A row that cannot answer — missing,
 * for other year bounds, or holding a log dated after `today` (which compliance leaves out) —
 * falls back to the agreement's facts, one key range.
 */
export async function complianceOverview(db: SciLedgerDb, date: string, today: string, rules: CommissionerRules): Promise<ComplianceRow[]> {
  const summaries = db.table<ServiceYearSummaryRow, [string, string]>(SERVICE_YEAR_SUMMARIES_TABLE);
  // One read transaction: a thousand agreements are a thousand keys, not a thousand transactions.
  return db.transaction('r', [db.cooperationAgreements, summaries, db.table(SERVICE_LOG_FACTS_TABLE)], async () => {
    // One getAll per status (anyOf walks a cursor, a request per record) and one for every
    // summary row: three small tables' worth of requests, whatever the number of agreements.
    const [agreements, summaryRows] = await Promise.all([signedAgreements(db), summaries.toArray()]);
    // Rows come in key order, [agreementId+start]: each agreement's service years in order.
    const byAgreement = new Map<string, ServiceYearSummaryRow[]>();
    for (const row of summaryRows) {
      const list = byAgreement.get(row.agreementId);
      if (list) list.push(row);
      else byAgreement.set(row.agreementId, [row]);
    }
    // Plain loop, no await per agreement: a thousand awaits inside a transaction cost more
    // than the reads. Only an agreement its rows cannot answer goes to its facts.
    const out: (ComplianceRow | undefined)[] = [];
    const fallbacks: { at: number; agreement: CooperationAgreement }[] = [];
    for (const agreement of agreements) {
      const rows = byAgreement.get(agreement.id);
      // The rows are this agreement's service years (rebuilt with every write of it); the
      // first start and last end are checked all the same, cheaply, before trusting them.
      if (rows && rows[0].start === agreement.startDate && rows[rows.length - 1].end === effectiveEndDate(agreement)) {
        const index = rows.findIndex((r) => r.start <= date && date <= r.end);
        if (index < 0) continue; // no service year contains the date
        const row = rows[index];
        if (row.lastDate === null || row.lastDate <= today) {
          out.push({ agreement, compliance: complianceFromTotals({ index: index + 1, start: row.start, end: row.end }, row, today, rules) });
          continue;
        }
      }
      fallbacks.push({ at: out.length, agreement });
      out.push(undefined);
    }
    await Promise.all(
      fallbacks.map(async ({ at, agreement }) => {
        const year = serviceYears(agreement).find((y) => y.start <= date && date <= y.end);
        if (!year) return;
        const facts = await agreementFacts(db, agreement.id, year.start, year.end);
        out[at] = { agreement, compliance: complianceForYear(year, facts.map(asComplianceLog), today, rules) };
      }),
    );
    return out.filter((r): r is ComplianceRow => !!r);
  });
}
