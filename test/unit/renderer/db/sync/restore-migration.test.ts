import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../../../../renderer/src/db/schema';
import { readFieldClocks } from '../../../../../renderer/src/db/fieldClocks';
import { dumpLedgers, exportBundle, importBundle, listConflicts, previewRestore, restoreFromBundle } from './api';
import { advisor, freshDb, iso, oplog, reopen } from '../helpers';
import { dumpAll, node, send } from './syncHelpers';

describe('restore from a full bundle', () => {
  it('previews, then makes the ledgers equal to the snapshot by tracked writes that sync', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    const [x, y] = [advisor(), advisor({ name: '林若溪' })];
    await a.advisors.bulkAdd([x, y]);
    const backup = await exportBundle(a, { kind: 'full' });
    const snapshot = await dumpLedgers(a);
    await send(a, b);

    const z = advisor({ name: '周明哲' });
    await a.advisors.add(z);
    await a.advisors.update(x.id, { status: '评议', notes: '后来加的' });
    await a.advisors.update(y.id, { deletedAt: iso });

    const before = await dumpAll(a);
    const preview = await previewRestore(a, backup.bytes);
    expect(preview.manifest.bundleId).toBe(backup.bundleId);
    expect(preview.perTable).toEqual({ advisors: { added: 1, changed: 1, deleted: 1 } });
    expect(await dumpAll(a)).toBe(before);

    const logBefore = (await oplog(a)).length;
    const r = await restoreFromBundle(a, backup.bytes);
    expect(r.changed).toBe(3);
    expect((await oplog(a)).length).toBe(logBefore + 3);
    const after = await dumpLedgers(a);
    const live = after.advisors.filter((row) => !row.deletedAt);
    expect(live).toEqual(snapshot.advisors);
    expect(after.advisors.find((row) => row.id === z.id)?.deletedAt).toBeTruthy();

    // The restore is an ordinary change: it reaches the other machine without conflicts.
    const rb = await send(a, b);
    expect(rb.conflicts).toBe(0);
    expect(await dumpLedgers(b)).toEqual(after);
    expect(await listConflicts(b)).toEqual([]);
    // Restoring again changes nothing.
    expect((await restoreFromBundle(a, backup.bytes)).changed).toBe(0);
  });

  it('refuses an incremental bundle, leaving the database unchanged', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    await a.advisors.add(advisor());
    await b.advisors.add(advisor());
    const inc = await exportBundle(a, { kind: 'incremental' });
    const before = await dumpAll(b);
    await expect(restoreFromBundle(b, inc.bytes)).rejects.toMatchObject({ code: 'NOT_FULL' });
    await expect(previewRestore(b, inc.bytes)).rejects.toThrow(/完整/);
    expect(await dumpAll(b)).toBe(before);
  });

  it('restores a backup of another machine too', async () => {
    const [a, b] = [await node('甲'), await node('乙')];
    await a.advisors.add(advisor());
    const full = await exportBundle(a, { kind: 'full' });
    await b.advisors.add(advisor());
    await restoreFromBundle(b, full.bytes);
    const live = (await dumpLedgers(b)).advisors.filter((r) => !r.deletedAt);
    expect(live).toEqual((await dumpLedgers(a)).advisors);
  });
});

describe('schema v3 migration from v2 data', () => {
  it('keeps the data and the oplog, rebuilds fieldClocks from the oplog, and merges old records by their real clocks', async () => {
    const v2 = await freshDb({ versions: schemaVersions.slice(0, 2) });
    expect(v2.verno).toBe(2);
    const x = advisor();
    await v2.advisors.add(x);
    await v2.advisors.update(x.id, { status: '评议' });
    const logV2 = await oplog(v2);
    expect(logV2.every((e) => e.prev === undefined)).toBe(true); // no fieldClocks before v3
    const dataV2 = await dumpLedgers(v2);

    const v3 = await reopen(v2); // upgrades through v3 (field clocks) to the latest version
    expect(v3.verno).toBeGreaterThanOrEqual(3);
    // Tables added by later versions start empty; the old ones are unchanged.
    const dataV3 = await dumpLedgers(v3);
    expect(Object.fromEntries(Object.entries(dataV3).filter(([t]) => t in dataV2))).toEqual(dataV2);
    expect(Object.entries(dataV3).filter(([t]) => !(t in dataV2)).every(([, rows]) => rows.length === 0)).toBe(true);
    expect(await oplog(v3)).toEqual(logV2);
    expect((await readFieldClocks(v3, 'advisors', [x.id])).get(x.id)).toMatchObject({ name: logV2[0].opId, status: logV2[1].opId });
    expect(await v3.conflicts.count()).toBe(0);
    expect(await v3.appliedBundles.count()).toBe(0);

    // A later local edit names the legacy op it overwrites.
    await v3.advisors.update(x.id, { status: '已审定' });
    expect((await oplog(v3)).at(-1)?.prev).toEqual({ status: logV2[1].opId });

    // The migrated machine syncs: a new machine receives legacy and new ops alike.
    const other = await node('乙');
    const full = await exportBundle(v3, { kind: 'full' });
    expect((await importBundle(other, full.bytes)).applied).toBe(3);
    expect(await dumpLedgers(other)).toEqual(await dumpLedgers(v3));
  });
});
