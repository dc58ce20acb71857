import { quarterStart, quarterLabel } from '../../../../shared/domain/consultations/reminders';
import {
  blocking,
  checkDomainBlock,
  checkFundingCap,
  checkInterval,
  checkYearQuota,
  type ConsultationRules,
  type EarlierTopic,
  type RuleViolation,
} from '../../../../shared/domain/consultations/rules';
import type {
  ConsultationAnnualReport,
  ConsultationEvaluation,
  ConsultationProgress,
  ConsultationRound,
  ConsultationTopic,
} from '../../../../shared/domain/consultations/schema';
import type { SciLedgerDb } from '../database';
import { buildRecord, RecordNotFoundError, type CreateInput } from '../ledgerRepository';
import { validateRecord } from '../validation';
import { deepEqual } from '../oplog';

/**
 * The only code that writes 厅市会商 records. The rules of shared/domain/consultations are
 * checked against the stored records inside one `rw` transaction, so a refused write leaves
 * nothing behind; every write goes through Dexie and is change-tracked.
 */

/** The write broke a rule; `violations` carry the Chinese reasons. Nothing was written. */
export class ConsultationRuleError extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super(violations.map((v) => v.reason).join('；'));
    this.name = 'ConsultationRuleError';
  }
}

/** A refused step that is not a policy rule (duplicate quarter, topic of another round …). */
export class ConsultationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsultationRefusedError';
  }
}

const isActive = <T extends { deletedAt?: string | null }>(r: T | undefined): r is T => !!r && !r.deletedAt;
const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter(isActive);
const nowIso = () => new Date().toISOString();

const tables = (db: SciLedgerDb) => [db.consultationRounds, db.consultationTopics, db.consultationProgress, db.consultationAnnualReports, db.consultationEvaluations];

/** A record merged over the stored one (or new), validated; `undefined` when nothing changed. */
function merged<T extends 'consultationRounds' | 'consultationTopics' | 'consultationProgress' | 'consultationAnnualReports' | 'consultationEvaluations'>(
  table: T,
  existing: { id: string; createdAt: string; updatedAt: string; deletedAt?: string | null } | undefined,
  fields: CreateInput<T>,
) {
  if (!existing) return buildRecord(table, fields, nowIso());
  const record = validateRecord(table, { ...existing, ...fields, id: existing.id, createdAt: existing.createdAt, updatedAt: existing.updatedAt, deletedAt: existing.deletedAt ?? null });
  return deepEqual(record, existing) ? undefined : { ...record, updatedAt: nowIso() };
}

async function activeRound(db: SciLedgerDb, id: string): Promise<ConsultationRound> {
  const round = await db.consultationRounds.get(id);
  if (!isActive(round)) throw new RecordNotFoundError('consultationRounds', id);
  return round;
}

/** Topics of the city's other rounds, with their round (the domain block reads them). */
export async function earlierTopicsOf(db: SciLedgerDb, round: Pick<ConsultationRound, 'id' | 'city'>): Promise<EarlierTopic[]> {
  const others = alive(await db.consultationRounds.where('city').equals(round.city).toArray()).filter((r) => r.id !== round.id);
  const out: EarlierTopic[] = [];
  for (const r of others) for (const t of alive(await db.consultationTopics.where('roundId').equals(r.id).toArray())) out.push({ round: r, topic: t });
  return out;
}

/** Rounds the quota and the interval compare with: the same year and the same city. */
async function neighbourRounds(db: SciLedgerDb, round: Pick<ConsultationRound, 'city' | 'year'>): Promise<ConsultationRound[]> {
  const [sameYear, sameCity] = await Promise.all([db.consultationRounds.where('year').equals(round.year).toArray(), db.consultationRounds.where('city').equals(round.city).toArray()]);
  const byId = new Map([...sameYear, ...sameCity].map((r) => [r.id, r]));
  return alive([...byId.values()]);
}

export async function roundTopics(db: SciLedgerDb, roundId: string): Promise<ConsultationTopic[]> {
  return alive(await db.consultationTopics.where('roundId').equals(roundId).toArray()).sort((a, b) => a.seq - b.seq);
}

/**
 * Creates or edits a round. The quota (第十条) and the interval (第十条) are checked when the
 * city, year, kind or exception changes — a 重大/特殊/紧急 flag with its reason lets them through;
 * a change of kind re-checks the funding cap (第十八条) over the round's topics.
 */
export async function saveRound(db: SciLedgerDb, fields: CreateInput<'consultationRounds'>, rules: ConsultationRules): Promise<ConsultationRound> {
  return db.transaction('rw', tables(db), async () => {
    const existing = fields.id ? await db.consultationRounds.get(fields.id) : undefined;
    if (existing?.deletedAt) throw new RecordNotFoundError('consultationRounds', existing.id);
    const record = merged('consultationRounds', existing, fields);
    if (!record) return existing!;
    const keyChanged = !existing || (['city', 'year', 'kind', 'exceptionKind', 'exceptionReason'] as const).some((k) => existing[k] !== record[k]);
    const violations: (RuleViolation | undefined)[] = [];
    if (keyChanged) {
      const neighbours = await neighbourRounds(db, record);
      violations.push(checkYearQuota(record, neighbours, rules), checkInterval(record, neighbours, rules));
    }
    if (existing && existing.kind !== record.kind) violations.push(checkFundingCap(record.kind, await roundTopics(db, record.id), rules));
    const refused = blocking(violations.filter((v): v is RuleViolation => !!v));
    if (refused.length) throw new ConsultationRuleError(refused);
    await db.consultationRounds.put(record);
    return record;
  });
}

/**
 * Creates or edits a topic of a round: numbered after the last one unless given; the round's
 * funds stay within the cap (第十八条); a new domain may not be one where the city still has
 * an unfinished topic of an earlier round (第二十一条).
 */
export async function saveTopic(db: SciLedgerDb, fields: Omit<CreateInput<'consultationTopics'>, 'seq'> & { seq?: number }, rules: ConsultationRules): Promise<ConsultationTopic> {
  return db.transaction('rw', tables(db), async () => {
    const round = await activeRound(db, fields.roundId);
    const existing = fields.id ? await db.consultationTopics.get(fields.id) : undefined;
    if (existing?.deletedAt) throw new RecordNotFoundError('consultationTopics', existing.id);
    if (existing && existing.roundId !== fields.roundId) throw new ConsultationRefusedError('议题不能移到另一轮会商');
    const siblings = (await roundTopics(db, round.id)).filter((t) => t.id !== existing?.id);
    const seq = fields.seq ?? existing?.seq ?? Math.max(0, ...siblings.map((t) => t.seq)) + 1;
    const record = merged('consultationTopics', existing, { ...fields, seq } as CreateInput<'consultationTopics'>);
    if (!record) return existing!;
    if (siblings.some((t) => t.seq === record.seq)) throw new ConsultationRefusedError(`议题序号 ${record.seq} 已被“${siblings.find((t) => t.seq === record.seq)!.title}”使用`);
    const violations = [checkFundingCap(round.kind, [...siblings, record], rules)];
    if (!existing || existing.domain.trim() !== record.domain.trim()) violations.push(checkDomainBlock(record, round, await earlierTopicsOf(db, round)));
    const refused = blocking(violations.filter((v): v is RuleViolation => !!v));
    if (refused.length) throw new ConsultationRuleError(refused);
    await db.consultationTopics.put(record);
    return record;
  });
}

/**
 * 导入 Excel of topics, read again inside the import's transaction (the preview may be stale):
 * the round still there, the funding cap over its topics plus the new ones (第十八条), no new
 * topic in a domain the city has an unfinished one in (第二十一条), and no number used twice.
 * Returns the first reason to refuse the whole import, or null.
 */
export async function topicsImportProblem(db: SciLedgerDb, roundId: string, drafts: readonly Pick<ConsultationTopic, 'seq' | 'domain' | 'funding'>[], rules: ConsultationRules): Promise<string | null> {
  const round = await db.consultationRounds.get(roundId);
  if (!isActive(round)) return '该轮会商已被删除';
  const siblings = await roundTopics(db, round.id);
  const taken = new Set(siblings.map((t) => t.seq));
  const clash = drafts.find((d) => taken.has(d.seq));
  if (clash) return `议题序号 ${clash.seq} 已被“${siblings.find((t) => t.seq === clash.seq)!.title}”使用`;
  const cap = checkFundingCap(round.kind, [...siblings, ...drafts], rules);
  if (cap) return cap.reason;
  const earlier = await earlierTopicsOf(db, round);
  for (const d of drafts) {
    const blocked = checkDomainBlock(d, round, earlier);
    if (blocked) return blocked.reason;
  }
  return null;
}

/** Tombstones a topic with its progress rows (one transaction). */
export async function removeTopic(db: SciLedgerDb, topicId: string): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const topic = await db.consultationTopics.get(topicId);
    if (!isActive(topic)) throw new RecordNotFoundError('consultationTopics', topicId);
    const now = nowIso();
    await db.consultationTopics.update(topicId, { deletedAt: now, updatedAt: now });
    for (const p of alive(await db.consultationProgress.where('topicId').equals(topicId).toArray())) await db.consultationProgress.update(p.id, { deletedAt: now, updatedAt: now });
  });
}

/** Tombstones a round and everything recorded under it. */
export async function removeRound(db: SciLedgerDb, roundId: string): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    await activeRound(db, roundId);
    const now = nowIso();
    await db.consultationRounds.update(roundId, { deletedAt: now, updatedAt: now });
    for (const name of ['consultationTopics', 'consultationProgress', 'consultationAnnualReports', 'consultationEvaluations'] as const) {
      const t = db.table<{ id: string; deletedAt?: string | null; updatedAt: string }, string>(name);
      for (const r of alive(await t.where('roundId').equals(roundId).toArray())) await t.update(r.id, { deletedAt: now, updatedAt: now });
    }
  });
}

/**
 * Records (or corrects) one topic's progress for a quarter (seed 002 第十九条): one row per topic
 * and quarter; the round must be signed, and the quarter must have begun and not lie before
 * the implementation started.
 */
export async function saveProgress(db: SciLedgerDb, fields: CreateInput<'consultationProgress'>, today: string): Promise<ConsultationProgress> {
  return db.transaction('rw', tables(db), async () => {
    const round = await activeRound(db, fields.roundId);
    if (!fields.topicId) throw new ConsultationRefusedError('请选择议题');
    const topic = await db.consultationTopics.get(fields.topicId);
    if (!isActive(topic) || topic.roundId !== round.id) throw new ConsultationRefusedError('议题不属于这一轮会商');
    const start = round.stageDates.实施 ?? round.stageDates.签署;
    if (!start) throw new ConsultationRefusedError('议定书签署后才能登记推进情况');
    const q = { year: fields.year, quarter: fields.quarter };
    if (quarterStart(q) > today) throw new ConsultationRefusedError(`${quarterLabel(q)}尚未开始，不能登记`);
    if (quarterStart(q) < quarterStart({ year: Number(start.slice(0, 4)), quarter: Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1 })) {
      throw new ConsultationRefusedError(`${quarterLabel(q)}早于会商实施（${start}），不能登记`);
    }
    const existing = fields.id ? await db.consultationProgress.get(fields.id) : undefined;
    const same = alive(await db.consultationProgress.where('topicId').equals(topic.id).toArray()).find((p) => p.year === q.year && p.quarter === q.quarter && p.id !== existing?.id);
    if (same) throw new ConsultationRefusedError(`议题${topic.seq}“${topic.title}”${quarterLabel(q)}推进情况已登记，请修改原记录`);
    const record = merged('consultationProgress', existing, fields);
    if (!record) return existing!;
    await db.consultationProgress.put(record);
    return record;
  });
}

/** The year's 落实情况 of a round: one record per round and year (edited in place). */
export async function saveAnnualReport(db: SciLedgerDb, fields: CreateInput<'consultationAnnualReports'>): Promise<ConsultationAnnualReport> {
  return db.transaction('rw', tables(db), async () => {
    await activeRound(db, fields.roundId);
    const sameYear = alive(await db.consultationAnnualReports.where('roundId').equals(fields.roundId).toArray()).find((r) => r.year === fields.year);
    const existing = fields.id ? await db.consultationAnnualReports.get(fields.id) : sameYear;
    if (sameYear && existing && sameYear.id !== existing.id) throw new ConsultationRefusedError(`${fields.year}年度落实情况已登记，请修改原记录`);
    const record = merged('consultationAnnualReports', existing, { ...fields, id: existing?.id });
    if (!record) return existing!;
    await db.consultationAnnualReports.put(record);
    return record;
  });
}

/** A performance evaluation of a topic of the round, or of the whole round (topicId null). */
export async function saveEvaluation(db: SciLedgerDb, fields: CreateInput<'consultationEvaluations'>): Promise<ConsultationEvaluation> {
  return db.transaction('rw', tables(db), async () => {
    await activeRound(db, fields.roundId);
    if (fields.topicId) {
      const topic = await db.consultationTopics.get(fields.topicId);
      if (!isActive(topic) || topic.roundId !== fields.roundId) throw new ConsultationRefusedError('议题不属于这一轮会商');
    }
    const existing = fields.id ? await db.consultationEvaluations.get(fields.id) : undefined;
    const record = merged('consultationEvaluations', existing, fields);
    if (!record) return existing!;
    await db.consultationEvaluations.put(record);
    return record;
  });
}

/** Everything recorded under one round, for its screen and its documents. */
export interface RoundRecords {
  round: ConsultationRound;
  topics: ConsultationTopic[];
  progress: ConsultationProgress[];
  annualReports: ConsultationAnnualReport[];
  evaluations: ConsultationEvaluation[];
}

export async function roundRecords(db: SciLedgerDb, roundId: string): Promise<RoundRecords | undefined> {
  const round = await db.consultationRounds.get(roundId);
  if (!isActive(round)) return undefined;
  const [topics, progress, annualReports, evaluations] = await Promise.all([
    roundTopics(db, roundId),
    db.consultationProgress.where('roundId').equals(roundId).toArray(),
    db.consultationAnnualReports.where('roundId').equals(roundId).toArray(),
    db.consultationEvaluations.where('roundId').equals(roundId).toArray(),
  ]);
  return { round, topics, progress: alive(progress), annualReports: alive(annualReports), evaluations: alive(evaluations) };
}

/** Every live round, newest year first then city order (a small table: tens of rows a decade). */
export async function allRounds(db: SciLedgerDb): Promise<ConsultationRound[]> {
  return alive(await db.consultationRounds.orderBy('year').reverse().toArray());
}
