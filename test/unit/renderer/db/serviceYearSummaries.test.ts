import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/domain/commissioners/dates';
import { complianceForYear, serviceYears, summariseServiceYear } from '../../../../shared/domain/commissioners/compliance';
import type { CooperationAgreement, ServiceLog } from '../../../../shared/domain/commissioners/schema';
import { guangxiPreset } from '../../../../shared/policy/profile';
import type { SciLedgerDb } from '../../../../renderer/src/db/database';
import { complianceOverview } from '../../../../renderer/src/db/repositories/commissionerFiles';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { SERVICE_YEAR_SUMMARIES_TABLE, type ServiceYearSummaryRow } from '../../../../renderer/src/db/serviceYearSummaries';
import { freshDb, freshDbCountingWrites, iso, oplog, reopen } from './helpers';
import { node, send } from './sync/syncHelpers';

const rules = guangxiPreset.commissioners;
const person = '00000000-0000-4000-8000-000000000001';
const enterprise = '00000000-0000-4000-8000-000000000002';
const agreementIds = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2'];

const agreementRecord = (id: string, startDate = '2025-03-01'): CooperationAgreement =>
  ({ id, commissionerId: person, enterpriseId: enterprise, status: '生效', stageDates: {}, startDate, endDate: addDays(startDate, 729), createdAt: iso, updatedAt: iso }) as CooperationAgreement;

const logRecord = (id: string, agreementId: string, date: string, mode: '线上' | '线下', days: number): ServiceLog =>
  ({ id, commissionerId: person, agreementId, enterpriseId: enterprise, date, days, mode, kind: '参与技术攻关', content: '现场指导', createdAt: iso, updatedAt: iso }) as ServiceLog;

const summaries = (db: SciLedgerDb) => db.table<ServiceYearSummaryRow>(SERVICE_YEAR_SUMMARIES_TABLE).toArray();

/** What the summaries must be: recomputed from the live logs and agreements on file. */
async function recomputed(db: SciLedgerDb): Promise<ServiceYearSummaryRow[]> {
  const [agreements, logs] = await Promise.all([db.cooperationAgreements.toArray(), db.serviceLogs.toArray()]);
  return agreements
    .filter((a) => !a.deletedAt)
    .flatMap((a) => serviceYears(a).map((y) => ({ agreementId: a.id, start: y.start, end: y.end, ...summariseServiceYear(y, logs.filter((l) => l.agreementId === a.id)) })))
    .sort((x, y) => (x.agreementId + x.start < y.agreementId + y.start ? -1 : 1));
}

type Op =
  | { kind: 'add'; on: 0 | 1; agreement: number; day: number; online: boolean; half: boolean }
  | { kind: 'edit'; on: 0 | 1; pick: number; day: number; online: boolean; half: boolean; agreement: number }
  | { kind: 'tombstone' | 'restore' | 'delete'; on: 0 | 1; pick: number }
  | { kind: 'moveAgreement'; on: 0 | 1; agreement: number; shift: number }
  | { kind: 'sync'; on: 0 | 1 };

const side = fc.constantFrom<0 | 1>(0, 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), on: side, agreement: fc.nat(1), day: fc.nat(760), online: fc.boolean(), half: fc.boolean() }),
  fc.record({ kind: fc.constant('edit' as const), on: side, pick: fc.nat(), day: fc.nat(760), online: fc.boolean(), half: fc.boolean(), agreement: fc.nat(1) }),
  fc.record({ kind: fc.constantFrom('tombstone' as const, 'restore' as const, 'delete' as const), on: side, pick: fc.nat() }),
  fc.record({ kind: fc.constant('moveAgreement' as const), on: side, agreement: fc.nat(1), shift: fc.integer({ min: -60, max: 60 }) }),
  fc.record({ kind: fc.constant('sync' as const), on: side }),
);

async function apply(dbs: [SciLedgerDb, SciLedgerDb], op: Op): Promise<void> {
  const db = dbs[op.on];
  const pick = async () => {
    const ids = (await db.serviceLogs.toCollection().primaryKeys()).sort();
    return ids.length ? ids[(op as { pick: number }).pick % ids.length] : undefined;
  };
  switch (op.kind) {
    case 'add':
      await db.serviceLogs.add(logRecord(crypto.randomUUID(), agreementIds[op.agreement], addDays('2025-02-01', op.day), op.online ? '线上' : '线下', op.half ? 0.5 : 1));
      return;
    case 'edit': {
      const id = await pick();
      if (id) await db.serviceLogs.update(id, { date: addDays('2025-02-01', op.day), mode: op.online ? '线上' : '线下', days: op.half ? 0.5 : 1, agreementId: agreementIds[op.agreement] });
      return;
    }
    case 'tombstone':
    case 'restore': {
      const id = await pick();
      if (id) await db.serviceLogs.update(id, { deletedAt: op.kind === 'tombstone' ? iso : null });
      return;
    }
    case 'delete': {
      const id = await pick();
      if (id) await db.serviceLogs.delete(id);
      return;
    }
    case 'moveAgreement': {
      const a = await db.cooperationAgreements.get(agreementIds[op.agreement]);
      if (a?.startDate) await db.cooperationAgreements.update(a.id, { startDate: addDays(a.startDate, op.shift), endDate: addDays(a.startDate, op.shift + 729) });
      return;
    }
    case 'sync':
      // The clerk's large-delete question is not under test: a tombstoned only log is 100 %.
      await send(dbs[op.on], dbs[1 - op.on], { confirmLargeDelete: true });
  }
}

describe('service-year summaries (schema v15, kept by the write path)', () => {
  it('equal a recomputation from the logs after random writes, edits, deletes and imports on two machines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const a = await node('甲');
        const b = await node('乙');
        await a.cooperationAgreements.bulkAdd(agreementIds.map((id) => agreementRecord(id)));
        await send(a, b);
        for (const op of ops) await apply([a, b], op);
        for (const db of [a, b]) {
          const stored = (await summaries(db)).sort((x, y) => (x.agreementId + x.start < y.agreementId + y.start ? -1 : 1));
          expect(stored).toEqual(await recomputed(db));
          // 履职监测 from the rows equals counting the logs (a log after `today` included).
          const today = '2026-01-15';
          const [agreements, logs] = await Promise.all([db.cooperationAgreements.toArray(), db.serviceLogs.toArray()]);
          const expected = agreements.flatMap((ag) => {
            const year = serviceYears(ag).find((y) => y.start <= today && today <= y.end);
            return year ? [[ag.id, complianceForYear(year, logs.filter((l) => l.agreementId === ag.id), today, rules)] as const] : [];
          });
          const overview = await complianceOverview(db, today, today, rules);
          expect(new Map(overview.map((r) => [r.agreement.id, r.compliance]))).toEqual(new Map(expected));
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('follow a tombstoned agreement and a cleared log table, and are never in the change log', async () => {
    const db = await freshDb();
    await db.cooperationAgreements.bulkAdd(agreementIds.map((id) => agreementRecord(id)));
    await db.serviceLogs.bulkAdd([logRecord(crypto.randomUUID(), agreementIds[0], '2025-04-01', '线下', 1), logRecord(crypto.randomUUID(), agreementIds[1], '2025-04-02', '线上', 0.5)]);
    expect((await summaries(db)).find((r) => r.agreementId === agreementIds[0] && r.start === '2025-03-01')).toMatchObject({ visits: 1, days: 1, entries: 1, lastDate: '2025-04-01' });
    await db.cooperationAgreements.update(agreementIds[1], { deletedAt: iso });
    expect(new Set((await summaries(db)).map((r) => r.agreementId))).toEqual(new Set([agreementIds[0]]));
    await db.serviceLogs.clear();
    expect(await summaries(db)).toEqual(await recomputed(db));
    expect((await summaries(db)).every((r) => r.entries === 0)).toBe(true);
    expect((await oplog(db)).map((op) => String(op.table))).not.toContain(SERVICE_YEAR_SUMMARIES_TABLE);
  });

  it('are not recomputed when a log edit leaves its fact unchanged, and are when it moves the log', async () => {
    const { db, writes } = await freshDbCountingWrites(SERVICE_YEAR_SUMMARIES_TABLE);
    await db.cooperationAgreements.bulkAdd(agreementIds.map((id) => agreementRecord(id)));
    const id = crypto.randomUUID();
    await db.serviceLogs.add(logRecord(id, agreementIds[0], '2025-04-01', '线下', 1));
    const before = await summaries(db);
    writes.length = 0;
    await db.serviceLogs.update(id, { content: '改写了服务内容' });
    expect(writes).toEqual([]);
    expect(await summaries(db)).toEqual(before);
    // Moved to the other agreement: both agreements' summaries follow.
    await db.serviceLogs.update(id, { agreementId: agreementIds[1] });
    expect(writes).not.toEqual([]);
    expect(await summaries(db)).toEqual(await recomputed(db));
    expect((await summaries(db)).find((r) => r.agreementId === agreementIds[1] && r.start === '2025-03-01')).toMatchObject({ entries: 1 });
  });

  it('give 履职监测 the compliance of counting the logs, and leave a log dated after today to the facts', async () => {
    const db = await freshDb();
    await db.cooperationAgreements.add(agreementRecord(agreementIds[0]));
    const today = '2025-06-30';
    await db.serviceLogs.bulkAdd([
      ...['2025-04-01', '2025-04-02', '2025-05-03'].map((d) => logRecord(crypto.randomUUID(), agreementIds[0], d, '线下', 1)),
      logRecord(crypto.randomUUID(), agreementIds[0], '2025-07-05', '线下', 1), // after today: not counted yet
    ]);
    const [row] = await complianceOverview(db, today, today, rules);
    const year = serviceYears(agreementRecord(agreementIds[0]))[0];
    expect(row.compliance).toEqual(complianceForYear(year, await db.serviceLogs.toArray(), today, rules));
    expect(row.compliance.visits).toBe(3);
  });

  it('schema version 15 derives the summaries of the agreements and logs a version-14 database holds', async () => {
    const v14 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 14) });
    await v14.cooperationAgreements.bulkAdd([agreementRecord(agreementIds[0]), { ...agreementRecord(agreementIds[1]), deletedAt: iso }]);
    await v14.serviceLogs.bulkAdd([
      logRecord(crypto.randomUUID(), agreementIds[0], '2025-04-01', '线下', 1),
      logRecord(crypto.randomUUID(), agreementIds[0], '2025-04-01', '线上', 0.5),
      logRecord(crypto.randomUUID(), agreementIds[0], '2026-04-01', '线下', 0.5),
      { ...logRecord(crypto.randomUUID(), agreementIds[0], '2025-05-01', '线下', 1), deletedAt: iso },
      logRecord(crypto.randomUUID(), agreementIds[1], '2025-04-01', '线下', 1),
    ]);
    expect(v14.tables.map((t) => t.name)).not.toContain(SERVICE_YEAR_SUMMARIES_TABLE);
    const v15 = await reopen(v14);
    const rows = await summaries(v15);
    expect(rows).toEqual(await recomputed(v15));
    expect(rows.map((r) => [r.start, r.visits, r.days, r.entries])).toEqual([
      ['2025-03-01', 1, 1.5, 2],
      ['2026-03-01', 1, 0.5, 1],
    ]);
  });
});
