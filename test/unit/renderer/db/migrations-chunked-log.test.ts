import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { readFieldClocks } from '../../../../renderer/src/db/fieldClocks';
import { markTransactionSelfLogged } from '../../../../renderer/src/db/tracking';
import { dumpLedgers, exportBundle, getLocalVector, importBundle } from '../../../../renderer/src/db/sync';
import type { SyncOp } from '../../../../shared/sync';
import { advisor, freshDb, iso, oplog, reopen } from './helpers';
import { node } from './sync/syncHelpers';

const beforeV14 = schemaVersions.filter((v) => v.version < 14);

describe('version 13 → 14 (field clocks inside the rows, the oplog in chunks)', () => {
  it('moves every op and every clock over — records, 待补全 and hard-deleted ones — and everything works on the new layout', async () => {
    const old = await freshDb({ versions: beforeV14 });
    expect(old.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['oplog', 'fieldClocks']));
    // 1,500 records: more ops than one chunk holds.
    const many = Array.from({ length: 1500 }, (_, i) => advisor({ name: `顾问${i}` }));
    await old.advisors.bulkAdd(many);
    const [x, gone] = [advisor({ name: '留下的' }), advisor({ name: '早年硬删除的' })];
    await old.advisors.bulkAdd([x, gone]);
    await old.advisors.update(x.id, { status: '评议', notes: '旧格式' });
    await old.advisors.update(x.id, { notes: undefined });
    // Before deletes became tombstones a delete removed the row and kept its op and clocks.
    await old.advisors.delete(gone.id);
    await old.transaction('rw', old.advisors, async (tx) => {
      markTransactionSelfLogged(old.tracker, tx);
      await old.advisors.delete(gone.id);
    });
    // A 待补全 record from an import: its op and clocks, the record waiting outside the ledger.
    const waitingId = crypto.randomUUID();
    const foreign = 'node-b';
    const waitingOp: SyncOp = { opId: `0000019a00000000-0000-${foreign}`, nodeId: foreign, table: 'advisors', id: waitingId, fields: { name: '只到了修改' }, deleted: false, operator: '乙', at: iso, prev: { name: `0000019900000000-0000-${foreign}` } };
    await old.table('oplog').add(waitingOp);
    await old.table('fieldClocks').put({ table: 'advisors', id: waitingId, clocks: { name: waitingOp.opId } });
    await old.pendingRecords.put({ table: 'advisors', id: waitingId, record: { id: waitingId, name: '只到了修改' }, problem: '字段“称号”：必填' });

    const log = await oplog(old);
    const clocks = await old.table('fieldClocks').toArray();
    const vector = await getLocalVector(old);
    const records = (await old.advisors.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(log.length).toBe(1500 + 2 + 2 + 1 + 1);
    expect(await old.advisors.get(gone.id)).toBeUndefined();

    const db = await reopen(old);
    expect(db.verno).toBeGreaterThanOrEqual(14);
    expect(db.tables.map((t) => t.name)).not.toContain('oplog');
    expect(db.tables.map((t) => t.name)).not.toContain('fieldClocks');
    // Every op, unchanged, in opId order, in chunks of at most 1,000.
    expect(await oplog(db)).toEqual(log);
    expect(await db.oplog.count()).toBe(log.length);
    const chunks = await db.table('opChunks').toArray();
    expect(chunks.length).toBe(2);
    expect(Math.max(...chunks.map((c) => c.n))).toBe(1000);
    expect(await getLocalVector(db)).toEqual(vector);
    expect(await db.oplog.lastOpId()).toBe(log.at(-1)?.opId);
    expect(await db.oplog.newest(3)).toEqual(log.slice(-3).reverse());
    expect(await db.oplog.forRecord('advisors', x.id)).toEqual(log.filter((op) => op.id === x.id));
    // Every clock, now inside its row (or its 待补全 row); no reader sees them.
    const moved = await readFieldClocks(db, 'advisors');
    expect(moved.size).toBe(clocks.length);
    for (const c of clocks) expect(moved.get(c.id)).toEqual(c.clocks);
    expect((await db.pendingRecords.get(['advisors', waitingId]))?.clocks).toEqual({ name: waitingOp.opId });
    const after = (await db.advisors.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(after.filter((r) => r.id !== gone.id)).toEqual(records);
    expect(after.every((r) => !('$clocks' in r))).toBe(true);
    // The hard-deleted record is the tombstone its ops make (what every other machine holds).
    const deleteOp = log.find((op) => op.id === gone.id && op.deleted) as SyncOp;
    expect(await db.advisors.get(gone.id)).toEqual({ ...gone, deletedAt: deleteOp.at });

    // Tracking continues from the migrated clocks.
    await db.advisors.update(x.id, { status: '已审定' });
    const statusOp = log.filter((op) => op.id === x.id && 'status' in op.fields).at(-1) as SyncOp;
    expect((await oplog(db)).at(-1)?.prev).toEqual({ status: statusOp.opId });
    // The migrated machine syncs: a new machine receives every op and holds the same records.
    const other = await node('乙');
    const full = await exportBundle(db, { kind: 'full' });
    expect((await importBundle(other, full.bytes)).applied).toBe(log.length + 1);
    const [mine, theirs] = [await dumpLedgers(db), await dumpLedgers(other)];
    expect(theirs).toEqual(mine);
  });
});
