import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../../../renderer/src/db/schema';
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
    expect(v3.oplog.schema.indexes.map((i) => i.name)).toContain('table');

    const v4 = await reopen(v3);
    expect(v4.verno).toBeGreaterThanOrEqual(4);
    expect(v4.oplog.schema.indexes.map((i) => i.name).sort()).toEqual(['[table+id]', 'at', 'operator']);
    expect(await oplog(v4)).toEqual(before);
    expect(await v4.oplog.where('[table+id]').equals(['advisors', x.id]).count()).toBe(2);
  });
});
