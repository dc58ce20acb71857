/**
 * Bench page (scripts/bench.mjs, Chromium, on-disk profile): a machine holding N attachments
 * (default 2,000) totalling MB megabytes (default 500) exports everything (split into parts at
 * the 200 MB cap) and a second database imports the parts (issue 11 "Bench"). Anchor, measured
 * in the same run on the same files: a plain fflate zip (zipSync, stored) of the files and its
 * unzipSync. Figures: times, JS heap (CDP; file bytes live in ArrayBuffers and Blobs outside it)
 * after each phase, and the peak memory of the whole browser (summed PSS of all its processes,
 * sampled by bench.mjs) during each phase.
 */
// As in the app (main.tsx): the import stores files from a worker, which Trusted Types must allow.
import '../../renderer/src/security/trustedTypes';
import { unzipSync, zipSync } from 'fflate';
import { openSciLedgerDb } from '../../renderer/src/db/database';
import { addAttachments, readAttachmentBytes } from '../../renderer/src/db/attachments';
import { exportBundle, importBundle } from '../../renderer/src/db/sync';
import { benchSize, heapMB, timed, type BenchFigure } from './support/benchPage';

const N = benchSize(2000);
const TOTAL_MB = Number(new URLSearchParams(location.search).get('mb')) || 500;
const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};
const rss = async () => (window.__benchRss ? window.__benchRss() : null);
const resetRss = async () => window.__benchRssReset?.();

/** Incompressible bytes (like JPEG scans), different per file. */
function fileBytes(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(size, i + 65536)));
  return out;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Time, JS heap after, and the browser's memory peak during `fn` and how far above its start. */
async function phase<T>(name: string, figures: BenchFigure[], fn: () => Promise<T>): Promise<T> {
  status(`${name}…`);
  gc();
  await resetRss();
  const start = (await rss())?.currentMB;
  const [value, seconds] = await timed(fn);
  const r = await rss();
  figures.push({ label: `${name}：用时`, value: Math.round(seconds * 100) / 100, unit: 's' });
  const heap = await heapMB();
  if (heap !== null) figures.push({ label: `${name}：之后 JS 堆`, value: heap, unit: 'MB' });
  if (r && start !== undefined) {
    figures.push({ label: `${name}：浏览器内存峰值（全部进程 PSS）`, value: r.peakMB, unit: 'MB' });
    figures.push({ label: `${name}：峰值高于开始时`, value: r.peakMB - start, unit: 'MB' });
  }
  return value;
}

async function run() {
  const size = Math.floor((TOTAL_MB * 1024 * 1024) / N);
  const stamp = Date.now();
  const a = await openSciLedgerDb(`bench-att-a-${stamp}`);
  const b = await openSciLedgerDb(`bench-att-b-${stamp}`);
  const figures: BenchFigure[] = [];
  const before = await rss();
  if (before) figures.push({ label: '开始前浏览器内存（全部进程 PSS）', value: before.currentMB, unit: 'MB' });

  const hashes: string[] = [];
  await phase('准备：添加附件（计算 SHA-256、写入 IndexedDB）', figures, async () => {
    const record = crypto.randomUUID();
    for (let i = 0; i < N; i += 50) {
      status(`添加附件 ${i}/${N}…`);
      const batch = Array.from({ length: Math.min(50, N - i) }, (_, k) => ({ name: `凭证${i + k}.jpg`, bytes: fileBytes(size) }));
      const added = await addAttachments(a, 'advisorStipends', record, batch, { limitBytes: 150 * 1024 * 1024, estimate: async () => null });
      hashes.push(...added.map((x) => x.sha256));
    }
  });

  const out = await phase('导出数据包（本程序，含附件文件）', figures, () => exportBundle(a, { kind: 'full' }));
  const bundleBytes = out.parts.reduce((n, p) => n + p.bytes.length, 0);
  const parts: (Uint8Array | undefined)[] = out.parts.map((p) => p.bytes);
  const partCount = parts.length;
  const largestPart = Math.max(...parts.map((p) => p?.length ?? 0));
  out.parts.length = 0;

  // As in the app, one bundle file is read at a time: each part is dropped once imported. The
  // goal (issue 11): importing a bundle peaks well under its size + 100 MB — the bundle's bytes
  // are held (they were read from the file), so what the import adds must stay under 100 MB.
  // Measured per part: the browser's peak during the import above its memory just before it.
  let importExtraMB = 0;
  let importSeconds = 0;
  for (let i = 0; i < partCount; i++) {
    status(`导入第 ${i + 1}/${partCount} 包…`);
    gc();
    await resetRss();
    const start = (await rss())?.currentMB;
    const [, seconds] = await timed(() => importBundle(b, parts[i] as Uint8Array, { confirmLargeDelete: true }));
    importSeconds += seconds;
    const r = await rss();
    if (r && start !== undefined) importExtraMB = Math.max(importExtraMB, r.peakMB - start);
    parts[i] = undefined;
  }
  const largestMB = Math.round(largestPart / 1024 / 1024);
  figures.push({ label: '导入数据包（本程序，逐个校验后写入）：用时', value: Math.round(importSeconds * 100) / 100, unit: 's' });
  const heapAfterImport = await heapMB();
  if (heapAfterImport !== null) figures.push({ label: '导入数据包：之后 JS 堆', value: heapAfterImport, unit: 'MB' });
  if (await rss()) {
    figures.push({ label: '导入：峰值高于导入前（最大的一包，全部进程 PSS）', value: importExtraMB, unit: 'MB' });
    figures.push({ label: '导入峰值 = 数据包 + 导入所加（最大的一包）', value: largestMB + importExtraMB, unit: 'MB' });
    figures.push({ label: '目标：数据包 + 100 MB', value: largestMB + 100, unit: 'MB' });
    figures.push({ label: '导入峰值 ÷ 目标（≤ 1 达标）', value: Math.round(((largestMB + importExtraMB) / (largestMB + 100)) * 100) / 100, unit: '×' });
    figures.push({ label: '导入峰值 ÷ 最大的一包（原为约 2.9×）', value: Math.round(((largestMB + importExtraMB) / Math.max(1, largestMB)) * 100) / 100, unit: '×' });
  }
  if ((await b.attachmentBlobs.count()) !== N) throw new Error(`imported ${await b.attachmentBlobs.count()} files, expected ${N}`);

  // Anchor: the same files read back and zipped by fflate as one plain zip, then unzipped.
  let anchorBytes = 0;
  const zipped = await phase('参照：fflate 普通 zip 打包同样的文件', figures, async () => {
    const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const h of hashes) entries[`files/${h}`] = [(await readAttachmentBytes(a, h)) as Uint8Array, { level: 0 }];
    const zip = zipSync(entries);
    anchorBytes = zip.length;
    return zip;
  });
  await phase('参照：fflate 解压同样的 zip', figures, async () => {
    const files = unzipSync(zipped);
    if (Object.keys(files).length !== N) throw new Error('anchor unzip');
  });

  figures.unshift(
    { label: '附件数', value: N, unit: '个' },
    { label: '附件总大小', value: Math.round((N * size) / 1024 / 1024), unit: 'MB' },
    { label: `本程序数据包（${partCount} 个，合计）`, value: Math.round(bundleBytes / 1024 / 1024), unit: 'MB' },
    { label: '其中最大的一个', value: Math.round(largestPart / 1024 / 1024), unit: 'MB' },
    { label: '参照 zip', value: Math.round(anchorBytes / 1024 / 1024), unit: 'MB' },
  );
  window.__benchResult = { title: `附件数据包导出与导入（${N.toLocaleString('en-US')} 个附件，${TOTAL_MB} MB）`, figures };
  a.close();
  b.close();
  status('完成');
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
