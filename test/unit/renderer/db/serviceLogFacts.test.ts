import { describe, expect, it } from 'vitest';
import { complianceForYear, serviceYears } from '../../../../shared/domain/commissioners/compliance';
import { guangxiPreset } from '../../../../shared/policy/profile';
import { complianceOverview } from '../../../../renderer/src/db/repositories/commissionerFiles';
import { logServices, saveAgreement, updateServiceLog } from '../../../../renderer/src/db/repositories/commissioners';
import { LedgerRepository } from '../../../../renderer/src/db/ledgerRepository';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { agreementFacts } from '../../../../renderer/src/db/serviceLogFacts';
import { freshDb, freshDbCountingWrites, oplog, reopen } from './helpers';

const rules = guangxiPreset.commissioners;
const today = '2026-11-30';
const person = crypto.randomUUID();
const enterprise = crypto.randomUUID();
const log = (agreementId: string) => ({ commissionerId: person, agreementId, enterpriseId: enterprise, days: 1, mode: '线下' as const, kind: '参与技术攻关' as const, content: '现场指导' });

async function setUp() {
  const db = await freshDb();
  const agreement = await saveAgreement(db, { commissionerId: person, enterpriseId: enterprise, status: '生效', startDate: '2026-03-01', endDate: '2028-02-29' }, rules);
  return { db, agreement };
}

describe('service-log facts (compliance without reading records)', () => {
  it('follow every write: add, edit of date/mode/days, tombstone and restore', async () => {
    const { db, agreement } = await setUp();
    const [a, b] = await logServices(db, log(agreement.id), ['2026-04-01', '2026-04-02'], today);
    expect(await agreementFacts(db, agreement.id, '2026-01-01', '2026-12-31')).toEqual([
      [agreement.id, '2026-04-01', '线下', 1, a.id],
      [agreement.id, '2026-04-02', '线下', 1, b.id],
    ]);
    await updateServiceLog(db, a.id, { date: '2026-05-01', mode: '线上', days: 0.5 }, today);
    expect(await agreementFacts(db, agreement.id, '2026-01-01', '2026-12-31')).toEqual([
      [agreement.id, '2026-04-02', '线下', 1, b.id],
      [agreement.id, '2026-05-01', '线上', 0.5, a.id],
    ]);
    const repo = new LedgerRepository(db);
    await repo.remove('serviceLogs', b.id);
    expect((await agreementFacts(db, agreement.id, '2026-01-01', '2026-12-31')).map((f) => f[4])).toEqual([a.id]);
    await repo.restore('serviceLogs', b.id);
    expect((await agreementFacts(db, agreement.id, '2026-01-01', '2026-12-31')).map((f) => f[4])).toEqual([b.id, a.id]);
    // Only the range asked for, and only this agreement.
    expect(await agreementFacts(db, agreement.id, '2026-04-02', '2026-04-02')).toHaveLength(1);
    expect(await agreementFacts(db, crypto.randomUUID(), '2026-01-01', '2026-12-31')).toEqual([]);
    // Derived locally: the facts table is never in the change log.
    expect((await oplog(db)).map((op) => String(op.table))).not.toContain('serviceLogFacts');
    await db.serviceLogs.clear();
    expect(await db.table('serviceLogFacts').count()).toBe(0);
  });

  it('are not written again when an edit leaves what compliance counts unchanged', async () => {
    const { db, writes } = await freshDbCountingWrites('serviceLogFacts');
    const agreement = await saveAgreement(db, { commissionerId: person, enterpriseId: enterprise, status: '生效', startDate: '2026-03-01', endDate: '2028-02-29' }, rules);
    const [a] = await logServices(db, log(agreement.id), ['2026-04-01'], today);
    const before = await agreementFacts(db, agreement.id, '2026-01-01', '2026-12-31');
    writes.length = 0;
    await updateServiceLog(db, a.id, { content: '现场指导并培训' }, today);
    expect(writes).toEqual([]);
    expect(await agreementFacts(db, agreement.id, '2026-01-01', '2026-12-31')).toEqual(before);
    // An edit that moves the fact still replaces it.
    await updateServiceLog(db, a.id, { days: 0.5 }, today);
    expect(writes).toEqual(['delete', 'put']);
    expect(await agreementFacts(db, agreement.id, '2026-01-01', '2026-12-31')).toEqual([[agreement.id, '2026-04-01', '线下', 0.5, a.id]]);
  });

  it('give 履职监测 the same compliance as counting the records', async () => {
    const { db, agreement } = await setUp();
    const dates = Array.from({ length: 40 }, (_, i) => `2026-${String(4 + Math.floor(i / 10)).padStart(2, '0')}-${String(1 + (i % 10) * 2).padStart(2, '0')}`);
    await logServices(db, { ...log(agreement.id), mode: '线上', days: 0.5 }, dates.slice(0, 10), today);
    await logServices(db, log(agreement.id), dates.slice(10), today);
    const [row] = await complianceOverview(db, today, today, rules);
    const year = serviceYears(agreement).find((y) => y.start <= today && today <= y.end)!;
    const records = await db.serviceLogs.toArray();
    expect(row.compliance).toEqual(complianceForYear(year, records, today, rules));
    expect(row.compliance).toMatchObject({ visits: 30, days: 35, state: '达标' });
  });

  it('schema version 12 derives the facts of the logs a version-11 database holds (tombstones left out)', async () => {
    const v11 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 11) });
    const now = '2026-11-24T08:00:00.000Z';
    const agreementId = crypto.randomUUID();
    const rows = ['2026-04-01', '2026-04-02', '2026-04-03'].map((date, i) => ({ id: crypto.randomUUID(), ...log(agreementId), date, createdAt: now, updatedAt: now, deletedAt: i === 2 ? now : null }));
    await v11.serviceLogs.bulkAdd(rows);
    const v12 = await reopen(v11);
    expect((await agreementFacts(v12, agreementId, '2026-01-01', '2026-12-31')).map((f) => f[4])).toEqual([rows[0].id, rows[1].id]);
  });
});
