/**
 * Bench page (run by scripts/bench.mjs in Chromium, persistent on-disk profile): the cost of
 * change tracking. N advisor records (default 100,000) written with bulkPut inside one transaction
 *   - through the tracked path (SciLedgerDb: changeTracking middleware + oplog, DESIGN §Data),
 *   - raw, on a plain Dexie database with the same stores and no middleware,
 * both with strict durability, then the same again with one field changed on every record (the
 * diff path: the middleware reads each existing record). Raw and tracked are INTERLEAVED over
 * several runs, each on fresh databases, and medians are reported (issue 10 "bench fairness":
 * the machine's load changes during a run, and a ratio of two far-apart timings says little).
 */
import { Dexie } from 'dexie';
import { openSciLedgerDb, type SciLedgerDb } from '../../renderer/src/db/database';
import { schemaVersions } from '../../renderer/src/db/schema';
import { deriveKeyRow, deriveStoredKey, keySpecOf } from '../../shared/search/ledgerKeys';
import { advisorRecords, benchSize, median, profiled, timed } from './support/benchPage';

const N = benchSize(100_000);
const RUNS = 3;

function rawDb(name: string): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
  for (const v of schemaVersions) db.version(v.version).stores(v.stores);
  return db;
}

const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

async function fresh(tag: string): Promise<{ raw: Dexie; tracked: SciLedgerDb }> {
  const raw = rawDb(`bench-raw-${tag}`);
  await raw.open();
  return { raw, tracked: await openSciLedgerDb(`bench-tracked-${tag}`) };
}

async function drop(dbs: { raw: Dexie; tracked: SciLedgerDb }): Promise<void> {
  dbs.raw.close();
  dbs.tracked.close();
  await Promise.all([Dexie.delete(dbs.raw.name), Dexie.delete(dbs.tracked.name)]).catch(() => undefined);
}

async function run() {
  // Warm-up (JIT, database files) on small, separate databases.
  const warm = await fresh(`warm-${crypto.randomUUID()}`);
  const warmRows = advisorRecords(2_000);
  await warm.raw.transaction('rw', warm.raw.table('advisors'), () => warm.raw.table('advisors').bulkPut(warmRows));
  await warm.tracked.transaction('rw', warm.tracked.advisors, () => warm.tracked.advisors.bulkPut(warmRows));
  await drop(warm);

  const t = { rawInsert: [] as number[], trackedInsert: [] as number[], rawUpdate: [] as number[], trackedUpdate: [] as number[], keys: [] as number[], rawWithKeys: [] as number[] };
  let insertOps = 0;
  let updateOps = 0;
  for (let r = 0; r < RUNS; r++) {
    const dbs = await fresh(`${r}-${crypto.randomUUID()}`);
    const { raw, tracked } = dbs;
    try {
      const rows = advisorRecords(N);
      const changed = rows.map((x) => ({ ...x, status: '期满' as const, updatedAt: new Date().toISOString() }));
      // Alternate which goes first, so neither always meets the warmer disk cache.
      const pair = async (rawFn: () => Promise<unknown>, trackedFn: () => Promise<unknown>, into: [number[], number[]]) => {
        if (r % 2 === 0) {
          into[0].push((await timed(rawFn))[1]);
          into[1].push((await timed(trackedFn))[1]);
        } else {
          into[1].push((await timed(trackedFn))[1]);
          into[0].push((await timed(rawFn))[1]);
        }
      };
      status(`第 ${r + 1}/${RUNS} 轮：新增…`);
      await pair(
        () => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(rows)),
        () => profiled(r === 0 ? 'insert' : null, () => tracked.transaction('rw', tracked.advisors, () => tracked.advisors.bulkPut(rows))),
        [t.rawInsert, t.trackedInsert],
      );
      insertOps = await tracked.oplog.count();
      // What the app stores for a write without change tracking: the records with their ledger
      // key inside the row (ledgerKeys.ts, schema v19), raw — the floor a tracked write sits on.
      const spec = keySpecOf('advisors');
      if (spec) {
        const keyed = rawDb(`bench-raw-keys-${r}-${crypto.randomUUID()}`);
        await keyed.open();
        try {
          t.rawWithKeys.push((await timed(() => keyed.transaction('rw', ['advisors'], () => keyed.table('advisors').bulkPut(rows.map((x) => ({ ...x, $key: deriveStoredKey(spec, x) }))))))[1]);
        } finally {
          keyed.close();
          await Dexie.delete(keyed.name).catch(() => undefined);
        }
      }
      status(`第 ${r + 1}/${RUNS} 轮：修改…`);
      await pair(
        () => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(changed)),
        () => profiled(r === 0 ? 'update' : null, () => tracked.transaction('rw', tracked.advisors, () => tracked.advisors.bulkPut(changed))),
        [t.rawUpdate, t.trackedUpdate],
      );
      updateOps = (await tracked.oplog.count()) - insertOps;
      // The share of a tracked write spent deriving the paged ledger's key rows (pinyin of the
      // searched fields, ledgerKeys.ts — written with every record, not part of change tracking).
      if (spec) t.keys.push((await timed(async () => rows.forEach((x) => deriveKeyRow('advisors', spec, x))))[1]);
      if (insertOps !== N || updateOps !== N) throw new Error(`unexpected oplog: ${insertOps} insert ops, ${updateOps} update ops`);
    } finally {
      await drop(dbs);
    }
  }

  const r2 = (x: number) => Math.round(x * 100) / 100;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const [ri, ti, ru, tu] = [median(t.rawInsert), median(t.trackedInsert), median(t.rawUpdate), median(t.trackedUpdate)];
  const WRITE_GOAL = 2;
  const UPDATE_GOAL = 2;
  window.__benchResult = {
    title: `变更跟踪写入（${N.toLocaleString('en-US')} 条，bulkPut 单事务，strict 持久性，磁盘上的持久配置；${RUNS} 轮交替、取中位数）`,
    figures: [
      { label: '新增：原始 bulkPut（无跟踪，同轮交替测）', value: r3(ri), unit: 's' },
      { label: '新增：跟踪 bulkPut（中间件 + 操作记录 + 检索键）', value: r3(ti), unit: 's' },
      { label: `新增：跟踪 / 原始（目标 ≤ ${WRITE_GOAL}）`, value: r2(ti / ri), unit: '×' },
      { label: '新增：占目标', value: r2(ti / ri / WRITE_GOAL), unit: '× 目标' },
      { label: '  其中派生检索键（拼音等，纯计算，单独测）', value: r3(median(t.keys)), unit: 's' },
      { label: '  原始写入记录（行内含检索键，不跟踪时应用所写）', value: r3(median(t.rawWithKeys)), unit: 's' },
      { label: '  跟踪 / 原始记录含检索键（变更跟踪本身的代价）', value: r2(ti / median(t.rawWithKeys)), unit: '×' },
      { label: '新增：写入操作记录', value: insertOps, unit: '条' },
      { label: '修改 1 字段：原始 bulkPut（同轮交替测）', value: r3(ru), unit: 's' },
      { label: '修改 1 字段：跟踪 bulkPut（读旧值比对）', value: r3(tu), unit: 's' },
      { label: `修改 1 字段：跟踪 / 原始（目标 ≤ ${UPDATE_GOAL}）`, value: r2(tu / ru), unit: '×' },
      { label: '修改 1 字段：占目标', value: r2(tu / ru / UPDATE_GOAL), unit: '× 目标' },
      { label: '修改 1 字段：写入操作记录', value: updateOps, unit: '条' },
    ],
  };
  status('完成');
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
