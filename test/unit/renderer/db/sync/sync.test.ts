import { readFieldClocks } from '../../../../../renderer/src/db/fieldClocks';
import { describe, expect, it } from 'vitest';
import { getNodeId } from '../../../../../renderer/src/db/meta';
import {
  BundleError,
  DEFAULT_NODE_NAME,
  dumpLedgers,
  exportBundle,
  getLocalVector,
  getNodeName,
  importBundle,
  listConflicts,
  previewBundle,
  readBundleForTest,
  resolveConflict,
} from './api';
import { advisor, freshDb, iso, oplog } from '../helpers';
import { dumpAll, node, send, T0 } from './syncHelpers';

describe('change tracking with field clocks (prev)', () => {
  it('every local op names the opId it overwrote per field, and fieldClocks follow in the same transaction', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a);
    await db.advisors.update(a.id, { status: '评议' });
    await db.advisors.update(a.id, { status: '已审定', notes: '补材料' });
    await db.advisors.update(a.id, { notes: undefined });
    await db.advisors.delete(a.id);
    const [add, s1, s2, unset, del] = await oplog(db);
    expect(add.prev).toEqual({});
    expect(s1.prev).toEqual({ status: add.opId });
    expect(s2.prev).toEqual({ status: s1.opId }); // notes never set before: no entry
    expect(unset).toMatchObject({ unset: ['notes'], prev: { notes: s2.opId } });
    expect(del).toMatchObject({ deleted: true, prev: {} });
    const clocks = (await readFieldClocks(db, 'advisors', [a.id])).get(a.id);
    expect(clocks).toMatchObject({ name: add.opId, status: s2.opId, notes: unset.opId, deletedAt: del.opId });
  });

  it('a bulkPut naming one record twice chains prev through the first write', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.bulkPut([a, { ...a, status: '评议' }, { ...a, status: '已审定' }]);
    const [x, y, z] = await oplog(db);
    expect(y.prev).toEqual({ status: x.opId });
    expect(z.prev).toEqual({ status: y.opId });
  });

  it('an aborted transaction leaves no clocks behind', async () => {
    const db = await freshDb();
    const a = advisor();
    await expect(
      db.transaction('rw', db.advisors, async () => {
        await db.advisors.add(a);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await readFieldClocks(db, 'advisors')).size).toBe(0);
  });
});

describe('node identity and vector', () => {
  it('has a default name, keeps a set one, and the vector is the last opId per origin', async () => {
    const [a, b] = [await freshDb(), await node('南宁办公室')];
    expect(await getNodeName(a)).toBe(DEFAULT_NODE_NAME);
    expect(await getNodeName(b)).toBe('南宁办公室');
    expect(await getLocalVector(a)).toEqual({});
    await a.advisors.add(advisor());
    await a.advisors.add(advisor());
    await send(a, b);
    await b.advisors.add(advisor());
    const log = await oplog(b);
    expect(await getLocalVector(b)).toEqual({ [a.tracker.nodeId!]: log[1].opId, [b.tracker.nodeId!]: log[2].opId });
  });
});

describe('export and import between machines', () => {
  it('two machines converge; the file name carries the node name and the time', async () => {
    const a = await node('南宁办公室');
    const b = await node('柳州/办公室');
    const x = advisor();
    await a.advisors.add(x);
    await b.advisors.add(advisor({ name: '林若溪' }));
    const exported = await exportBundle(b, { kind: 'incremental', now: new Date(2026, 10, 24, 15, 30, 0) });
    expect(exported.fileName).toBe('SciLedger-柳州_办公室-20261124-153000.sclb');
    expect(exported.opCount).toBe(1);
    expect(exported.manifest).toMatchObject({ nodeName: '柳州/办公室', kind: 'incremental', counts: { ops: 1 } });
    const r = await importBundle(a, exported.bytes);
    expect(r).toMatchObject({ bundleId: exported.bundleId, nodeName: '柳州/办公室', applied: 1, skipped: 0, conflicts: 0, alreadyApplied: false, perTable: { advisors: { added: 1, changed: 0, deleted: 0 } } });
    await send(a, b);
    expect(await dumpLedgers(a)).toEqual(await dumpLedgers(b));
    expect((await dumpLedgers(a)).advisors).toHaveLength(2);
  });

  it('A→B→C relays A’s ops; C then sends nothing new back to A', async () => {
    const [a, b, c] = [await node('甲'), await node('乙'), await node('丙')];
    const x = advisor();
    await a.advisors.add(x);
    await send(a, b);
    await b.advisors.update(x.id, { status: '评议' });
    const r = await send(b, c);
    expect(r.applied).toBe(2);
    expect(await c.advisors.get(x.id)).toMatchObject({ status: '评议', name: x.name });
    expect((await send(c, a)).applied).toBe(1);
    const again = await exportBundle(c, { kind: 'incremental', receiverVector: await getLocalVector(a) });
    expect(again.opCount).toBe(0);
    const dumps = await Promise.all([a, b, c].map(dumpLedgers));
    expect(dumps[1]).toEqual(dumps[0]);
    expect(dumps[2]).toEqual(dumps[0]);
  });

  it('importing the same bundle twice changes nothing, byte for byte; a second bundle of known ops changes no ledger', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    await a.advisors.add(advisor());
    const { bytes } = await exportBundle(a, { kind: 'full' });
    await importBundle(b, bytes);
    const before = await dumpAll(b);
    const again = await importBundle(b, bytes);
    expect(again).toMatchObject({ alreadyApplied: true, applied: 0 });
    expect(await dumpAll(b)).toBe(before);
    expect((await previewBundle(b, bytes)).alreadyApplied).toBe(true);
    const ledgers = await dumpLedgers(b);
    const other = await exportBundle(a, { kind: 'full' });
    const r = await importBundle(b, other.bytes);
    expect(r).toMatchObject({ alreadyApplied: false, applied: 0, skipped: 1 });
    expect(await dumpLedgers(b)).toEqual(ledgers);
  });

  it('preview runs the merge without writing', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    await a.advisors.bulkAdd([advisor(), advisor()]);
    const { bytes } = await exportBundle(a, { kind: 'full' });
    const before = await dumpAll(b);
    const p = await previewBundle(b, bytes);
    expect(p).toMatchObject({ opCount: 2, newOps: 2, alreadyApplied: false, perTable: { advisors: { added: 2, changed: 0, deleted: 0 } }, needsDeleteConfirmation: false, conflicts: 0 });
    expect(Math.abs(p.skewMs)).toBeLessThan(60_000);
    expect(await dumpAll(b)).toBe(before);
  });

  it('a clock far ahead is reported with the machine name, and later local edits sort after it', async () => {
    const a = await node('钦州（时钟快）', { now: () => T0 + 3 * 3600_000 });
    const b = await node('乙', { now: () => T0 });
    const x = advisor();
    await a.advisors.add(x);
    const { bytes } = await exportBundle(a, { kind: 'full' });
    expect((await previewBundle(b, bytes)).skewMs).toBe(3 * 3600_000);
    const r = await importBundle(b, bytes);
    expect(r.skewWarning).toEqual({ nodeName: '钦州（时钟快）', skewMs: 3 * 3600_000 });
    await b.advisors.update(x.id, { status: '评议' });
    await send(b, a);
    expect((await a.advisors.get(x.id))?.status).toBe('评议');
  });

  it('a bundle from this machine is refused (same node)', async () => {
    const a = await node('甲');
    await a.advisors.add(advisor());
    const { bytes } = await exportBundle(a, { kind: 'full' });
    await expect(importBundle(a, bytes)).rejects.toMatchObject({ code: 'same-node' });
    await expect(importBundle(a, bytes)).rejects.toBeInstanceOf(BundleError);
    expect(await getNodeId(a)).toBe(a.tracker.nodeId);
    expect(readBundleForTest).toBeDefined();
  });
});

describe('large deletes ask first', () => {
  it('refuses with LARGE_DELETE and changes nothing, then imports when confirmed', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    const rows = Array.from({ length: 10 }, () => advisor());
    await a.advisors.bulkAdd(rows);
    await send(a, b);
    for (const r of rows.slice(0, 3)) await a.advisors.update(r.id, { deletedAt: iso, updatedAt: iso });
    const { bytes } = await exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b) });
    const p = await previewBundle(b, bytes);
    expect(p.deleteShares.advisors).toBeCloseTo(0.3);
    expect(p.needsDeleteConfirmation).toBe(true);
    expect((await previewBundle(b, bytes, { deleteShareLimit: 0.5 })).needsDeleteConfirmation).toBe(false);
    const before = await dumpAll(b);
    const err = await importBundle(b, bytes).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'LARGE_DELETE' });
    expect((err as Error).message).toMatch(/科技顾问将删除 3 条/);
    expect(await dumpAll(b)).toBe(before);
    const r = await importBundle(b, bytes, { confirmLargeDelete: true });
    expect(r.perTable.advisors).toEqual({ added: 0, changed: 0, deleted: 3 });
    expect(await dumpLedgers(b)).toEqual(await dumpLedgers(a));
  });
});

describe('conflicts', () => {
  async function conflicted() {
    const [a, b] = [await node('甲'), await node('乙')];
    const x = advisor();
    await a.advisors.add(x);
    await send(a, b);
    await a.advisors.update(x.id, { status: '评议' });
    await b.advisors.update(x.id, { status: '已审定' });
    const ra = await send(b, a);
    const rb = await send(a, b);
    return { a, b, x, ra, rb };
  }

  it('a same-field concurrent edit is a conflict on both machines, with the same key and isLocal per side', async () => {
    const { a, b, x, ra, rb } = await conflicted();
    expect(ra.conflicts).toBe(1);
    expect(rb.conflicts).toBe(1);
    const [ca] = await listConflicts(a);
    const [cb] = await listConflicts(b);
    expect(ca.key).toBe(cb.key);
    expect(ca).toMatchObject({ table: 'advisors', id: x.id, field: 'status', sameValue: false });
    expect(ca.winner.isLocal).toBe(ca.winner.nodeId === a.tracker.nodeId);
    expect(ca.loser.isLocal).toBe(!ca.winner.isLocal);
    expect(cb.winner.isLocal).toBe(!ca.winner.isLocal);
    expect(await dumpLedgers(a)).toEqual(await dumpLedgers(b));
    expect((await a.advisors.get(x.id))?.status).toBe(ca.winner.value);
  });

  it('keep the loser: a tracked write that syncs without a new conflict', async () => {
    const { a, b, x } = await conflicted();
    const [c] = await listConflicts(a);
    const resolved = await resolveConflict(a, c.key, { keep: 'loser' });
    expect(resolved.resolution).toBe(c.loser.isLocal ? 'mine' : 'theirs');
    expect((await a.advisors.get(x.id))?.status).toBe(c.loser.value);
    const r = await send(a, b);
    expect(r.conflicts).toBe(0);
    expect((await b.advisors.get(x.id))?.status).toBe(c.loser.value);
    expect(await dumpLedgers(a)).toEqual(await dumpLedgers(b));
    const list = await listConflicts(a);
    expect(list).toHaveLength(1);
    expect(list[0].resolvedAt).toBeDefined();
  });

  it('a resolution by the machine that saw both values closes the other machine’s copy', async () => {
    const { a, b } = await conflicted();
    const [ca] = await listConflicts(a);
    // The machine whose own value lost keeps it: its edit names the winner as prev.
    const [resolver, other] = ca.loser.isLocal ? [a, b] : [b, a];
    const [c] = await listConflicts(resolver);
    await resolveConflict(resolver, c.key, { keep: 'loser' });
    expect((await send(resolver, other)).conflicts).toBe(0);
    const [closed] = await listConflicts(other);
    expect(closed).toMatchObject({ key: c.key, resolution: 'elsewhere' });
    expect(closed.resolvedAt).toBeDefined();
    // The sender's vector is kept with the applied bundle (导出 for that machine uses it).
    const newest = await other.appliedBundles.orderBy('appliedAt').last();
    expect(newest?.vector).toEqual(await getLocalVector(resolver));
  });

  it('an edit that continues one side without having seen the other leaves the conflict open', async () => {
    const { a, b, x } = await conflicted();
    const [cb] = await listConflicts(b);
    // The winning machine edits the field again on top of its own value (prev = its own op).
    const [writer, reader] = cb.winner.isLocal ? [b, a] : [a, b];
    await writer.advisors.update(x.id, { status: '推荐' });
    await send(writer, reader);
    const [still] = await listConflicts(reader);
    expect(still.resolvedAt).toBeUndefined();
  });

  it('keep the winner changes no value but is an op naming the conflict; edit validates and writes the new value', async () => {
    const { a, b, x } = await conflicted();
    const [c] = await listConflicts(b);
    const valueBefore = (await b.advisors.get(x.id))?.status;
    const logBefore = (await oplog(b)).length;
    await resolveConflict(b, c.key, { keep: 'winner' });
    const log = await oplog(b);
    expect(log.length).toBe(logBefore + 1);
    expect(log.at(-1)).toMatchObject({ fields: { status: valueBefore }, resolves: [c.key], prev: { status: c.winner.opId } });
    expect((await b.advisors.get(x.id))?.status).toBe(valueBefore);
    expect((await send(b, a)).conflicts).toBe(0);
    expect((await listConflicts(a))[0]).toMatchObject({ key: c.key, resolution: 'elsewhere' });
  });

  it('edit validates the value and writes it; the other machine closes its copy', async () => {
    const { a, b, x } = await conflicted();
    const [c] = await listConflicts(a);
    await expect(resolveConflict(a, c.key, { value: '不存在的状态' })).rejects.toThrow(/科技顾问的字段/);
    expect((await listConflicts(a))[0].resolvedAt).toBeUndefined();
    await resolveConflict(a, c.key, { value: '已聘任' });
    expect((await listConflicts(a))[0].resolution).toBe('edited');
    expect((await send(a, b)).conflicts).toBe(0);
    expect((await b.advisors.get(x.id))?.status).toBe('已聘任');
    expect((await listConflicts(b))[0].resolution).toBe('elsewhere');
  });

  it('two machines resolving the same conflict differently at once make a new, visible conflict', async () => {
    const { a, b } = await conflicted();
    const [c] = await listConflicts(a);
    await resolveConflict(a, c.key, { value: '已聘任' });
    await resolveConflict(b, c.key, { value: '推荐' });
    expect((await send(a, b)).conflicts).toBe(1);
    expect((await send(b, a)).conflicts).toBe(1);
    expect(await dumpLedgers(a)).toEqual(await dumpLedgers(b));
  });

  it('unresolved conflicts are listed first', async () => {
    const { a, b, x } = await conflicted();
    await a.advisors.update(x.id, { notes: '甲的备注' });
    await b.advisors.update(x.id, { notes: '乙的备注' });
    await send(b, a);
    const [first] = await listConflicts(a);
    await resolveConflict(a, first.key, { keep: 'winner' });
    const list = await listConflicts(a);
    expect(list.map((c) => c.resolvedAt === undefined)).toEqual([true, false]);
  });
});
