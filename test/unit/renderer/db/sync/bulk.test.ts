/**
 * Large batches take the range-read paths (tracking.ts readClocks, slice.ts readMany/readHistory,
 * from 1,000 keys on): they must give exactly what the per-key reads give.
 */
import { describe, expect, it } from 'vitest';
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
});
