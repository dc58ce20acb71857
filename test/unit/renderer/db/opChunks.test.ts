import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { chunkOps, OPS_PER_CHUNK } from '../../../../renderer/src/db/opChunks';
import { chunksToMerge } from '../../../../renderer/src/db/opChunkAppend';
import { exportBundle, importBundle } from '../../../../renderer/src/db/sync';
import { readFieldClocks } from '../../../../renderer/src/db/fieldClocks';
import { markTransactionSelfLogged } from '../../../../renderer/src/db/tracking';
import { opsToSend, type SyncOp } from '../../../../shared/sync';
import { advisor, freshDb, iso, oplog } from './helpers';

const op = (opId: string, id: string): SyncOp => ({ opId, nodeId: opId.split('-').slice(2).join('-'), table: 'advisors', id, fields: { notes: opId }, deleted: false, operator: '甲', at: iso });

describe('the oplog in chunks (schema v14)', () => {
  it('a bulk write of 2,500 new records in two requests is four log rows; the log reads back every op in order', async () => {
    const db = await freshDb();
    const rows = Array.from({ length: 2500 }, () => advisor());
    await db.advisors.bulkAdd(rows.slice(0, 1200));
    await db.advisors.bulkPut(rows.slice(1200));
    const chunks = await db.table('opChunks').toArray();
    expect(chunks.map((c) => c.n).sort((a, b) => a - b)).toEqual([200, 300, OPS_PER_CHUNK, OPS_PER_CHUNK]);
    const log = await oplog(db);
    expect(log).toHaveLength(2500);
    expect(await db.oplog.count()).toBe(2500);
    expect(log.map((e) => e.opId)).toEqual([...log.map((e) => e.opId)].sort());
    expect(new Set(log.map((e) => e.id))).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('history, ops since a vector and the newest ops are right when imported and local ops interleave across chunks', async () => {
    const db = await freshDb();
    const local = Array.from({ length: 30 }, () => advisor());
    for (const r of local.slice(0, 10)) await db.advisors.add(r);
    // Older ops of another machine arrive later (an import writes them as one chunk).
    const far = Array.from({ length: 25 }, (_, i) => op(`00000190${String(i).padStart(8, '0')}-0000-node-far`, local[i % 10].id));
    await db.transaction('rw', [db.advisors.name, ...db.oplog.storeNames], async (tx) => {
      markTransactionSelfLogged(db.tracker, tx);
      await db.oplog.append(far);
    });
    await db.advisors.bulkAdd(local.slice(10));
    const all = await oplog(db);
    expect(all).toHaveLength(55);
    expect(all.map((e) => e.opId)).toEqual([...all.map((e) => e.opId)].sort());
    expect(all.slice(0, 25)).toEqual(far);
    const byNewest = [...all].reverse();
    expect(await db.oplog.newest(7)).toEqual(byNewest.slice(0, 7));
    expect(await db.oplog.newest(100)).toEqual(byNewest);
    expect(await db.oplog.forRecord('advisors', local[3].id)).toEqual(all.filter((e) => e.id === local[3].id));
    const vector = { 'node-far': far[11].opId, [db.tracker.nodeId as string]: all.filter((e) => e.nodeId === db.tracker.nodeId)[14].opId };
    expect(await db.oplog.since(vector)).toEqual(opsToSend(all, vector));
    expect(await db.oplog.since({})).toEqual(all);
    expect(await db.oplog.vector()).toEqual({ 'node-far': far[24].opId, [db.tracker.nodeId as string]: all[54].opId });
  });

  it('chunkOps sorts, splits and indexes', () => {
    const ops = [op('0000019000000002-0000-b', 'r2'), op('0000019000000001-0000-a', 'r1'), op('0000019000000003-0000-a', 'r1')];
    const [one, two] = chunkOps(ops, 2);
    expect(one).toMatchObject({ first: '0000019000000001-0000-a', n: 2, records: ['advisors:r1', 'advisors:r2'] });
    expect(one.heads.sort()).toEqual(['0000019000000001-0000-a', '0000019000000002-0000-b']);
    expect(two).toMatchObject({ first: '0000019000000003-0000-a', n: 1, heads: ['0000019000000003-0000-a'], records: ['advisors:r1'] });
  });
});

describe('small appends merge into the newest small chunks', () => {
  it('5,000 single-record edits leave about one chunk per 1,000 ops; history, vector, since-vector export and the newest ops read as before', async () => {
    const db = await freshDb();
    const records = Array.from({ length: 50 }, (_, i) => advisor({ name: `顾问${i}` }));
    for (const r of records) await db.advisors.add(r);
    for (let i = 0; i < 5000; i++) await db.advisors.update(records[i % 50].id, { notes: `第 ${i} 次修改` });
    const log = await oplog(db);
    expect(log).toHaveLength(5050);
    expect(new Set(log.map((e) => e.opId)).size).toBe(5050);
    expect(log.map((e) => e.opId)).toEqual([...log.map((e) => e.opId)].sort());
    expect(log.filter((e) => e.id === records[7].id).map((e) => e.fields.notes ?? '新增')).toEqual(['新增', ...Array.from({ length: 100 }, (_, k) => `第 ${7 + 50 * k} 次修改`)]);
    // One chunk per edit would be 5,050 rows.
    const chunks = (await db.table('opChunks').toArray()) as { n: number; ops: SyncOp[]; records: string[] }[];
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(5050 / OPS_PER_CHUNK) + 10);
    expect(chunks.reduce((n, c) => n + c.n, 0)).toBe(5050);
    for (const c of chunks) expect(c.ops).toHaveLength(c.n);
    expect(await db.oplog.count()).toBe(5050);
    for (const r of [records[0], records[7], records[49]]) expect(await db.oplog.forRecord('advisors', r.id)).toEqual(log.filter((e) => e.id === r.id));
    const mine = db.tracker.nodeId as string;
    expect(await db.oplog.vector()).toEqual({ [mine]: log[5049].opId });
    expect(await db.oplog.since({ [mine]: log[3210].opId })).toEqual(log.slice(3211));
    expect(await db.oplog.newest(25)).toEqual(log.slice(-25).reverse());
    // A full export carries every op; a second machine ends with the same records.
    const full = await exportBundle(db, { kind: 'full' });
    expect(full.opCount).toBe(5050);
    const other = await freshDb();
    await importBundle(other, full.bytes);
    expect(await other.advisors.orderBy('id').toArray()).toEqual(await db.advisors.orderBy('id').toArray());
    expect(await oplog(other)).toEqual(log);
  }, 120_000);

  it('imports of a few ops merge too, and a merge keeps imported ops older than the local ones in order', async () => {
    const db = await freshDb();
    const r = advisor();
    await db.advisors.add(r);
    for (let i = 0; i < 40; i++) {
      const far = [op(`00000190${String(i).padStart(8, '0')}-0000-node-far`, r.id)];
      await db.transaction('rw', [db.advisors.name, ...db.oplog.storeNames], async (tx) => {
        markTransactionSelfLogged(db.tracker, tx);
        await db.oplog.append(far);
      });
    }
    expect(await db.table('opChunks').count()).toBeLessThanOrEqual(6);
    const log = await oplog(db);
    expect(log).toHaveLength(41);
    expect(log.map((e) => e.opId)).toEqual([...log.map((e) => e.opId)].sort());
    expect(await db.oplog.forRecord('advisors', r.id)).toEqual(log);
  });

  it('the merge rule: only chunks that fit, while they are at most twice what is gathered; bulk appends never merge', () => {
    expect(chunksToMerge([['c', 1], ['b', 2], ['a', 900]], 1)).toEqual([['c', 1], ['b', 2]]);
    expect(chunksToMerge([['c', 3]], 1)).toEqual([]);
    expect(chunksToMerge([['d', 1000], ['c', 1]], 1)).toEqual([['c', 1]]);
    expect(chunksToMerge([['d', 999], ['c', 1]], 1)).toEqual([]);
    expect(chunksToMerge([['c', 1]], OPS_PER_CHUNK)).toEqual([]);
  });
});

describe('field clocks inside the record row', () => {
  it('no read shows them: get, bulkGet, toArray, where, each (cursor), filter, liveQuery', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a);
    await db.advisors.update(a.id, { status: '评议' });
    const expected = { ...a, status: '评议' };
    expect(await db.advisors.get(a.id)).toEqual(expected);
    expect(await db.advisors.bulkGet([a.id])).toEqual([expected]);
    expect(await db.advisors.toArray()).toEqual([expected]);
    expect(await db.advisors.where('status').equals('评议').toArray()).toEqual([expected]);
    expect(await db.advisors.filter((r) => !('$clocks' in r)).count()).toBe(1);
    const seen: unknown[] = [];
    await db.advisors.each((r) => seen.push(r));
    expect(seen).toEqual([expected]);
    const live = await new Promise<unknown>((resolve) => {
      const sub = liveQuery(() => db.advisors.toArray()).subscribe((rows) => {
        sub.unsubscribe();
        resolve(rows);
      });
    });
    expect(live).toEqual([expected]);
    // …while the stored row has them.
    const [add, edit] = await oplog(db);
    expect((await readFieldClocks(db, 'advisors', [a.id])).get(a.id)).toMatchObject({ name: add.opId, status: edit.opId });
  });

  it('a put that changes nothing keeps the clocks (the next edit still names what it overwrites)', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a);
    await db.advisors.put({ ...a });
    await db.advisors.bulkPut([{ ...a }]);
    await db.advisors.toCollection().modify(() => undefined);
    const [add, ...rest] = await oplog(db);
    expect(rest).toEqual([]);
    await db.advisors.update(a.id, { status: '评议' });
    expect((await oplog(db)).at(-1)?.prev).toEqual({ status: add.opId });
  });

  it('a modify() over a cursor and a delete keep the clocks and log prev', async () => {
    const db = await freshDb();
    const [a, b] = [advisor(), advisor()];
    await db.advisors.bulkAdd([a, b]);
    await db.advisors.where('id').equals(a.id).modify({ notes: '改' });
    await db.advisors.delete(b.id);
    const [, , modA, delB] = await oplog(db);
    expect(modA).toMatchObject({ id: a.id, fields: { notes: '改' }, prev: {} });
    expect(delB).toMatchObject({ id: b.id, deleted: true, prev: {} });
    const clocks = await readFieldClocks(db, 'advisors');
    expect(clocks.get(a.id)?.notes).toBe(modA.opId);
    expect(clocks.get(b.id)?.deletedAt).toBe(delB.opId);
    expect(await db.advisors.get(b.id)).toEqual({ ...b, deletedAt: delB.at });
  });
});

describe('a tracked write of new records reads nothing it does not need', () => {
  it('bulkAdd reads no store; a large bulkPut of new keys asks one count and reads no row', async () => {
    const { SciLedgerDb } = await import('../../../../renderer/src/db/database');
    const { Dexie } = await import('dexie');
    const reads: string[] = [];
    const db = new SciLedgerDb(`reads-${crypto.randomUUID()}`);
    // Below the change-tracking middleware: sees what it asks of the stores.
    db.use({
      stack: 'dbcore',
      name: 'countReads',
      level: 5,
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          const log = (what: string) => reads.push(`${name}.${what}`);
          return {
            ...t,
            get: (req) => (log('get'), t.get(req)),
            getMany: (req) => (log('getMany'), t.getMany(req)),
            query: (req) => (log('query'), t.query(req)),
            openCursor: (req) => (log('openCursor'), t.openCursor(req)),
            count: (req) => (log('count'), t.count(req)),
          };
        },
      }),
    });
    await db.open();
    try {
      reads.length = 0;
      await db.advisors.bulkPut(Array.from({ length: 1500 }, () => advisor()));
      expect(reads).toEqual(['advisors.count']);
      reads.length = 0;
      await db.advisors.bulkAdd(Array.from({ length: 10 }, () => advisor()));
      // No record is read; only the log's newest chunk keys (a small append may merge, opChunkAppend.ts).
      expect(reads).toEqual(['opChunks.query']);
      expect(await db.oplog.count()).toBe(1510);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
