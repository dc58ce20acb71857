import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { readFieldClocks } from '../../../../renderer/src/db/fieldClocks';
import { advisor, freshDb, oplog, reopen } from './helpers';

describe('schema migrations on data of the old shape', () => {
  it('version 1 → 2 keeps advisors and their oplog, and adds plans, evaluations and the certificate register', async () => {
    const v1 = await freshDb({ versions: schemaVersions.slice(0, 1) });
    expect(v1.verno).toBe(1);
    const existing = advisor({ status: '已聘任', termStart: '2025-01-01', termEnd: '2027-12-31', certificateNumber: '桂科顾聘〔2025〕1号' });
    await v1.advisors.add(existing as never);
    const logBefore = await oplog(v1);
    expect(v1.tables.map((t) => t.name)).not.toContain('appointmentCertificates');

    const v2 = await reopen(v1);
    expect(v2.verno).toBeGreaterThanOrEqual(2);
    expect(await v2.advisors.get(existing.id)).toEqual(existing);
    expect(await oplog(v2)).toEqual(logBefore);
    // The new tables exist, are empty and are change-tracked like every ledger table.
    expect(await v2.appointmentCertificates.count()).toBe(0);
    await v2.appointmentCertificates.add({
      id: crypto.randomUUID(),
      advisorId: existing.id,
      number: '桂科顾聘〔2025〕1号',
      issuedOn: '2025-01-08',
      termStart: '2025-01-01',
      termEnd: '2027-12-31',
      isReprint: false,
      mode: '整页',
      createdAt: existing.createdAt,
      updatedAt: existing.updatedAt,
    });
    const log = await oplog(v2);
    expect(log.at(-1)).toMatchObject({ table: 'appointmentCertificates', deleted: false });
    expect(await v2.advisorPlans.where('advisorId').equals(existing.id).count()).toBe(0);
    expect(await v2.advisorEvaluations.where('year').equals(2026).count()).toBe(0);
  });
});

describe('version 3 → 4 (oplog without the single table/id indexes)', () => {
  it('keeps every oplog entry and still finds a record’s history by [table+id]', async () => {
    const v3 = await freshDb({ versions: schemaVersions.slice(0, 3) });
    const x = advisor();
    await v3.advisors.add(x as never);
    await v3.advisors.update(x.id, { field: '海洋' });
    const before = await oplog(v3);
    expect(v3.table('oplog').schema.indexes.map((i) => i.name)).toContain('table');

    const v4 = await reopen(v3, { versions: schemaVersions.filter((v) => v.version <= 4) });
    expect(v4.table('oplog').schema.indexes.map((i) => i.name).sort()).toEqual(['[table+id]', 'at', 'operator']);
    expect(await v4.table('oplog').where('[table+id]').equals(['advisors', x.id]).count()).toBe(2);
    expect(v4.verno).toBeGreaterThanOrEqual(4);
    expect(await oplog(v4)).toEqual(before);
    expect(await v4.oplog.forRecord('advisors', x.id)).toHaveLength(2);
  });
});

describe('version 4 → 7 (待补全 table, issue 10)', () => {
  it('keeps records, oplog and clocks, and starts with nothing pending', async () => {
    const v4 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 4) });
    const x = advisor();
    await v4.advisors.add(x as never);
    const [log, clocks] = [await oplog(v4), await v4.table('fieldClocks').toArray()];
    expect(v4.tables.map((t) => t.name)).not.toContain('pendingRecords');
    const v7 = await reopen(v4);
    expect(v7.verno).toBeGreaterThanOrEqual(7);
    expect(await v7.advisors.get(x.id)).toEqual(x);
    expect(await oplog(v7)).toEqual(log);
    expect([...(await readFieldClocks(v7, 'advisors'))].map(([id, c]) => ({ table: 'advisors', id, clocks: c }))).toEqual(clocks);
    expect(await v7.pendingRecords.count()).toBe(0);
  });
});

describe('version 4 → 9 (科技特派员 tables and service-log indexes)', () => {
  it('fills status and enterpriseId deterministically, keeps odd old logs, and finds a commissioner-year by index', async () => {
    const v4 = await freshDb({ versions: schemaVersions.slice(0, 4) });
    const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const ids = { c: crypto.randomUUID(), e: crypto.randomUUID(), a: crypto.randomUUID(), draft: crypto.randomUUID() };
    await v4.table('cooperationAgreements').bulkAdd([
      { id: ids.a, ...stamp, commissionerId: ids.c, enterpriseId: ids.e, startDate: '2025-03-01', endDate: '2027-02-28' },
      { id: ids.draft, ...stamp, commissionerId: ids.c, enterpriseId: ids.e },
    ]);
    const oldLog = { id: crypto.randomUUID(), ...stamp, commissionerId: ids.c, agreementId: ids.a, date: '2026-03-12', days: 3, mode: '线下', kind: '参与技术攻关', content: '工艺试验' };
    const orphan = { id: crypto.randomUUID(), ...stamp, commissionerId: ids.c, date: '2025-12-31', days: 1, mode: '线上', kind: '其他', content: '线上答疑' };
    await v4.table('serviceLogs').bulkAdd([oldLog, orphan]);
    const logBefore = await oplog(v4);

    const v11 = await reopen(v4);
    expect(v11.verno).toBeGreaterThanOrEqual(9);
    expect((await v11.cooperationAgreements.get(ids.a))?.status).toBe('生效');
    expect((await v11.cooperationAgreements.get(ids.draft))?.status).toBe('草拟');
    // Old data is kept as stored (days: 3 stays), only the missing enterprise is filled in.
    expect(await v11.serviceLogs.get(oldLog.id)).toEqual({ ...oldLog, enterpriseId: ids.e });
    expect(await v11.serviceLogs.get(orphan.id)).toEqual(orphan);
    // The upgrade is not change-tracked (every node runs it itself).
    expect(await oplog(v11)).toEqual(logBefore);
    const inYear = (await v11.serviceLogs.where('[commissionerId+date]').between([ids.c, '2026-01-01'], [ids.c, '2026-12-31'], true, true).toArray()).map((l) => l.id);
    expect(inYear).toEqual([oldLog.id]);
    expect(await v11.serviceLogs.where('[enterpriseId+date]').between([ids.e, '2026-01-01'], [ids.e, '2026-12-31'], true, true).count()).toBe(1);
    expect(await v11.dispatchUnits.count()).toBe(0);
  });
});
