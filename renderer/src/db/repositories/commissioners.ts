import { Dexie } from 'dexie';
import { checkAssessment } from '../../../../shared/domain/commissioners/assessment';
import { checkServiceLog, currentCompliance, type Compliance } from '../../../../shared/domain/commissioners/compliance';
import { checkOneDispatchPerEnterprise, checkServicePeriod, checkTeamMembership, checkTeamSize, type CommissionerRules } from '../../../../shared/domain/commissioners/rules';
import type { CommissionerAssessment, CommissionerTeam, CooperationAgreement, ServiceLog } from '../../../../shared/domain/commissioners/schema';
import type { SciLedgerDb } from '../database';
import { attachmentKeep, narrowIds, type AttachmentFilterValue } from '../../../../shared/attachments/filter';
import { countsOfTable } from '../attachments/counts';
import { buildRecord, RecordNotFoundError, type CreateInput } from '../ledgerRepository';
import { validateRecord } from '../validation';

/**
 * 科技特派员 writes that need more than the record's own schema: the rules of
 * shared/domain/commissioners checked against the stored records inside one `rw` transaction,
 * so a refused write leaves nothing behind. Reads go through indexes (schema version 11), never
 * the whole service-log table.
 */

/** A rule refused the write; `reason` is the Chinese sentence for the form. Nothing was written. */
export class CommissionerRuleError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CommissionerRuleError';
  }
}

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
const nowIso = () => new Date().toISOString();

/** Creates (no id or a new id) or replaces an agreement; a 生效 one must pass the dispatch rules. */
export async function saveAgreement(db: SciLedgerDb, fields: CreateInput<'cooperationAgreements'>, rules: CommissionerRules): Promise<CooperationAgreement> {
  return db.transaction('rw', db.cooperationAgreements, async () => {
    const existing = fields.id ? await db.cooperationAgreements.get(fields.id) : undefined;
    const record = existing
      ? validateRecord('cooperationAgreements', { ...existing, ...fields, id: existing.id, createdAt: existing.createdAt, updatedAt: nowIso() })
      : buildRecord('cooperationAgreements', fields, nowIso());
    if (record.status === '生效') {
      const sameEnterprise = await db.cooperationAgreements.where('enterpriseId').equals(record.enterpriseId).toArray();
      const one = checkOneDispatchPerEnterprise(record, sameEnterprise);
      if (!one.ok) throw new CommissionerRuleError(one.reason);
      if (!existing?.startDate || existing.startDate !== record.startDate || existing.endDate !== record.endDate) {
        const period = checkServicePeriod(record, rules);
        if (!period.ok) throw new CommissionerRuleError(period.reason);
      }
    }
    await db.cooperationAgreements.put(record);
    return record;
  });
}

/**
 * Creates or replaces a team: 3–5 members with a leader (profile), each in one team only. The
 * members' own teamId follows in the same transaction (a member dropped from the team loses it),
 * so a member's file finds the team's dispatch.
 */
export async function saveTeam(db: SciLedgerDb, fields: CreateInput<'commissionerTeams'>, rules: CommissionerRules): Promise<CommissionerTeam> {
  return db.transaction('rw', db.commissionerTeams, db.commissioners, async () => {
    const existing = fields.id ? await db.commissionerTeams.get(fields.id) : undefined;
    const record = existing
      ? validateRecord('commissionerTeams', { ...existing, ...fields, id: existing.id, createdAt: existing.createdAt, updatedAt: nowIso() })
      : buildRecord('commissionerTeams', fields, nowIso());
    for (const check of [checkTeamSize(record, rules), checkTeamMembership(record, await db.commissionerTeams.toArray())]) {
      if (!check.ok) throw new CommissionerRuleError(check.reason);
    }
    await db.commissionerTeams.put(record);
    const now = nowIso();
    for (const id of existing?.memberIds ?? []) {
      if (!record.memberIds.includes(id)) await db.commissioners.where('id').equals(id).modify((c) => { if (c.teamId === record.id) Object.assign(c, { teamId: null, updatedAt: now }); });
    }
    for (const id of record.memberIds) {
      const member = await db.commissioners.get(id);
      if (!member || member.deletedAt) throw new CommissionerRuleError('特派团成员不存在或已删除');
      if (member.teamId !== record.id) await db.commissioners.put({ ...member, teamId: record.id, updatedAt: now });
    }
    return record;
  });
}

/**
 * Logs services on one or more dates (bulk entry): one record per date with the same fields,
 * all or nothing. Each must fall in the agreement's period and keep the person's day ≤ 1.
 */
export async function logServices(db: SciLedgerDb, fields: Omit<CreateInput<'serviceLogs'>, 'date'>, dates: readonly string[], today: string): Promise<ServiceLog[]> {
  if (dates.length === 0) throw new CommissionerRuleError('请至少选择一个服务日期');
  if (new Set(dates).size !== dates.length) throw new CommissionerRuleError('服务日期有重复');
  return db.transaction('rw', db.serviceLogs, db.cooperationAgreements, async () => {
    const agreement = await db.cooperationAgreements.get(fields.agreementId);
    if (!agreement || agreement.deletedAt) throw new RecordNotFoundError('cooperationAgreements', fields.agreementId);
    const now = nowIso();
    const records = dates.map((date, i) => buildRecord('serviceLogs', { ...fields, date } as CreateInput<'serviceLogs'>, now, dates.length > 1 ? i : undefined));
    for (const record of records) {
      const sameDay = await db.serviceLogs.where('[commissionerId+date]').equals([record.commissionerId, record.date]).toArray();
      const check = checkServiceLog(record, agreement, sameDay, today);
      if (!check.ok) throw new CommissionerRuleError(check.reason);
    }
    await db.serviceLogs.bulkAdd(records);
    return records;
  });
}

/** Edits a log in place under the same rules. */
export async function updateServiceLog(db: SciLedgerDb, id: string, changes: Partial<CreateInput<'serviceLogs'>>, today: string): Promise<ServiceLog> {
  return db.transaction('rw', db.serviceLogs, db.cooperationAgreements, async () => {
    const existing = await db.serviceLogs.get(id);
    if (!existing || existing.deletedAt) throw new RecordNotFoundError('serviceLogs', id);
    const record = validateRecord('serviceLogs', { ...existing, ...changes, id, createdAt: existing.createdAt, updatedAt: nowIso() });
    const agreement = await db.cooperationAgreements.get(record.agreementId);
    if (!agreement || agreement.deletedAt) throw new RecordNotFoundError('cooperationAgreements', record.agreementId);
    const sameDay = await db.serviceLogs.where('[commissionerId+date]').equals([record.commissionerId, record.date]).toArray();
    const check = checkServiceLog(record, agreement, sameDay, today);
    if (!check.ok) throw new CommissionerRuleError(check.reason);
    await db.serviceLogs.put(record);
    return record;
  });
}

export interface ServiceLogQuery {
  by: 'commissioner' | 'enterprise';
  id: string;
  year: number;
  offset: number;
  limit: number;
  /** 有/无附件: only the logs with (or without) live files; applied before paging, so `total` counts them. */
  files?: AttachmentFilterValue;
}

/**
 * One page of a commissioner-year or enterprise-year, newest first, from the compound index.
 * The whole range is one getAll (one request, values read once), then tombstones are dropped
 * and the page is sliced here: the count then costs nothing. Two cursors (page with offset, and
 * a filtered count — which must read every value to see deletedAt) cost twice the reads and a
 * request per row. A range is bounded by the domain: a person logs at most one day per date
 * (checkServiceLog), so a commissioner-year holds at most 730 half-day entries, and an
 * enterprise has one commissioner or team (≤ 5) at a time.
 */
export async function serviceLogPage(db: SciLedgerDb, q: ServiceLogQuery): Promise<{ rows: ServiceLog[]; total: number }> {
  const index = q.by === 'commissioner' ? '[commissionerId+date]' : '[enterpriseId+date]';
  const inRange = await db.serviceLogs.where(index).between([q.id, `${q.year}-01-01`], [q.id, `${q.year}-12-31`], true, true).toArray();
  let live = inRange.filter((l) => !l.deletedAt);
  if (q.files && q.files !== 'all') {
    // The derived counts of just these logs (one bulkGet by key); no attachment row is read.
    const withFiles = new Set((await countsOfTable(db, 'serviceLogs', live.map((l) => l.id))).keys());
    const kept = new Set(narrowIds(live.map((l) => l.id), attachmentKeep(q.files, withFiles)));
    live = live.filter((l) => kept.has(l.id));
  }
  // Ascending by date (then id) in the index; newest first on screen.
  const rows: ServiceLog[] = [];
  for (let i = live.length - 1 - q.offset; i >= 0 && rows.length < q.limit; i--) rows.push(live[i]);
  return { rows, total: live.length };
}

/** Compliance of one agreement on `today`, reading only its logs. */
export async function agreementCompliance(db: SciLedgerDb, agreementId: string, today: string, rules: CommissionerRules): Promise<Compliance | undefined> {
  const agreement = await db.cooperationAgreements.get(agreementId);
  if (!agreement || agreement.deletedAt) throw new RecordNotFoundError('cooperationAgreements', agreementId);
  const logs = await db.serviceLogs.where('[agreementId+date]').between([agreementId, Dexie.minKey], [agreementId, Dexie.maxKey]).toArray();
  return currentCompliance(agreement, alive(logs), today, rules);
}

/**
 * The year's roster: distinct commissioners and teams with a signed agreement whose service
 * period touches the year (a team counts as one).
 */
export async function assessmentRoster(db: SciLedgerDb, year: number): Promise<number> {
  const agreements = await db.cooperationAgreements.where('status').anyOf('生效', '期满', '终止').toArray();
  const subjects = new Set(
    alive(agreements)
      .filter((a) => a.startDate && a.startDate <= `${year}-12-31` && (!a.endDate || a.endDate >= `${year}-01-01`))
      .map((a) => (a.teamId ? `team:${a.teamId}` : `person:${a.commissionerId}`)),
  );
  return subjects.size;
}

/** Creates or replaces an assessment; an 优秀 over the year's quota (of the roster) is refused. */
export async function saveAssessment(db: SciLedgerDb, fields: CreateInput<'commissionerAssessments'>, rules: CommissionerRules): Promise<CommissionerAssessment> {
  return db.transaction('rw', db.commissionerAssessments, db.cooperationAgreements, async () => {
    const existing = fields.id ? await db.commissionerAssessments.get(fields.id) : undefined;
    const record = existing
      ? validateRecord('commissionerAssessments', { ...existing, ...fields, id: existing.id, createdAt: existing.createdAt, updatedAt: nowIso() })
      : buildRecord('commissionerAssessments', fields, nowIso());
    const year = await db.commissionerAssessments.where('year').equals(record.year).toArray();
    const check = checkAssessment(record, year, rules, await assessmentRoster(db, record.year));
    if (!check.ok) throw new CommissionerRuleError(check.reason);
    await db.commissionerAssessments.put(record);
    return record;
  });
}
