import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { decodeHlc } from '../../../../shared/sync/hlc';
import { DEFAULT_OPERATOR } from '../../../../renderer/src/db/oplog';
import { markTransactionSelfLogged, setCurrentOperator } from '../../../../renderer/src/db/tracking';
import { advisor, freshDb, iso, oplog } from './helpers';

const withoutId = (r: Record<string, unknown>) => {
  const { id: _id, ...rest } = r;
  return rest;
};

describe('change tracking: every write path is logged in the same transaction', () => {
  it('add logs every field with nodeId, operator, time and an HLC opId', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a);
    const [e, ...rest] = await oplog(db);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ table: 'advisors', id: a.id, fields: withoutId(a), deleted: false, operator: DEFAULT_OPERATOR });
    expect(e.unset).toBeUndefined();
    expect(e.nodeId).toBe(db.tracker.nodeId);
    expect(decodeHlc(e.opId).nodeId).toBe(e.nodeId);
    expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  it('put of a new record logs all fields; of a changed record only the changes; of an unchanged one nothing', async () => {
    const db = await freshDb();
    const a: ReturnType<typeof advisor> & { field?: string } = advisor({ field: '新材料' });
    await db.advisors.put(a);
    await db.advisors.put({ ...a, name: '陈思源', updatedAt: '2026-11-25T08:00:00.000Z' });
    await db.advisors.put({ ...a, name: '陈思源', updatedAt: '2026-11-25T08:00:00.000Z' }); // same again
    const { field: _f, ...withoutField } = { ...a, name: '陈思源', updatedAt: '2026-11-25T08:00:00.000Z' };
    await db.advisors.put(withoutField);
    const log = await oplog(db);
    expect(log.map((e) => e.fields)).toEqual([
      withoutId(a),
      { name: '陈思源', updatedAt: '2026-11-25T08:00:00.000Z' },
      {},
    ]);
    expect(log[2].unset).toEqual(['field']);
  });

  it('update logs only changed fields, nothing when the value is the same', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a);
    expect(await db.advisors.update(a.id, { status: '评议' })).toBe(1);
    await db.advisors.update(a.id, { status: '评议' });
    await db.advisors.update(crypto.randomUUID(), { status: '评议' }); // missing key
    const log = await oplog(db);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ id: a.id, fields: { status: '评议' }, deleted: false });
  });

  it('upsert logs the insert and then the change', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.upsert(a.id, withoutId(a) as never);
    await db.advisors.upsert(a.id, { name: '林若溪' });
    const log = await oplog(db);
    expect(log.map((e) => e.fields)).toEqual([withoutId(a), { name: '林若溪' }]);
  });

  it('bulkAdd, bulkPut, bulkUpdate and bulkDelete log one entry per changed record', async () => {
    const db = await freshDb();
    const [a, b, c] = [advisor(), advisor({ name: '林若溪' }), advisor({ name: '周明哲' })];
    await db.advisors.bulkAdd([a, b]);
    await db.advisors.bulkPut([{ ...a, status: '评议' }, b, c]); // a changed, b unchanged, c new
    await db.advisors.bulkUpdate([
      { key: a.id, changes: { status: '已审定' } },
      { key: b.id, changes: { status: '推荐' } }, // unchanged value
      { key: crypto.randomUUID(), changes: { status: '推荐' } }, // missing
    ]);
    await db.advisors.bulkDelete([b.id, c.id, crypto.randomUUID()]);
    const log = await oplog(db);
    expect(log.map((e) => [e.id, e.fields, e.deleted])).toEqual([
      [a.id, withoutId(a), false],
      [b.id, withoutId(b), false],
      [a.id, { status: '评议' }, false],
      [c.id, withoutId(c), false],
      [a.id, { status: '已审定' }, false],
      [b.id, {}, true],
      [c.id, {}, true],
    ]);
    // Issue 10: never hard-deleted — the rows stay as tombstones stamped with the op's time.
    expect(await db.advisors.count()).toBe(3);
    const [rb, rc] = await db.advisors.bulkGet([b.id, c.id]);
    expect(rb).toEqual({ ...b, deletedAt: log[5].at });
    expect(rc).toEqual({ ...c, deletedAt: log[6].at });
  });

  it('a bulkPut naming the same record twice diffs each value against the previous one', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.bulkPut([a, { ...a, status: '评议' }, { ...a, status: '评议' }]);
    const log = await oplog(db);
    expect(log.map((e) => e.fields)).toEqual([withoutId(a), { status: '评议' }]);
  });

  it('delete keeps the row as a tombstone, logs deleted: true once, and nothing for a key that does not exist', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a);
    await db.advisors.delete(a.id);
    await db.advisors.delete(a.id);
    const log = await oplog(db);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ table: 'advisors', id: a.id, fields: {}, deleted: true });
    expect(await db.advisors.get(a.id)).toEqual({ ...a, deletedAt: log[1].at });
    await db.advisors.delete(crypto.randomUUID());
    expect(await oplog(db)).toHaveLength(2);
  });

  it('collection.modify with an object and with a function', async () => {
    const db = await freshDb();
    const rows = [advisor({ status: '推荐' }), advisor({ status: '推荐' }), advisor({ status: '评议' })];
    await db.advisors.bulkAdd(rows);
    expect(await db.advisors.where('status').equals('推荐').modify({ status: '已审定' })).toBe(2);
    await db.advisors
      .filter((r) => r.status === '评议')
      .modify((r) => {
        r.notes = '待补材料';
      });
    const log = (await oplog(db)).slice(3);
    expect(log.map((e) => [e.id, e.fields])).toEqual(
      expect.arrayContaining([
        [rows[0].id, { status: '已审定' }],
        [rows[1].id, { status: '已审定' }],
        [rows[2].id, { notes: '待补材料' }],
      ]),
    );
    expect(log).toHaveLength(3);
  });

  it('collection.delete on an index, on a primary-key range, and table.clear log each deleted key', async () => {
    const db = await freshDb();
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004'];
    await db.advisors.bulkAdd(ids.map((id, i) => advisor({ id, status: i === 0 ? '解聘' : '推荐' })));
    expect(await db.advisors.where('status').equals('解聘').delete()).toBe(1); // 'delete' request
    expect(await db.advisors.where(':id').between(ids[1], ids[2], true, true).delete()).toBe(2); // 'deleteRange'
    await db.advisors.clear(); // 'deleteRange' over everything
    const deletes = (await oplog(db)).filter((e) => e.deleted);
    expect(deletes.map((e) => e.id)).toEqual(ids);
    // Tombstones, not removed rows; clear() left the three already deleted as they were.
    const rows = await db.advisors.toArray();
    expect(rows.map((r) => r.deletedAt)).toEqual(deletes.map((e) => e.at));
  });

  it('opIds strictly increase and carry the same nodeId', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a);
    for (const status of ['评议', '已审定', '已聘任'] as const) await db.advisors.update(a.id, { status });
    await db.advisors.delete(a.id);
    const log = await db.oplog.toArray(); // primary key order
    const byInsertion = log.map((e) => e.fields.status ?? (e.deleted ? 'deleted' : 'added'));
    expect(byInsertion).toEqual(['推荐', '评议', '已审定', '已聘任', 'deleted']);
    expect(new Set(log.map((e) => e.nodeId)).size).toBe(1);
  });

  it('records the current operator', async () => {
    const db = await freshDb();
    setCurrentOperator('张三');
    await db.advisors.add(advisor());
    setCurrentOperator('');
    await db.advisors.add(advisor());
    expect((await oplog(db)).map((e) => e.operator)).toEqual(['张三', DEFAULT_OPERATOR]);
  });

  it('does not log the local tables', async () => {
    const db = await freshDb();
    await db.meta.put({ key: 'x', value: 1 });
    expect(await db.oplog.count()).toBe(0);
  });
});

describe('change tracking: atomicity', () => {
  it('an aborted transaction leaves neither data nor oplog', async () => {
    const db = await freshDb();
    const a = advisor();
    await expect(
      db.transaction('rw', db.advisors, db.commissionerTeams, async () => {
        await db.advisors.add(a);
        await db.advisors.update(a.id, { status: '评议' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.advisors.count()).toBe(0);
    expect(await db.oplog.count()).toBe(0);
  });

  it('a bulk error caught inside a transaction logs only the records that were written', async () => {
    const db = await freshDb();
    const a = advisor();
    const b = advisor({ name: '林若溪' });
    await db.advisors.add(a);
    await db.transaction('rw', db.advisors, async () => {
      await db.advisors.bulkAdd([a, b]).catch(() => undefined); // a is a duplicate key
    });
    const log = await oplog(db);
    expect(log.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(await db.advisors.count()).toBe(2);
  });

  it('an explicit transaction sees its own writes and commits data and log together', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.transaction('rw', db.advisors, async () => {
      await db.advisors.add(a);
      await db.advisors.update(a.id, { status: '评议' });
      expect((await db.advisors.get(a.id))?.status).toBe('评议');
    });
    expect(await db.oplog.count()).toBe(2);
  });

  it('writes of a sync-import transaction marked self-logged are not logged again', async () => {
    const db = await freshDb();
    await db.transaction('rw', [db.advisors.name, ...db.oplog.storeNames], async (tx) => {
      markTransactionSelfLogged(db.tracker, tx);
      await db.advisors.add(advisor());
    });
    await db.advisors.add(advisor());
    expect(await db.oplog.count()).toBe(1);
  });

  it('works together with liveQuery (Dexie cache middleware)', async () => {
    const db = await freshDb();
    const seen: number[] = [];
    const sub = liveQuery(() => db.advisors.count()).subscribe((n) => seen.push(n));
    await new Promise((r) => setTimeout(r, 20));
    await db.advisors.add(advisor());
    await db.advisors.bulkAdd([advisor(), advisor()]);
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(seen.at(-1)).toBe(3);
    expect(await db.oplog.count()).toBe(3);
  });
});

describe('change tracking: identity and clock across restarts', () => {
  it('the nodeId is created once and persists across reopen', async () => {
    const { reopen } = await import('./helpers');
    const db = await freshDb();
    const nodeId = db.tracker.nodeId;
    expect(nodeId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await reopen(db);
    expect(again.tracker.nodeId).toBe(nodeId);
  });

  it('opIds keep increasing after reopen even if the machine clock went back a day', async () => {
    const { reopen } = await import('./helpers');
    const t0 = Date.parse(iso);
    let now = t0;
    const db = await freshDb({ now: () => now });
    const a = advisor();
    await db.advisors.add(a);
    await db.advisors.update(a.id, { status: '评议' });
    const before = await db.oplog.lastOpId();

    now = t0 - 24 * 3600 * 1000; // the clerk "fixed" the clock
    const again = await reopen(db, { now: () => now });
    await again.advisors.update(a.id, { status: '已审定' });
    const log = await oplog(again);
    expect(log).toHaveLength(3);
    expect(log[2].opId > (before as string)).toBe(true);
    expect(log[2].fields).toEqual({ status: '已审定' });
    expect(decodeHlc(log[2].opId).wallMs).toBe(t0);
  });

  it('receive() adopts a remote time from the future and reports the skew', async () => {
    const t0 = Date.parse(iso);
    const db = await freshDb({ now: () => t0 });
    const remote = `${(t0 + 3_600_000).toString(16).padStart(16, '0')}-0003-22222222-2222-4222-8222-222222222222`;
    expect(db.tracker.receive(remote)).toBe(3_600_000);
    expect(db.tracker.maxSkewMs).toBe(3_600_000);
    await db.advisors.add(advisor());
    const [e] = await oplog(db);
    expect(e.opId > remote).toBe(true);
  });
});

describe('change tracking: edges', () => {
  it('a put without a primary key fails and logs nothing', async () => {
    const db = await freshDb();
    const { id: _id, ...noId } = advisor();
    await expect(db.advisors.put(noId as never)).rejects.toThrow();
    expect(await db.oplog.count()).toBe(0);
  });

  it('upgrade functions (versionchange) are not logged; tracking works after the upgrade', async () => {
    const { schemaVersions } = await import('../../../../renderer/src/db/schema');
    const { reopen } = await import('./helpers');
    const db = await freshDb();
    const a = advisor({ notes: '旧格式' });
    await db.advisors.add(a);
    const v2 = {
      version: schemaVersions[schemaVersions.length - 1].version + 1,
      stores: {},
      upgrade: (tx: import('dexie').Transaction) =>
        tx
          .table('advisors')
          .toCollection()
          .modify((r: { notes?: string }) => {
            r.notes = '新格式';
          })
          .then(() => undefined),
    };
    const upgraded = await reopen(db, { versions: [...schemaVersions, v2] });
    expect((await upgraded.advisors.get(a.id))?.notes).toBe('新格式');
    expect(await upgraded.oplog.count()).toBe(1); // only the original add
    await upgraded.advisors.update(a.id, { status: '评议' });
    expect(await upgraded.oplog.count()).toBe(2);
  });
});

describe('change tracking: a failed oplog write', () => {
  it('aborts the transaction even if the caller swallows the error', async () => {
    const { encodeHlc, tick } = await import('../../../../shared/sync/hlc');
    const t = Date.parse(iso);
    const db = await freshDb({ now: () => t });
    // Log the next write's op ahead of it, so the oplog write fails (the op is in the log already).
    const next = encodeHlc(tick(db.tracker.clockState, t), db.tracker.nodeId!);
    const op = { opId: next, nodeId: db.tracker.nodeId!, table: 'advisors' as const, id: 'x', fields: { name: 'x' }, deleted: false, operator: 'x', at: iso };
    await db.table('opChunks').add({ first: next, n: 1, heads: [next], records: ['advisors:x'], ops: [op] });
    const a = advisor();
    await expect(
      db.transaction('rw', db.advisors, async () => {
        await db.advisors.add(a).catch(() => undefined);
      }),
    ).rejects.toThrow();
    expect(await db.advisors.get(a.id)).toBeUndefined();
    expect(await db.oplog.count()).toBe(1);
  });
});
