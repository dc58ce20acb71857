/**
 * Bench page (scripts/bench.mjs, Chromium): reading + verifying a bundle of N ops (default
 * 100,000; issue 10 "Speed and memory": 5.0 s and a ~505 MB renderer peak measured before, goal
 * ≤ 1.6 s and ≤ 300 MB). The app's reader (readBundleAsync: DecompressionStream('deflate-raw'),
 * crypto.subtle, compiled op schema, line-by-line decoding) against the pure one (readBundle:
 * fflate, noble SHA-256), interleaved after a warm-up, medians of 3; JS heap from CDP after each
 * read while its result is still held.
 */
import { BUNDLE_FORMAT_VERSION, readBundle, readBundleAsync, writeBundle, type SyncOp } from '../../shared/sync';
import { encodeHlc } from '../../shared/sync/hlc';
import { advisorRecords, benchSize, heapMB, median, timed } from './support/benchPage';

const N = benchSize(100_000);
const NODE = 'bench-writer';

const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

async function run() {
  status('生成数据包…');
  const t0 = Date.now();
  const ops: SyncOp[] = advisorRecords(N).map(({ id, ...fields }, i) => {
    const opId = encodeHlc({ wallMs: t0 + Math.floor(i / 1000), counter: i % 1000 }, NODE);
    return { opId, nodeId: NODE, table: 'advisors', id, fields, deleted: false, operator: '基准', at: new Date(t0).toISOString(), prev: {} };
  });
  const bytes = writeBundle({ ops, nodeId: NODE, nodeName: '基准', schemaVersion: 1, bundleId: crypto.randomUUID(), createdAt: new Date(t0).toISOString(), vector: {}, kind: 'full' });
  ops.length = 0;
  const options = { currentSchemaVersion: 99, localNodeId: 'bench-reader' };

  status('预热…');
  await readBundleAsync(bytes, options);
  readBundle(bytes, options);
  const heapBefore = await heapMB();
  const native: number[] = [];
  const pure: number[] = [];
  let heapNative = 0;
  let heapPure = 0;
  for (let i = 0; i < 3; i++) {
    status(`第 ${i + 1}/3 轮…`);
    const [a, ta] = await timed(() => readBundleAsync(bytes, options));
    native.push(ta);
    heapNative = Math.max(heapNative, (await heapMB()) ?? 0);
    if (a.ops.length !== N) throw new Error(`read ${a.ops.length} ops`);
    a.ops.length = 0;
    const [b, tb] = await timed(async () => readBundle(bytes, options));
    pure.push(tb);
    heapPure = Math.max(heapPure, (await heapMB()) ?? 0);
    b.ops.length = 0;
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 100) / 100;
  window.__benchResult = {
    title: `读取并校验数据包（${N.toLocaleString('en-US')} 条操作，格式 ${BUNDLE_FORMAT_VERSION}，${mb(bytes.length)} MB）`,
    figures: [
      { label: '本程序的读取（DecompressionStream + crypto.subtle）：中位数', value: r3(median(native)), unit: 's' },
      { label: '纯 JS 读取（fflate + noble）：中位数', value: r3(median(pure)), unit: 's' },
      ...(heapBefore !== null
        ? [
            { label: '读取前 JS 堆（CDP）', value: heapBefore, unit: 'MB' },
            { label: '本程序读取后 JS 堆（含结果，最大）', value: heapNative, unit: 'MB' },
            { label: '纯 JS 读取后 JS 堆（含结果，最大）', value: heapPure, unit: 'MB' },
          ]
        : []),
    ],
  };
  status('完成');
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
