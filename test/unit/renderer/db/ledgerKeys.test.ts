import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { exportBundle, importBundle } from '../../../../renderer/src/db/sync';
import { RECENT_KEY_INDEX, type KeyChange } from '../../../../renderer/src/db/ledgerKeys';
import { liveCount, recentFirstPage } from '../../../../renderer/src/db/pagedLedger';
import { deriveKeyRow, keySpecOf } from '../../../../shared/search/ledgerKeys';
import { advisor, freshDb, keyRow, oplog, reopen, storedRow } from './helpers';

/** Databases as they were before schema v19 (key rows in their own table). */
const upTo18 = schemaVersions.filter((v) => v.version <= 18);

describe('ledgerKeys middleware: ledger keys derived on write', () => {
  it('stores the key with the record, keeps it current on update and tombstone, and never logs or shows it', async () => {
    const db = await freshDb();
    const a = advisor({ name: '曾国藩', status: '推荐' });
    await db.advisors.add(a);
    expect(await keyRow(db, 'advisors', a.id)).toMatchObject({ live: 1, name: '曾国藩', pinyin: 'zengguofan', initials: 'zgf', fields: { status: '推荐' } });

    await db.advisors.update(a.id, { status: '评议', name: '单雄信' });
    expect(await keyRow(db, 'advisors', a.id)).toMatchObject({ name: '单雄信', initials: 'sxx', fields: { status: '评议' } });
    await db.advisors.update(a.id, { deletedAt: '2026-11-25T08:00:00.000Z' });
    expect(await keyRow(db, 'advisors', a.id)).toMatchObject({ live: 0 });

    // The oplog carries the record's own fields only, and no read shows the hidden key.
    for (const op of await oplog(db)) for (const f of Object.keys(op.fields)) expect(['$key', 'pinyin', 'initials', 'search', 'live']).not.toContain(f);
    expect(Object.keys((await db.advisors.get(a.id)) as object)).not.toContain('$key');
    expect(Object.keys((await db.advisors.toArray())[0])).not.toContain('$key');
    expect(Object.keys((await storedRow(db, 'advisors', a.id)) as object)).toContain('$key');

    // A delete is a tombstone (tracking.ts): the record stays, its key says it is not live.
    await db.advisors.update(a.id, { deletedAt: null });
    await db.advisors.delete(a.id);
    expect(await keyRow(db, 'advisors', a.id)).toMatchObject({ live: 0, name: '单雄信' });
  });

  it('keys carry pinyin and initials, one write request per record (no key-row table), and clear() leaves no live record', async () => {
    const db = await freshDb();
    await db.advisors.bulkAdd([advisor({ name: '陈思远' }), advisor({ name: '陈晨' }), advisor({ name: '仇英' })]);
    const rows = await Promise.all((await db.advisors.toArray()).map((r) => keyRow(db, 'advisors', r.id)));
    expect(new Set(rows.filter((r) => r?.initials.startsWith('c')).map((r) => r?.name))).toEqual(new Set(['陈晨', '陈思远']));
    expect(rows.filter((r) => r?.pinyin === 'qiuying')).toHaveLength(1);
    expect(db.tables.map((t) => t.name)).not.toContain('ledgerKeys');
    expect(db.advisors.schema.indexes.map((i) => i.name)).toContain(RECENT_KEY_INDEX);
    expect(await liveCount(db, 'advisors')).toBe(3);
    await db.advisors.clear();
    expect(await liveCount(db, 'advisors')).toBe(0);
  });

  it('tells listeners what changed once the transaction has committed, not when it aborts', async () => {
    const db = await freshDb();
    const changes: KeyChange[] = [];
    db.keyChanges.subscribe((c) => changes.push(c));
    const a = advisor();
    await db.transaction('rw', db.advisors, async () => {
      await db.advisors.add(a);
      await db.advisors.update(a.id, { name: '解缙' });
      expect(changes).toEqual([]);
    });
    expect(changes).toEqual([{ table: 'advisors', upserted: [expect.objectContaining({ id: a.id, name: '解缙', pinyin: 'xiejin' })], removed: [], records: expect.any(Map) }]);
    // The record as written travels with its key row (a page on screen shows it without a read),
    // without the hidden fields.
    expect([...changes[0].records.values()]).toEqual([expect.objectContaining({ id: a.id, name: '解缙', status: a.status })]);
    expect(Object.keys([...changes[0].records.values()][0]).filter((k) => k.startsWith('$'))).toEqual([]);
    await db
      .transaction('rw', db.advisors, async () => {
        await db.advisors.update(a.id, { name: '仇英' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(changes).toHaveLength(1);
    expect(await keyRow(db, 'advisors', a.id)).toMatchObject({ name: '解缙' });
  });

  it('records arriving by import get keys computed here (none travel in the bundle)', async () => {
    const sender = await freshDb();
    const receiver = await freshDb();
    const a = advisor({ name: '单雄信', homeInstitution: '广西大学' });
    await sender.advisors.add(a);
    const { bytes } = await exportBundle(sender, { kind: 'full' });
    expect(new TextDecoder().decode(bytes)).not.toContain('shanxiongxin');
    await importBundle(receiver, bytes);
    expect(await keyRow(receiver, 'advisors', a.id)).toMatchObject({ initials: 'sxx', live: 1 });
    expect((await keyRow(receiver, 'advisors', a.id))?.spell).toContain('gxdx');
  });
});

describe('schema version 6 migration', () => {
  it('fills key rows for the advisors a version-4 database already holds, tombstones included', async () => {
    const v4 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 4) });
    const live = Array.from({ length: 2500 }, (_, i) => advisor({ name: i === 0 ? '曾国藩' : `顾问${i}` }));
    const gone = advisor({ name: '仇英', deletedAt: '2026-11-24T09:00:00.000Z' });
    await v4.advisors.bulkAdd([...live, gone]);
    const logBefore = await oplog(v4);
    expect(v4.tables.map((t) => t.name)).not.toContain('ledgerKeys');

    const v6 = await reopen(v4, { versions: upTo18 });
    expect(v6.verno).toBeGreaterThanOrEqual(6);
    const v6Keys = v6.table('ledgerKeys');
    expect(await v6Keys.count()).toBe(2501);
    expect(await v6Keys.get(['advisors', live[0].id])).toMatchObject({ initials: 'zgf', live: 1 });
    expect(await v6Keys.get(['advisors', gone.id])).toMatchObject({ pinyin: 'qiuying', live: 0 });
    // The migration is local: nothing logged, records unchanged.
    expect(await oplog(v6)).toEqual(logBefore);
    expect(await v6.advisors.get(live[1].id)).toEqual(live[1]);
  });
});

describe('schema version 12 migration', () => {
  it('fills key rows for the commissioners a version-11 database already holds, and leaves the records as they were', async () => {
    const v11 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 11) });
    const now = '2026-11-24T08:00:00.000Z';
    const people = ['曾小红', '蓝海波'].map((name) => ({ id: crypto.randomUUID(), name, dispatchUnit: '广西示范大学', status: '服务中' as const, isPriority: false, priorityFlags: [], disqualificationReasons: [], createdAt: now, updatedAt: now, deletedAt: null }));
    await v11.commissioners.bulkAdd(people);
    // Before v12 the commissioners table is not keyed in the v11 schema's upgrade; clear what the
    // middleware may have written so the test sees the migration's work alone.
    await v11.table('ledgerKeys').where('[table+live+updatedAt]').between(['commissioners', 0, ''], ['commissioners', 1, '\uffff']).delete();
    const logBefore = await oplog(v11);

    const v12 = await reopen(v11, { versions: upTo18 });
    expect(v12.verno).toBeGreaterThanOrEqual(12);
    expect(await v12.table('ledgerKeys').get(['commissioners', people[0].id])).toMatchObject({ initials: 'zxh', live: 1 });
    expect(await v12.table('ledgerKeys').get(['commissioners', people[1].id])).toMatchObject({ pinyin: 'lanhaibo' });
    expect(await oplog(v12)).toEqual(logBefore);
    expect(await v12.commissioners.get(people[0].id)).toEqual(people[0]);
  });
});

describe('schema versions 18 and 19 (key rows lose their unused indexes, then move into the record rows)', () => {
  it('v18 keeps every key row of a version-14 database; v19 folds them into the records with the same keys, the recent-first page and live count served by the ledger table', async () => {
    const v14 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 14) });
    const rows = Array.from({ length: 30 }, (_, i) => advisor({ name: i === 1 ? '曾国藩' : `顾问${i}`, homeInstitution: i % 2 ? '广西大学' : undefined, updatedAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T08:00:00.000Z` }));
    await v14.advisors.bulkAdd(rows);
    await v14.advisors.delete(rows[0].id);
    const keys14 = v14.table('ledgerKeys');
    expect(keys14.schema.indexes.map((i) => i.name).sort()).toEqual(['[table+initials]', '[table+live+updatedAt]', '[table+pinyin]']);
    const keysBefore = (await keys14.toArray()) as { id: string; live: number; updatedAt: string }[];
    expect(keysBefore.find((k) => k.id === rows[0].id)).toMatchObject({ live: 0 });
    const logBefore = await oplog(v14);
    const recordsBefore = await v14.advisors.toArray();

    const v18 = await reopen(v14, { versions: upTo18 });
    expect(v18.verno).toBe(18);
    expect(v18.table('ledgerKeys').schema.indexes.map((i) => i.name)).toEqual(['[table+live+updatedAt]']);
    expect(await v18.table('ledgerKeys').toArray()).toEqual(keysBefore);

    const v19 = await reopen(v18);
    expect(v19.verno).toBeGreaterThanOrEqual(19);
    expect(v19.tables.map((t) => t.name)).not.toContain('ledgerKeys');
    // Every record keeps what it was (the key is hidden), nothing is logged…
    expect(await v19.advisors.toArray()).toEqual(recordsBefore);
    expect(await oplog(v19)).toEqual(logBefore);
    // …and the paged ledger reads the same key rows the old table held.
    const { ledgerKeyIndexes } = await import('../../../../renderer/src/db/pagedLedger');
    const index = await ledgerKeyIndexes(v19).load('advisors');
    for (const old of keysBefore) expect(index.get(old.id)).toEqual(old);
    expect(await liveCount(v19, 'advisors')).toBe(29);
    const page = await recentFirstPage(v19, 'advisors', 5);
    expect(page.map((r) => r.updatedAt)).toEqual(keysBefore.filter((r) => r.live === 1).map((r) => r.updatedAt).sort().reverse().slice(0, 5));
    expect(page.every((r) => r.live === 1)).toBe(true);
    // New writes carry their key on the new schema.
    const late = advisor({ name: '仇英' });
    await v19.advisors.add(late);
    expect(await keyRow(v19, 'advisors', late.id)).toMatchObject({ pinyin: 'qiuying', live: 1 });
  });
});

describe('upgrading a version-4 database straight to the latest schema', () => {
  it('runs every upgrade in one open (key rows made at v6, records moved to the chunked log at v14, keys folded at v19) and the ledger reads the same keys', async () => {
    const v4 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 4) });
    const people = [advisor({ name: '曾国藩', homeInstitution: '广西大学' }), advisor({ name: '仇英', deletedAt: '2026-11-24T09:00:00.000Z' }), advisor({ name: 'Alice 李' })];
    await v4.advisors.bulkAdd(people);
    const latest = await reopen(v4);
    expect(latest.tables.map((t) => t.name)).not.toContain('ledgerKeys');
    expect(await latest.advisors.toArray()).toEqual(expect.arrayContaining(people));
    for (const p of people) expect(await keyRow(latest, 'advisors', p.id)).toEqual(deriveKeyRow('advisors', keySpecOf('advisors')!, p));
    expect(await liveCount(latest, 'advisors')).toBe(2);
  });
});

