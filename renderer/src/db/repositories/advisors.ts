import type { LedgerRecord } from '../../../../shared/domain/ledgerTables';
import { canRecordStipend, checkTransition, type TransitionDetails } from '../../../../shared/domain/advisors/rules';
import type { Advisor, AdvisorPlan, AdvisorStatus } from '../../../../shared/domain/advisors/schema';
import type { AdvisorFile } from '../../../../shared/domain/advisors/reminders';
import type { SciLedgerDb } from '../database';
import { LedgerRepository, RecordNotFoundError, type CreateInput, type UpdateInput } from '../ledgerRepository';

/**
 * The only code that writes 科技顾问 and their sub-records (STYLE: repositories/advisors.ts is
 * the only place that writes advisors). Everything goes through LedgerRepository, so every write
 * is validated with the shared zod schema and change-tracked in the same transaction.
 * 聘书 (appointmentCertificates) are written by ./appointmentCertificates.ts.
 */

/** Tables of records that belong to one advisor (seed 000 §七.(一).5: the 工作台账). */
export const advisorRecordTables = ['advisorActivities', 'advisorSuggestions', 'advisorStipends', 'advisorPlans', 'advisorEvaluations'] as const;
export type AdvisorRecordTable = (typeof advisorRecordTables)[number];
export type AdvisorRecord<T extends AdvisorRecordTable> = LedgerRecord<T>;

/** A status step refused by the rules; `message` is the rule's Chinese reason. Nothing was written. */
export class TransitionRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TransitionRefusedError';
  }
}

/** Everything on one advisor's file: what reminders need, plus the plans the ledger shows. */
export interface AdvisorLedger extends AdvisorFile {
  plans: AdvisorPlan[];
}

export type NewAdvisor = Omit<CreateInput<'advisors'>, 'status'>;
/** Status changes only through changeAdvisorStatus, where the rules are checked. */
export type AdvisorChanges = Omit<UpdateInput<'advisors'>, 'status'>;

const repo = (db: SciLedgerDb) => new LedgerRepository(db);
const isActive = (r: { deletedAt?: string | null } | undefined) => !!r && !r.deletedAt;

// The fields a transition may fill in; anything else in `details` is ignored so that a status
// step cannot be used to edit the record behind the rules' back.
const detailKeys = ['reviewResult', 'reviewDate', 'approvalDate', 'dismissalReason', 'dismissalDate', 'certificateNumber', 'termStart', 'termEnd'] as const satisfies readonly (keyof TransitionDetails)[];

function pickDetails(details: TransitionDetails): TransitionDetails {
  const picked: Record<string, unknown> = {};
  for (const key of detailKeys) if (details[key] !== undefined && details[key] !== '') picked[key] = details[key];
  return picked as TransitionDetails;
}

// --- advisors --------------------------------------------------------------------------------

/** seed 000 §二(二): every file starts as a recommendation (推荐); later steps go through the rules. */
export function createAdvisor(db: SciLedgerDb, fields: NewAdvisor): Promise<Advisor> {
  const { status: _ignored, ...own } = fields as NewAdvisor & { status?: unknown };
  return repo(db).create('advisors', { ...own, status: '推荐' });
}

export function updateAdvisor(db: SciLedgerDb, id: string, changes: AdvisorChanges): Promise<Advisor> {
  const { status: _ignored, ...own } = changes as AdvisorChanges & { status?: unknown };
  return repo(db).update('advisors', id, own);
}

/**
 * Tombstones the advisor only: the sub-records stay as they were and disappear with it (they are
 * reached through the advisor), so 撤销 brings the whole file back exactly.
 */
export function removeAdvisor(db: SciLedgerDb, id: string): Promise<void> {
  return repo(db).remove('advisors', id);
}

export function restoreAdvisor(db: SciLedgerDb, id: string): Promise<void> {
  return repo(db).restore('advisors', id);
}

/**
 * Moves the advisor to `to` on `today` (YYYY-MM-DD) with the details entered for the step, in
 * one transaction: the rule is checked against the stored record, then status and details are
 * written together. A refusal throws TransitionRefusedError with the rule's Chinese reason and
 * leaves the record unchanged; warnings (原则上 clauses) are returned for the UI to show.
 * `remark` is appended to 备注 (e.g. why an approved file goes back to 评议).
 */
export async function changeAdvisorStatus(
  db: SciLedgerDb,
  advisorId: string,
  to: AdvisorStatus,
  details: TransitionDetails,
  today: string,
  remark?: string,
): Promise<{ advisor: Advisor; warnings: string[] }> {
  return db.transaction('rw', db.advisors, async () => {
    const advisor = await db.advisors.get(advisorId);
    if (!advisor || !isActive(advisor)) throw new RecordNotFoundError('advisors', advisorId);
    const picked = pickDetails(details);
    const verdict = checkTransition(advisor, to, today, picked);
    if (!verdict.ok) throw new TransitionRefusedError(verdict.reason);
    const note = remark?.trim() ? `${today} ${advisor.status}→${to}：${remark.trim()}` : undefined;
    const notes = note ? [advisor.notes, note].filter(Boolean).join('\n') : advisor.notes;
    const updated = await repo(db).update('advisors', advisorId, { ...picked, notes, status: to });
    return { advisor: updated, warnings: verdict.warnings };
  });
}

// --- sub-records (activities, suggestions, stipends, plans, evaluations) ----------------------

async function requireActiveAdvisor(db: SciLedgerDb, advisorId: unknown): Promise<Advisor> {
  const advisor = typeof advisorId === 'string' ? await db.advisors.get(advisorId) : undefined;
  if (!advisor || !isActive(advisor)) throw new RecordNotFoundError('advisors', String(advisorId));
  return advisor;
}

/**
 * Adds a record to an advisor's file; refuses if the advisor does not exist or was deleted, and
 * a 聘金 payment before the advisor is appointed (canRecordStipend).
 */
export function addAdvisorRecord<T extends AdvisorRecordTable>(db: SciLedgerDb, table: T, fields: CreateInput<T>): Promise<AdvisorRecord<T>> {
  return db.transaction('rw', [db.advisors, db.ledger(table)], async () => {
    const advisor = await requireActiveAdvisor(db, (fields as { advisorId?: unknown }).advisorId);
    if (table === 'advisorStipends') {
      const verdict = canRecordStipend(advisor);
      if (!verdict.ok) throw new TransitionRefusedError(verdict.reason);
    }
    return repo(db).create(table, fields);
  });
}

/** A record never moves to another advisor: `advisorId` in `changes` is ignored. */
export function updateAdvisorRecord<T extends AdvisorRecordTable>(db: SciLedgerDb, table: T, id: string, changes: UpdateInput<T>): Promise<AdvisorRecord<T>> {
  const { advisorId: _ignored, ...own } = changes as UpdateInput<T> & { advisorId?: unknown };
  return repo(db).update(table, id, own as UpdateInput<T>);
}

export function removeAdvisorRecord(db: SciLedgerDb, table: AdvisorRecordTable, id: string): Promise<void> {
  return repo(db).remove(table, id);
}

export function restoreAdvisorRecord(db: SciLedgerDb, table: AdvisorRecordTable, id: string): Promise<void> {
  return repo(db).restore(table, id);
}

// --- queries -----------------------------------------------------------------------------------

export function getAdvisor(db: SciLedgerDb, id: string): Promise<Advisor | undefined> {
  return repo(db).get('advisors', id);
}

export async function listAdvisors(db: SciLedgerDb): Promise<Advisor[]> {
  return repo(db).listActive('advisors');
}

/** When a record happened, for ordering: its date, else its (start) year. */
function sortKey(record: Record<string, unknown>): string {
  return String(record.date ?? record.year ?? record.startYear ?? '');
}

/** Active records of one table for one advisor, newest first (as a ledger is read). */
export async function listAdvisorRecords<T extends AdvisorRecordTable>(db: SciLedgerDb, table: T, advisorId: string): Promise<AdvisorRecord<T>[]> {
  const rows = await db.ledger(table).where('advisorId').equals(advisorId).toArray();
  return (rows as AdvisorRecord<T>[]).filter(isActive).sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
}

/** One advisor's whole file (for reminders, the detail page and the 工作台账 report). */
export async function loadAdvisorFile(db: SciLedgerDb, id: string): Promise<AdvisorLedger | undefined> {
  return db.transaction('r', [db.advisors, ...advisorRecordTables.map((t) => db.ledger(t))], async () => {
    const advisor = await getAdvisor(db, id);
    if (!advisor) return undefined;
    const [activities, suggestions, stipends, plans, evaluations] = await Promise.all([
      listAdvisorRecords(db, 'advisorActivities', id),
      listAdvisorRecords(db, 'advisorSuggestions', id),
      listAdvisorRecords(db, 'advisorStipends', id),
      listAdvisorRecords(db, 'advisorPlans', id),
      listAdvisorRecords(db, 'advisorEvaluations', id),
    ]);
    return { advisor, activities, suggestions, stipends, plans, evaluations };
  });
}

/** Every active advisor's file, read table by table (one pass each) rather than advisor by advisor. */
export async function loadAdvisorFiles(db: SciLedgerDb): Promise<AdvisorLedger[]> {
  return db.transaction('r', [db.advisors, ...advisorRecordTables.map((t) => db.ledger(t))], async () => {
    const advisors = await listAdvisors(db);
    const files = new Map<string, AdvisorLedger>(advisors.map((advisor) => [advisor.id, { advisor, activities: [], suggestions: [], stipends: [], plans: [], evaluations: [] }]));
    const into = async <T extends AdvisorRecordTable>(table: T, pick: (file: AdvisorLedger) => AdvisorRecord<T>[]) => {
      for (const record of await repo(db).listActive(table)) {
        const file = files.get((record as { advisorId: string }).advisorId);
        if (file) pick(file).push(record as AdvisorRecord<T>);
      }
    };
    await into('advisorActivities', (f) => f.activities);
    await into('advisorSuggestions', (f) => f.suggestions);
    await into('advisorStipends', (f) => f.stipends);
    await into('advisorPlans', (f) => f.plans);
    await into('advisorEvaluations', (f) => f.evaluations);
    return [...files.values()];
  });
}
