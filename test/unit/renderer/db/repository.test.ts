import { afterEach, describe, expect, it, vi } from 'vitest';
import { LedgerRepository, RecordNotFoundError } from '../../../../renderer/src/db/ledgerRepository';
import { ValidationError } from '../../../../renderer/src/db/validation';
import { freshDb, oplog } from './helpers';

const fields = { name: ' 陈思远 ', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '推荐' as const };

afterEach(() => {
  vi.useRealTimers();
});

describe('LedgerRepository', () => {
  it('create adds id and timestamps, validates (normalising) and is logged', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const created = await repo.create('advisors', fields);
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(created.name).toBe('陈思远'); // trimmed by the schema
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await db.advisors.get(created.id)).toEqual(created);
    const [e] = await oplog(db);
    expect(e).toMatchObject({ table: 'advisors', id: created.id, deleted: false });
    expect(e.fields).toMatchObject({ name: '陈思远', createdAt: created.createdAt });
  });

  it('an invalid record throws ValidationError with Chinese messages and changes nothing', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const error = await repo.create('advisors', { ...fields, name: '', status: '不存在' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.table).toBe('advisors');
    expect(v.issues.map((i) => i.path.join('.'))).toEqual(['name', 'status']);
    expect(v.issues[0].message).toBe('请填写姓名');
    expect(v.issues[1].message).toMatch(/[\u4e00-\u9fff]/); // zod's own message, in Chinese
    expect(v.message).toMatch(/^科技顾问数据有误：姓名：请填写姓名；状态：/);
    expect(await db.advisors.count()).toBe(0);
    expect(await db.oplog.count()).toBe(0);
  });

  it('create keeps an explicit id (settings use fixed keys)', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const value = { government: '广西壮族自治区人民政府', department: '广西壮族自治区科学技术厅', committeeOffice: '自治区科技委员会办公室' };
    const rec = await repo.create('settings', { id: 'organisation', value } as never);
    expect(rec.id).toBe('organisation');
    expect((await repo.get('settings', 'organisation'))?.value).toEqual({ ...value, division: '' });
    await expect(repo.create('settings', { id: 'organisation', value } as never)).rejects.toThrow(); // duplicate key
  });

  it('update merges, validates, bumps updatedAt and logs only what changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T08:00:00.000Z'));
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const created = await repo.create('advisors', fields);
    vi.setSystemTime(new Date('2026-11-25T09:00:00.000Z'));
    const updated = await repo.update('advisors', created.id, { status: '评议', createdAt: 'ignored' } as never);
    expect(updated).toMatchObject({ status: '评议', createdAt: created.createdAt, updatedAt: '2026-11-25T09:00:00.000Z' });
    const log = await oplog(db);
    expect(log[1].fields).toEqual({ status: '评议', updatedAt: '2026-11-25T09:00:00.000Z' });
  });

  it('an update that changes nothing writes nothing (no empty 操作记录 entry, issue 8 item 9)', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const created = await repo.create('advisors', fields);
    const same = await repo.update('advisors', created.id, { name: '陈思远 ', homeInstitution: created.homeInstitution });
    expect(same).toEqual(created);
    expect(await db.advisors.get(created.id)).toEqual(created);
    expect(await oplog(db)).toHaveLength(1);
  });

  it('an invalid update leaves the record and the oplog unchanged', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const created = await repo.create('advisors', fields);
    await expect(repo.update('advisors', created.id, { email: 'x'.repeat(101) })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.advisors.get(created.id)).toEqual(created);
    expect(await db.oplog.count()).toBe(1);
  });

  it('update of a missing or tombstoned record is refused', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    await expect(repo.update('advisors', crypto.randomUUID(), { status: '评议' })).rejects.toBeInstanceOf(RecordNotFoundError);
    const created = await repo.create('advisors', fields);
    await repo.remove('advisors', created.id);
    await expect(repo.update('advisors', created.id, { status: '评议' })).rejects.toThrow(/科技顾问记录不存在或已删除/);
  });

  it('remove tombstones (never hard-deletes), restore clears the tombstone; both are logged as field changes', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const a = await repo.create('advisors', fields);
    const b = await repo.create('advisors', { ...fields, name: '林若溪' });
    await repo.remove('advisors', a.id);
    await repo.remove('advisors', a.id); // idempotent: no second entry
    expect((await repo.listActive('advisors')).map((r) => r.id)).toEqual([b.id]);
    expect(await repo.get('advisors', a.id)).toBeUndefined();
    const tomb = await repo.get('advisors', a.id, { includeDeleted: true });
    expect(tomb?.deletedAt).toBeTruthy();
    expect(await db.advisors.count()).toBe(2); // still stored

    await repo.restore('advisors', a.id);
    expect((await repo.get('advisors', a.id))?.deletedAt).toBeNull();
    const log = (await oplog(db)).slice(2);
    expect(log).toHaveLength(2);
    expect(log.every((e) => !e.deleted)).toBe(true);
    expect(Object.keys(log[0].fields).sort()).toEqual(['deletedAt', 'updatedAt']);
    expect(log[1].fields.deletedAt).toBeNull();
    expect((await repo.listActive('advisors')).length).toBe(2);
  });
});
