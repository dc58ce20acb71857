/**
 * Bench page (run by scripts/bench.mjs in Chromium): the cost of change tracking.
 * 100,000 advisor records written with bulkPut inside one transaction
 *   - through the tracked path (SciLedgerDb: changeTracking middleware + oplog, DESIGN §Data),
 *   - raw, on a plain Dexie database with the same stores and no middleware,
 * both with strict durability, then the same again with one field changed on every record (the
 * diff path: the middleware reads each existing record). Reports seconds, the ratio and the
 * oplog entries written.
 */
import { Dexie } from 'dexie';
import { openSciLedgerDb } from '../../renderer/src/db/database';
import { schemaVersions } from '../../renderer/src/db/schema';
import { advisorRecords } from './support/benchPage';

const N = 100_000;


function rawDb(name: string): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
  for (const v of schemaVersions) db.version(v.version).stores(v.stores);
  return db;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

async function run() {
  const tag = crypto.randomUUID();
  const raw = rawDb(`bench-raw-${tag}`);
  const tracked = await openSciLedgerDb(`bench-tracked-${tag}`);
  await raw.open();
  try {
    // Warm-up (JIT, database files) on small, separate data sets.
    const warm = advisorRecords(2_000);
    await raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(warm));
    await tracked.transaction('rw', tracked.advisors, () => tracked.advisors.bulkPut(warm));
    await raw.table('advisors').clear();
    await tracked.transaction('rw', tracked.advisors, tracked.oplog, async () => {
      await tracked.advisors.clear();
      await tracked.oplog.clear();
    });

    const rows = advisorRecords(N);
    status('原始写入…');
    const rawInsert = await timed(() => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(rows)));
    status('跟踪写入…');
    const trackedInsert = await timed(() => tracked.transaction('rw', tracked.advisors, () => tracked.advisors.bulkPut(rows)));
    const insertOps = await tracked.oplog.count();

    const changed = rows.map((r) => ({ ...r, status: '期满' as const, updatedAt: new Date().toISOString() }));
    status('原始修改…');
    const rawUpdate = await timed(() => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(changed)));
    status('跟踪修改…');
    const trackedUpdate = await timed(() => tracked.transaction('rw', tracked.advisors, () => tracked.advisors.bulkPut(changed)));
    const totalOps = await tracked.oplog.count();
    const sample = await tracked.oplog.orderBy(':id').last();
    if (insertOps !== N || !sample || sample.deleted || !('updatedAt' in sample.fields)) {
      throw new Error(`unexpected oplog: ${insertOps} insert ops, last=${JSON.stringify(sample)}`);
    }

    const r2 = (x: number) => Math.round(x * 100) / 100;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    window.__benchResult = {
      title: `变更跟踪写入（${N.toLocaleString('en-US')} 条，bulkPut 单事务，strict 持久性）`,
      figures: [
        { label: '新增：原始 bulkPut（无跟踪）', value: r3(rawInsert), unit: 's' },
        { label: '新增：跟踪 bulkPut（中间件 + 操作记录）', value: r3(trackedInsert), unit: 's' },
        { label: '新增：跟踪 / 原始', value: r2(trackedInsert / rawInsert), unit: '×' },
        { label: '新增：写入操作记录', value: insertOps, unit: '条' },
        { label: '修改 1 字段：原始 bulkPut', value: r3(rawUpdate), unit: 's' },
        { label: '修改 1 字段：跟踪 bulkPut（读旧值比对）', value: r3(trackedUpdate), unit: 's' },
        { label: '修改 1 字段：跟踪 / 原始', value: r2(trackedUpdate / rawUpdate), unit: '×' },
        { label: '修改 1 字段：写入操作记录', value: totalOps - insertOps, unit: '条' },
      ],
    };
    status('完成');
  } finally {
    raw.close();
    tracked.close();
    await Promise.all([Dexie.delete(raw.name), Dexie.delete(tracked.name)]).catch(() => undefined);
  }
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
