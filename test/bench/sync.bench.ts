/**
 * Bench page (scripts/bench.mjs, Chromium): 数据交换 at 100,000 ops (issue 4 "Bench").
 *   1. machine A writes 100,000 advisor records (tracked: 100,000 ops);
 *   2. full export of A (seconds, MB of bundle);
 *   3. import into an empty machine B (seconds; peak JS heap via performance.memory when the
 *      browser has it), and the ratio to a raw bulkPut of the same records into a plain Dexie
 *      database with the same stores and strict durability;
 *   4. A changes one field of every record; incremental export and import into B (the import
 *      path that loads clocks and oplog history of existing records), against a raw bulkPut of
 *      the same changed records into the raw database (issue 10: a baseline for this one too);
 *   5. reading + verifying the full bundle alone: the app's reader (DecompressionStream,
 *      crypto.subtle) and the pure one, with the renderer's JS heap from CDP after each phase
 *      (a timer cannot sample during a synchronous read).
 */
import { Dexie } from 'dexie';
import { openSciLedgerDb, type SciLedgerDb } from '../../renderer/src/db/database';
import { schemaVersions } from '../../renderer/src/db/schema';
import { exportBundle, getLocalVector, importBundle, setNodeName } from '../../renderer/src/db/sync';
import { readBundle, readBundleAsync } from '../../shared/sync';
import { advisorRecords, benchSize, heapMB, median } from './support/benchPage';

const N = benchSize(100_000);


const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

/** Heap sampler: performance.memory is Chromium-only (and coarse without precise-memory-info). */
function heapSampler() {
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  let peak = mem?.usedJSHeapSize ?? 0;
  const sample = () => {
    if (mem) peak = Math.max(peak, mem.usedJSHeapSize);
  };
  const timer = setInterval(sample, 20);
  return {
    available: mem !== undefined,
    stop(): number {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, (performance.now() - t) / 1000];
}

async function run() {
  const tag = crypto.randomUUID();
  const dbs: (SciLedgerDb | Dexie)[] = [];
  try {
    const a = await openSciLedgerDb(`bench-sync-a-${tag}`);
    const b = await openSciLedgerDb(`bench-sync-b-${tag}`);
    const raw = new Dexie(`bench-sync-raw-${tag}`, { chromeTransactionDurability: 'strict' });
    for (const v of schemaVersions) raw.version(v.version).stores(v.stores);
    await raw.open();
    dbs.push(a, b, raw);
    await setNodeName(a, '基准甲');
    await setNodeName(b, '基准乙');

    status('甲写入 100,000 条…');
    const rows = advisorRecords(N);
    await a.transaction('rw', a.advisors, () => a.advisors.bulkPut(rows));

    status('完整导出…');
    const [full, exportS] = await timed(() => exportBundle(a, { kind: 'full' }));
    if (full.opCount !== N) throw new Error(`exported ${full.opCount} ops`);

    status('导入到乙…');
    const heap = heapSampler();
    const [result, importS] = await timed(() => importBundle(b, full.bytes));
    const peak = heap.stop();
    if (result.applied !== N || (await b.advisors.count()) !== N) throw new Error(`imported ${result.applied}`);

    // The share of the import spent verifying the bundle before the transaction (zip, sha256,
    // zod on every op): measured apart, on the same bytes — the app's reader and the pure one.
    const readOptions = { currentSchemaVersion: b.verno, localNodeId: 'bench-reader' };
    // One warm-up of each (JIT), then 3 interleaved runs of each, medians.
    await readBundleAsync(full.bytes, readOptions);
    readBundle(full.bytes, readOptions);
    const nativeTimes: number[] = [];
    const pureTimes: number[] = [];
    const heapBefore = await heapMB();
    let heapAfterNative: number | null = null;
    let heapAfterPure: number | null = null;
    for (let i = 0; i < 3; i++) {
      const [nativeRead, tn] = await timed(() => readBundleAsync(full.bytes, readOptions));
      nativeTimes.push(tn);
      heapAfterNative = Math.max(heapAfterNative ?? 0, (await heapMB()) ?? 0);
      nativeRead.ops.length = 0;
      const [pureRead, tp] = await timed(async () => readBundle(full.bytes, readOptions));
      pureTimes.push(tp);
      heapAfterPure = Math.max(heapAfterPure ?? 0, (await heapMB()) ?? 0);
      pureRead.ops.length = 0;
    }
    const verifyS = median(nativeTimes);
    const verifyPureS = median(pureTimes);
    status('原始 bulkPut…');
    const same = await b.advisors.toArray();
    const [, rawS] = await timed(() => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(same)));

    status('甲修改每条记录的一个字段…');
    const changed = rows.map((r) => ({ ...r, status: '期满' as const, updatedAt: new Date().toISOString() }));
    await a.transaction('rw', a.advisors, () => a.advisors.bulkPut(changed));
    const [inc, incExportS] = await timed(async () => exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b) }));
    if (inc.opCount !== N) throw new Error(`incremental export ${inc.opCount} ops`);
    const [incResult, incImportS] = await timed(() => importBundle(b, inc.bytes));
    if (incResult.applied !== N || incResult.perTable.advisors?.changed !== N) throw new Error(`incremental import ${JSON.stringify(incResult.perTable)}`);
    status('原始 bulkPut（修改后的记录）…');
    const changedOnB = await b.advisors.toArray();
    const [, rawIncS] = await timed(() => raw.transaction('rw', raw.table('advisors'), () => raw.table('advisors').bulkPut(changedOnB)));

    const r2 = (x: number) => Math.round(x * 100) / 100;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 100) / 100;
    window.__benchResult = {
      title: `数据交换（${N.toLocaleString('en-US')} 条操作的数据包，strict 持久性）`,
      figures: [
        { label: '完整导出：用时', value: r3(exportS), unit: 's' },
        { label: '完整导出：数据包大小', value: mb(full.bytes.length), unit: 'MB' },
        { label: '导入（空库）：用时', value: r3(importS), unit: 's' },
        { label: '导入（空库）：吞吐', value: Math.round(N / importS), unit: '条/s' },
        { label: '读取并校验数据包（readBundleAsync：DecompressionStream + crypto.subtle；单独测，3 次中位数）', value: r3(verifyS), unit: 's' },
        { label: '同上，纯 JS（readBundle：fflate + noble；交替测，3 次中位数）', value: r3(verifyPureS), unit: 's' },
        ...(heapBefore !== null && heapAfterNative !== null && heapAfterPure !== null
          ? [
              { label: '读取前 JS 堆（CDP）', value: heapBefore, unit: 'MB' },
              { label: 'readBundleAsync 后 JS 堆（CDP，含结果，最大）', value: heapAfterNative, unit: 'MB' },
              { label: 'readBundle 后 JS 堆（CDP，含结果，最大）', value: heapAfterPure, unit: 'MB' },
            ]
          : []),
        { label: '同样记录的原始 bulkPut：用时', value: r3(rawS), unit: 's' },
        { label: '导入 / 原始 bulkPut', value: r2(importS / rawS), unit: '×' },
        ...(heap.available
          ? [
              { label: '导入：JS 堆峰值', value: mb(peak), unit: 'MB' },
            ]
          : []),
        { label: '增量导出（每条改 1 字段）：用时', value: r3(incExportS), unit: 's' },
        { label: '增量导出：数据包大小', value: mb(inc.bytes.length), unit: 'MB' },
        { label: '增量导入（读时钟与历史）：用时', value: r3(incImportS), unit: 's' },
        { label: '同样修改的原始 bulkPut：用时', value: r3(rawIncS), unit: 's' },
        { label: '增量导入 / 原始 bulkPut', value: r2(incImportS / rawIncS), unit: '×' },
      ],
    };
    status('完成');
  } finally {
    for (const db of dbs) db.close();
    await Promise.all(dbs.map((db) => Dexie.delete(db.name))).catch(() => undefined);
  }
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
