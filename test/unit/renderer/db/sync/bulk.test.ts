/**
 * Large batches take the range-read paths (tracking.ts readClocks, slice.ts readMany/readHistory,
 * from 1,000 keys on): they must give exactly what the per-key reads give.
 */
import { describe, expect, it, vi } from 'vitest';
import { canonical } from '../../../../../renderer/src/db/sync/dump';
import { applyOps, emptyMergeState, type SyncOp } from '../../../../../shared/sync';
import { dumpLedgers, exportBundle, getLocalVector, importBundle, listConflicts } from './api';
import { advisor, oplog } from '../helpers';
import { node, send } from './syncHelpers';

describe('bulk writes and imports (range reads)', () => {
  it('1,500 records: prev chains, convergence, conflicts and equality with the pure merge', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    const rows = Array.from({ length: 1500 }, (_, i) => advisor({ name: `顾问${i}` }));
    await a.advisors.bulkPut(rows);
    await send(a, b);
    // Both edit every record: one range read of clocks per bulkPut, and a conflict per record.
    await a.advisors.bulkPut(rows.map((r) => ({ ...r, status: '评议' as const })));
    await b.advisors.bulkPut(rows.map((r) => ({ ...r, status: '已审定' as const })));
    const logA = await oplog(a);
    const first = new Map(logA.slice(0, 1500).map((e) => [e.id, e.opId]));
    for (const e of logA.slice(1500)) expect(e.prev).toEqual({ status: first.get(e.id) });

    const { bytes } = await exportBundle(b, { kind: 'incremental', receiverVector: await getLocalVector(a) });
    const r = await importBundle(a, bytes);
    expect(r).toMatchObject({ applied: 1500, conflicts: 1500 });
    await send(a, b);
    expect(await dumpLedgers(a)).toEqual(await dumpLedgers(b));
    expect((await listConflicts(b)).map((c) => c.key).sort()).toEqual((await listConflicts(a)).map((c) => c.key).sort());

    const pure = applyOps(emptyMergeState(), (await oplog(a)) as SyncOp[]);
    const pureRows = [...(pure.state.records.get('advisors')?.values() ?? [])].map((x) => canonical(x)).sort((x, y) => ((x as { id: string }).id < (y as { id: string }).id ? -1 : 1));
    expect((await dumpLedgers(a)).advisors).toEqual(pureRows);
    expect(pure.summary.conflicts).toHaveLength(1500);
    // Re-importing the same ops under a new bundleId: all already applied (range read of opIds).
    const again = await exportBundle(b, { kind: 'full' });
    const before = await dumpLedgers(a);
    expect((await importBundle(a, again.bytes)).applied).toBe(0);
    expect(await dumpLedgers(a)).toEqual(before);
  }, 60_000);

  it('a large bulkPut diffs against the stored rows whether its key range holds none (nothing read) or some (one range read)', async () => {
    const [a] = [await node('甲')];
    const rows = Array.from({ length: 1200 }, (_, i) => advisor({ name: `顾问${i}` }));
    await a.advisors.bulkPut(rows); // all new: the range count is 0, no row is read
    expect((await oplog(a)).every((e) => Object.keys(e.fields).length > 3)).toBe(true);
    // Half changed, half unchanged: one range read of the stored rows.
    await a.advisors.bulkPut(rows.map((r, i) => (i % 2 ? { ...r, status: '评议' as const } : r)));
    const log = await oplog(a);
    expect(log.slice(1200).map((e) => e.fields)).toEqual(rows.filter((_, i) => i % 2).map(() => ({ status: '评议' })));
    // 1,000 new random keys plus one stored: their range holds ~1,200 rows, within the spread
    // limit, so one range read; the stored one diffs, the new ones are inserts.
    const fresh = Array.from({ length: 1000 }, (_, i) => advisor({ name: `新顾问${i}` }));
    await a.advisors.bulkPut([...fresh, { ...rows[0], notes: '改' }]);
    const last = (await oplog(a)).slice(1800);
    expect(last).toHaveLength(1001);
    expect(last.find((e) => e.id === rows[0].id)?.fields).toEqual({ notes: '改' });
    expect(last.filter((e) => e.fields.name?.toString().startsWith('新顾问'))).toHaveLength(1000);
  }, 60_000);

  it('an incremental import of edits made on top of this machine’s data reads no history; a concurrent edit reads only its record’s', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    const rows = Array.from({ length: 1200 }, (_, i) => advisor({ name: `顾问${i}` }));
    await a.advisors.bulkPut(rows);
    await send(a, b);
    await a.advisors.bulkPut(rows.map((r) => ({ ...r, status: '评议' as const })));
    await b.advisors.update(rows[5].id, { status: '已审定' }); // concurrent with 甲's edit of it
    const history = vi.spyOn(b.oplog, 'forRecords');
    const r = await send(a, b);
    expect(r).toMatchObject({ applied: 1200, conflicts: 1 });
    expect(history.mock.calls.flatMap(([, ids]) => ids)).toEqual([rows[5].id]);
    // Sending the same ops again (a full bundle): they may be applied already, so history decides.
    history.mockClear();
    const again = await importBundle(b, (await exportBundle(a, { kind: 'full' })).bytes);
    expect(again).toMatchObject({ applied: 0, skipped: 2400 });
    expect(history.mock.calls.flatMap(([, ids]) => ids)).toHaveLength(1200);
    await send(b, a);
    expect(await dumpLedgers(a)).toEqual(await dumpLedgers(b));
  });
});
