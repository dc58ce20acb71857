import { describe, expect, it } from 'vitest';
import sampleDataset from '../../../../resources/sample-data/sample-data.json';
import { buildSampleRecords } from '../../../../shared/domain/sampleDataset';
import { LedgerRepository } from '../../../../renderer/src/db/ledgerRepository';
import { clearAllLedgers, countActiveRecords, loadSampleData, loadSampleRecords, restoreCleared } from '../../../../renderer/src/db/maintenance';
import { getNodeId, getOperatorName, setOperatorName } from '../../../../renderer/src/db/meta';
import { ValidationError } from '../../../../renderer/src/db/validation';
import { freshDb, oplog, reopen } from './helpers';

const advisorFields = { name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '推荐' as const };
const organisation = { government: '广西壮族自治区人民政府', department: '广西壮族自治区科学技术厅', committeeOffice: '自治区科技委员会办公室' };

describe('loadSampleData / loadSampleRecords', () => {
  it('bulk-creates records in one transaction and logs each of them', async () => {
    const db = await freshDb();
    const teamId = crypto.randomUUID();
    const n = await loadSampleData(db, {
      advisors: [advisorFields, { ...advisorFields, name: '林若溪' }],
      commissionerTeams: [{ id: teamId, name: '示范特派团' } as never],
    });
    expect(n).toBe(3);
    expect(await db.advisors.count()).toBe(2);
    expect((await db.commissionerTeams.get(teamId))?.id).toBe(teamId);
    const log = await oplog(db);
    expect(log.map((e) => e.table)).toEqual(['advisors', 'advisors', 'commissionerTeams']);
  });

  it('an invalid record anywhere in the dataset writes nothing', async () => {
    const db = await freshDb();
    const error = await loadSampleData(db, { advisors: [advisorFields, { ...advisorFields, honorific: '' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('科技顾问第 2 条数据有误');
    expect(await db.advisors.count()).toBe(0);
    expect(await db.oplog.count()).toBe(0);
  });

  it('loads the shipped sample dataset, and loading it again logs nothing new', async () => {
    const db = await freshDb();
    const records = buildSampleRecords(sampleDataset, '2026-11-24T08:00:00.000Z');
    const total = Object.values(records).reduce((s, rows) => s + (rows?.length ?? 0), 0);
    expect(await loadSampleRecords(db, records)).toBe(total);
    expect(await db.oplog.count()).toBe(total);
    await loadSampleRecords(db, records);
    expect(await db.oplog.count()).toBe(total);
    const counts = await countActiveRecords(db);
    expect(counts.advisors).toBe(records.advisors?.length);
  });
});

describe('clearAllLedgers', () => {
  it('tombstones every active ledger record in one logged transaction, keeps settings, and can be undone', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    await repo.create('settings', { id: 'organisation', value: organisation } as never);
    const a = await repo.create('advisors', advisorFields);
    const gone = await repo.create('advisors', { ...advisorFields, name: '林若溪' });
    await repo.remove('advisors', gone.id); // already a tombstone: untouched by the clear
    await repo.create('commissionerTeams', { name: '示范特派团' } as never);
    const before = await db.oplog.count();

    const cleared = await clearAllLedgers(db);
    expect(cleared.map((c) => c.table).sort()).toEqual(['advisors', 'commissionerTeams']);
    expect(cleared.find((c) => c.table === 'advisors')?.id).toBe(a.id);
    const counts = await countActiveRecords(db);
    expect(counts.advisors).toBe(0);
    expect(counts.commissionerTeams).toBe(0);
    expect(counts.settings).toBe(1);
    expect(await db.advisors.count()).toBe(2); // nothing hard-deleted

    const log = (await oplog(db)).slice(before);
    expect(log).toHaveLength(2);
    expect(log.every((e) => !e.deleted && typeof e.fields.deletedAt === 'string')).toBe(true);

    expect(await restoreCleared(db, cleared)).toBe(2);
    const after = await countActiveRecords(db);
    expect(after.advisors).toBe(1);
    expect(after.commissionerTeams).toBe(1);
    expect(await repo.get('advisors', gone.id)).toBeUndefined(); // removed before the clear: stays removed
  });

  it('includeSettings also tombstones the settings records', async () => {
    const db = await freshDb();
    await new LedgerRepository(db).create('settings', { id: 'organisation', value: organisation } as never);
    expect(await clearAllLedgers(db, { includeSettings: true })).toHaveLength(1);
  });
});

describe('meta', () => {
  it('nodeId is stable; the operator name is validated, persisted and stamped on later ops', async () => {
    const db = await freshDb();
    const nodeId = await getNodeId(db);
    expect(nodeId).toBe(db.tracker.nodeId);
    expect(await getOperatorName(db)).toBeNull();
    await expect(setOperatorName(db, '  ')).rejects.toThrow('请填写操作员姓名');
    expect(await setOperatorName(db, ' 李四 ')).toBe('李四');
    await new LedgerRepository(db).create('advisors', advisorFields);
    expect((await oplog(db))[0].operator).toBe('李四');

    const again = await reopen(db);
    expect(await getNodeId(again)).toBe(nodeId);
    expect(await getOperatorName(again)).toBe('李四');
    expect(again.currentOperator).toBe('李四');
  });
});
