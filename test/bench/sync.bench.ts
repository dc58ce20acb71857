/**
 * Bench page (scripts/bench.mjs, Chromium, persistent on-disk profile): 数据交换 at N ops
 * (default 100,000), each figure against a raw baseline measured in the same run (issue 10
 * "bench fairness"). Per run, on fresh databases:
 *   1. machine A writes N advisor records (tracked: N ops); full export of A;
 *   2. import of that bundle into an empty machine B  ⟷  a raw bulkPut of the same records into a
 *      plain Dexie database with the same stores (strict durability) — goal ≤ 2.5×;
 *   3. A changes one field of every record; incremental export for B; import into B  ⟷  a raw
 *      bulkPut of the changed records over the raw database's (an update);
 *   4. reading + verifying the full bundle alone (readBundleAsync), the part of (2) spent before
 *      the database is touched (bundle-read.bench measures the reader in detail), and deriving
 *      the paged ledger's keys of the records alone (ledgerKeys.ts, also part of (2)).
 * Raw and tracked are INTERLEAVED (which goes first alternates per run) over RUNS runs; medians.
 */
import { Dexie } from 'dexie';
import { openSciLedgerDb, type SciLedgerDb } from '../../renderer/src/db/database';
import { schemaVersions } from '../../renderer/src/db/schema';
import { exportBundle, getLocalVector, importBundle, setNodeName } from '../../renderer/src/db/sync';
import { readBundleAsync } from '../../shared/sync';
import { deriveStoredKey, keySpecOf } from '../../shared/search/ledgerKeys';
import { advisorRecords, benchSize, median, profiled, timed } from './support/benchPage';

const N = benchSize(100_000);
const RUNS = 3;
const IMPORT_GOAL = 2.5;

const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

function rawDb(name: string): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
  for (const v of schemaVersions) db.version(v.version).stores(v.stores);
  return db;
}

async function run() {
  const t = { exportFull: [] as number[], importEmpty: [] as number[], rawInsert: [] as number[], exportInc: [] as number[], importInc: [] as number[], rawUpdate: [] as number[], verify: [] as number[], keys: [] as number[] };
  let fullMB = 0;
  let incMB = 0;
  for (let r = 0; r < RUNS; r++) {
    const tag = `${r}-${crypto.randomUUID()}`;
    const dbs: (SciLedgerDb | Dexie)[] = [];
    try {
      const a = await openSciLedgerDb(`bench-sync-a-${tag}`);
      const b = await openSciLedgerDb(`bench-sync-b-${tag}`);
      const raw = rawDb(`bench-sync-raw-${tag}`);
      await raw.open();
      dbs.push(a, b, raw);
      await setNodeName(a, '基准甲');
      await setNodeName(b, '基准乙');
      /** Alternate which goes first, so neither always meets the warmer disk cache. */
      const pair = async (rawFn: () => Promise<unknown>, trackedFn: () => Promise<unknown>, into: [number[], number[]]) => {
        if (r % 2 === 0) {
          into[0].push((await timed(rawFn))[1]);
          into[1].push((await timed(trackedFn))[1]);
        } else {
          into[1].push((await timed(trackedFn))[1]);
          into[0].push((await timed(rawFn))[1]);
        }
      };

      status(`第 ${r + 1}/${RUNS} 轮：甲写入 ${N} 条…`);
      const rows = advisorRecords(N);
      await a.transaction('rw', a.advisors, () => a.advisors.bulkPut(rows));
      const [full, exportS] = await timed(() => exportBundle(a, { kind: 'full' }));
      if (full.opCount !== N) throw new Error(`exported ${full.opCount} ops`);
      t.exportFull.push(exportS);
      fullMB = full.bytes.length / 1024 / 1024;

      status(`第 ${r + 1}/${RUNS} 轮：导入到空库 ⟷ 原始 bulkPut…`);
      let imported = 0;
      await pair(
        () => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(rows)),
        async () => (imported = (await profiled(r === 0 ? 'import-empty' : null, () => importBundle(b, full.bytes))).applied),
        [t.rawInsert, t.importEmpty],
      );
      if (imported !== N || (await b.advisors.count()) !== N) throw new Error(`imported ${imported}`);

      status(`第 ${r + 1}/${RUNS} 轮：增量导入 ⟷ 原始更新…`);
      const changed = rows.map((x) => ({ ...x, status: '期满' as const, updatedAt: new Date().toISOString() }));
      await a.transaction('rw', a.advisors, () => a.advisors.bulkPut(changed));
      const [inc, incExportS] = await timed(async () => exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b), target: { nodeId: b.tracker.nodeId as string, nodeName: '基准乙' } }));
      if (inc.opCount !== N) throw new Error(`incremental export ${inc.opCount} ops`);
      t.exportInc.push(incExportS);
      incMB = inc.bytes.length / 1024 / 1024;
      let changedOnB = 0;
      await pair(
        () => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(changed)),
        async () => (changedOnB = (await profiled(r === 0 ? 'import-incremental' : null, () => importBundle(b, inc.bytes))).perTable.advisors?.changed ?? 0),
        [t.rawUpdate, t.importInc],
      );
      if (changedOnB !== N) throw new Error(`incremental import changed ${changedOnB}`);

      status(`第 ${r + 1}/${RUNS} 轮：读取校验…`);
      const [read, verifyS] = await timed(() => readBundleAsync(full.bytes, { currentSchemaVersion: b.verno, localNodeId: 'bench-reader' }));
      read.ops.length = 0;
      t.verify.push(verifyS);
      // The paged ledger's keys (pinyin of the searched fields) are derived for every imported record.
      const spec = keySpecOf('advisors');
      if (spec) t.keys.push((await timed(async () => rows.forEach((x) => deriveStoredKey(spec, x))))[1]);
    } finally {
      for (const db of dbs) db.close();
      await Promise.all(dbs.map((db) => Dexie.delete(db.name))).catch(() => undefined);
    }
  }

  const r2 = (x: number) => Math.round(x * 100) / 100;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const m = Object.fromEntries(Object.entries(t).map(([k, xs]) => [k, median(xs)])) as Record<keyof typeof t, number>;
  window.__benchResult = {
    title: `数据交换（${N.toLocaleString('en-US')} 条操作，strict 持久性，磁盘上的持久配置；${RUNS} 轮交替、取中位数）`,
    figures: [
      { label: '完整导出：用时', value: r3(m.exportFull), unit: 's' },
      { label: '完整导出：数据包大小', value: r2(fullMB), unit: 'MB' },
      { label: '导入（空库）：用时', value: r3(m.importEmpty), unit: 's' },
      { label: '  其中读取并校验数据包（readBundleAsync，单独测）', value: r3(m.verify), unit: 's' },
      { label: '同样记录的原始 bulkPut（同轮交替测）：用时', value: r3(m.rawInsert), unit: 's' },
      { label: `导入（空库） / 原始 bulkPut（目标 ≤ ${IMPORT_GOAL}）`, value: r2(m.importEmpty / m.rawInsert), unit: '×' },
      { label: '导入（空库）：占目标', value: r2(m.importEmpty / m.rawInsert / IMPORT_GOAL), unit: '× 目标' },
      { label: '  不计读取校验 / 原始 bulkPut', value: r2((m.importEmpty - m.verify) / m.rawInsert), unit: '×' },
      { label: '  其中派生检索键（拼音等，纯计算，单独测）', value: r3(m.keys), unit: 's' },
      { label: '  不计读取校验与检索键派生 / 原始 bulkPut', value: r2((m.importEmpty - m.verify - m.keys) / m.rawInsert), unit: '×' },
      { label: '增量导出（每条改 1 字段）：用时', value: r3(m.exportInc), unit: 's' },
      { label: '增量导出：数据包大小', value: r2(incMB), unit: 'MB' },
      { label: '增量导入（读记录与时钟；历史只在需要时读）：用时', value: r3(m.importInc), unit: 's' },
      { label: '同样修改的原始 bulkPut（更新，同轮交替测）：用时', value: r3(m.rawUpdate), unit: 's' },
      { label: `增量导入 / 原始更新（目标 ≤ ${IMPORT_GOAL}）`, value: r2(m.importInc / m.rawUpdate), unit: '×' },
      { label: '增量导入：占目标', value: r2(m.importInc / m.rawUpdate / IMPORT_GOAL), unit: '× 目标' },
    ],
  };
  status('完成');
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
