import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { exportBundle, importBundle } from '../../../../renderer/src/db/sync';
import type { KeyChange } from '../../../../renderer/src/db/ledgerKeys';
import { advisor, freshDb, oplog, reopen } from './helpers';

describe('ledgerKeys middleware: key rows derived on write', () => {
  it('writes a key row with the record, keeps it current on update and tombstone, and never logs it', async () => {
    const db = await freshDb();
    const a = advisor({ name: '曾国藩', status: '推荐' });
    await db.advisors.add(a);
    expect(await db.ledgerKeys.get(['advisors', a.id])).toMatchObject({ live: 1, name: '曾国藩', pinyin: 'zengguofan', initials: 'zgf', fields: { status: '推荐' } });

    await db.advisors.update(a.id, { status: '评议', name: '单雄信' });
    expect(await db.ledgerKeys.get(['advisors', a.id])).toMatchObject({ name: '单雄信', initials: 'sxx', fields: { status: '评议' } });
    await db.advisors.update(a.id, { deletedAt: '2026-11-25T08:00:00.000Z' });
    expect(await db.ledgerKeys.get(['advisors', a.id])).toMatchObject({ live: 0 });

    // The oplog carries the record's own fields only, and the record holds no derived field.
    for (const op of await oplog(db)) for (const f of Object.keys(op.fields)) expect(['pinyin', 'initials', 'search', 'live']).not.toContain(f);
    expect(Object.keys((await db.advisors.get(a.id)) as object)).not.toContain('pinyin');

    await db.advisors.delete(a.id);
    expect(await db.ledgerKeys.get(['advisors', a.id])).toBeUndefined();
  });

  it('key rows carry pinyin and initials (searched in memory, not indexed), and clear() removes the table’s key rows', async () => {
    const db = await freshDb();
    await db.advisors.bulkAdd([advisor({ name: '陈思远' }), advisor({ name: '陈晨' }), advisor({ name: '仇英' })]);
    const rows = await db.ledgerKeys.toArray();
    expect(new Set(rows.filter((r) => r.initials.startsWith('c')).map((r) => r.name))).toEqual(new Set(['陈晨', '陈思远']));
    expect(rows.filter((r) => r.pinyin === 'qiuying')).toHaveLength(1);
    // Every index is one more B-tree entry per write (schema v18 dropped the unused ones).
    expect(db.ledgerKeys.schema.indexes.map((i) => i.name)).toEqual(['[table+live+updatedAt]']);
    await db.advisors.clear();
    expect(await db.ledgerKeys.count()).toBe(0);
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
    // The record as written travels with its key row (a page on screen shows it without a read).
    expect([...changes[0].records.values()]).toEqual([expect.objectContaining({ id: a.id, name: '解缙', status: a.status })]);
    await db
      .transaction('rw', db.advisors, async () => {
        await db.advisors.update(a.id, { name: '仇英' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(changes).toHaveLength(1);
    expect(await db.ledgerKeys.get(['advisors', a.id])).toMatchObject({ name: '解缙' });
  });

  it('records arriving by import get keys computed here (none travel in the bundle)', async () => {
    const sender = await freshDb();
    const receiver = await freshDb();
    const a = advisor({ name: '单雄信', homeInstitution: '广西大学' });
    await sender.advisors.add(a);
    const { bytes } = await exportBundle(sender, { kind: 'full' });
    expect(new TextDecoder().decode(bytes)).not.toContain('shanxiongxin');
    await importBundle(receiver, bytes);
    expect(await receiver.ledgerKeys.get(['advisors', a.id])).toMatchObject({ initials: 'sxx', live: 1 });
    expect((await receiver.ledgerKeys.get(['advisors', a.id]))?.spell).toContain('gxdx');
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

    const v6 = await reopen(v4);
    expect(v6.verno).toBeGreaterThanOrEqual(6);
    expect(await v6.ledgerKeys.count()).toBe(2501);
    expect(await v6.ledgerKeys.get(['advisors', live[0].id])).toMatchObject({ initials: 'zgf', live: 1 });
    expect(await v6.ledgerKeys.get(['advisors', gone.id])).toMatchObject({ pinyin: 'qiuying', live: 0 });
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
    await v11.ledgerKeys.where('[table+live+updatedAt]').between(['commissioners', 0, ''], ['commissioners', 1, '\uffff']).delete();
    const logBefore = await oplog(v11);

    const v12 = await reopen(v11);
    expect(v12.verno).toBeGreaterThanOrEqual(12);
    expect(await v12.ledgerKeys.get(['commissioners', people[0].id])).toMatchObject({ initials: 'zxh', live: 1 });
    expect(await v12.ledgerKeys.get(['commissioners', people[1].id])).toMatchObject({ pinyin: 'lanhaibo' });
    expect(await oplog(v12)).toEqual(logBefore);
    expect(await v12.commissioners.get(people[0].id)).toEqual(people[0]);
  });
});

describe('schema version 18 (the key rows lose their unused pinyin and initials indexes)', () => {
  it('keeps every key row of a version-14 database, and the recent-first page and live count still come from the index', async () => {
    const { recentFirstPage, liveCount } = await import('../../../../renderer/src/db/pagedLedger');
    const v14 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 14) });
    const rows = Array.from({ length: 30 }, (_, i) => advisor({ name: `顾问${i}`, updatedAt: `2026-11-${String(i % 28 + 1).padStart(2, '0')}T08:00:00.000Z` }));
    await v14.advisors.bulkAdd(rows);
    await v14.advisors.delete(rows[0].id);
    expect(v14.ledgerKeys.schema.indexes.map((i) => i.name).sort()).toEqual(['[table+initials]', '[table+live+updatedAt]', '[table+pinyin]']);
    const keysBefore = await v14.ledgerKeys.toArray();
    const logBefore = await oplog(v14);

    const v18 = await reopen(v14);
    expect(v18.verno).toBeGreaterThanOrEqual(18);
    expect(v18.ledgerKeys.schema.indexes.map((i) => i.name)).toEqual(['[table+live+updatedAt]']);
    expect(await v18.ledgerKeys.toArray()).toEqual(keysBefore);
    expect(await oplog(v18)).toEqual(logBefore);
    expect(await liveCount(v18, 'advisors')).toBe(29);
    const page = await recentFirstPage(v18, 'advisors', 5);
    expect(page.map((r) => r.updatedAt)).toEqual([...keysBefore].filter((r) => r.live === 1).map((r) => r.updatedAt).sort().reverse().slice(0, 5));
    // New writes keep their key rows on the new schema.
    await v18.advisors.add(advisor({ name: '仇英' }));
    expect((await v18.ledgerKeys.toArray()).filter((r) => r.pinyin === 'qiuying')).toHaveLength(1);
  });
});
