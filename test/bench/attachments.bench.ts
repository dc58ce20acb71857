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

/** `bytes` as a disk-backed Blob (stored in IndexedDB and read back), like a File from a file input. */
async function onDisk(bytes: Uint8Array): Promise<Blob> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('bench-att-files', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const key = crypto.randomUUID();
  const put = db.transaction('files', 'readwrite');
  put.objectStore('files').put(new Blob([bytes as Uint8Array<ArrayBuffer>]), key);
  await new Promise((resolve, reject) => ((put.oncomplete = resolve), (put.onabort = () => reject(put.error))));
  const get = db.transaction('files').objectStore('files').get(key);
  const blob = await new Promise<Blob>((resolve, reject) => ((get.onsuccess = () => resolve(get.result)), (get.onerror = () => reject(get.error))));
  db.close();
  return blob;
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
  // goal (issue 11): importing a bundle peaks well under its size + 100 MB — so what the import
  // adds above the memory just before it must stay under 100 MB. Two ways, interleaved per part
  // in the same run, into two databases:
  //   - from bytes: the whole file read into the page first (the desktop path, where the main
  //     process hands over bytes; the web path before this change) — files copied out of it;
  //   - from the file (a Blob, as a file input gives it): read in slices, files hashed one at a
  //     time and stored as slices of the Blob, never copied through the page.
  const c = await openSciLedgerDb(`bench-att-c-${stamp}`);
  const extra = { bytes: 0, file: 0 };
  const extraAnon = { bytes: 0, file: 0 };
  const seconds = { bytes: 0, file: 0 };
  const importOne = async (key: keyof typeof extra, db: typeof b, input: Uint8Array | Blob) => {
    gc();
    // Let the processes settle (a Blob just written is still being handed between processes).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    gc();
    await resetRss();
    const before = await rss();
    const [, s] = await timed(() => importBundle(db, input, { confirmLargeDelete: true }));
    seconds[key] += s;
    const r = await rss();
    if (r && before) extra[key] = Math.max(extra[key], r.peakMB - before.currentMB);
    if (r?.anonPeakMB !== undefined && before?.anonMB !== undefined) extraAnon[key] = Math.max(extraAnon[key], r.anonPeakMB - before.anonMB);
  };
  for (let i = 0; i < partCount; i++) {
    status(`导入第 ${i + 1}/${partCount} 包（内存字节）…`);
    await importOne('bytes', b, parts[i] as Uint8Array);
    // The file as a file input gives it: on disk, its bytes outside the page (here written to
    // IndexedDB and read back: a disk-backed Blob, like a File).
    const file = await onDisk(parts[i] as Uint8Array);
    parts[i] = undefined;
    status(`导入第 ${i + 1}/${partCount} 包（文件分片）…`);
    await importOne('file', c, file);
  }
  const largestMB = Math.round(largestPart / 1024 / 1024);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  // What the import peaks at above the app's memory without the bundle: from bytes, the bundle
  // is in the page before the import starts (its size + what the import adds); from the file, it
  // is on disk (what the import adds is all).
  for (const [key, name, held] of [
    ['file', '从文件（Blob，磁盘上）分片读取，附件存为文件切片', 0],
    ['bytes', '整个文件读入内存', largestMB],
  ] as const) {
    figures.push({ label: `导入数据包（${name}）：用时`, value: r2(seconds[key]), unit: 's' });
    if (await rss()) {
      figures.push({ label: `  峰值高于导入前（最大的一包，全部进程 PSS；其中映射文件页以外 ${extraAnon[key]} MB）`, value: extra[key], unit: 'MB' });
      figures.push({ label: `  导入峰值高于不含数据包时 = ${held ? '数据包 + ' : ''}导入所加`, value: held + extra[key], unit: 'MB' });
      figures.push({ label: `  ÷ 目标（数据包 + 100 MB = ${largestMB + 100} MB；≤ 1 达标）`, value: r2((held + extra[key]) / (largestMB + 100)), unit: '×' });
    }
  }
  const heapAfterImport = await heapMB();
  if (heapAfterImport !== null) figures.push({ label: '导入数据包：之后 JS 堆', value: heapAfterImport, unit: 'MB' });
  if ((await c.attachmentBlobs.count()) !== N) throw new Error(`imported ${await c.attachmentBlobs.count()} files from Blobs, expected ${N}`);
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
  c.close();
  status('完成');
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
