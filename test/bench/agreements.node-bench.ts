/**
 * Plain Node bench (`node --import tsx test/bench/agreements.node-bench.ts`, run by `npm run
 * bench`): a year's 合作协议书 in one .docx (issue 12: 1,000 agreements in one file).
 *   - batch: packDocumentBytes('cooperationAgreementBatch') — what the app's document worker runs:
 *     one section per agreement, page numbers from — 1 — each;
 *   - baseline, same run: each agreement packed as its own file (packDocumentBytes
 *     'cooperationAgreement' × N), the work a clerk's N clicks would do.
 * Prints time, file size and peak memory of each, and the ratios batch / separate. Peak memory
 * is the process's peak resident set (VmHWM), reset before each phase (/proc/self/clear_refs,
 * Linux); elsewhere the heap after the phase. N: AGREEMENT_BENCH_N (default 1,000).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { packDocumentBytes } from '../../shared/documents/registry';
import type { CooperationAgreementInput } from '../../shared/documents/commissioners/cooperation-agreement';
import { cityAgreement, provincialAgreement, teamAgreement } from '../fixtures/documents/commissioners/inputs';

const N = Number(process.env.AGREEMENT_BENCH_N ?? 1000);
const SURNAMES = ['陈', '林', '周', '黄', '韦', '覃', '蓝', '莫', '梁', '吴'];
const GIVEN = ['思远', '若溪', '明哲', '清和', '海波', '雨桐', '子豪', '晓岚', '振宇', '文静'];
const templates = [provincialAgreement, teamAgreement, provincialAgreement, provincialAgreement, cityAgreement];

/** N distinct agreements: names, numbers and enterprises vary, a team every fifth. */
function agreements(n: number): CooperationAgreementInput[] {
  return Array.from({ length: n }, (_, i) => {
    const base = templates[i % templates.length];
    const name = `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
    return {
      ...base,
      agreementNumber: `桂科特协〔2027〕${i + 1}号`,
      enterprise: { ...base.enterprise, name: `示范${i + 1}号科技有限公司` },
      commissioner: base.commissioner ? { ...base.commissioner, name } : undefined,
    };
  });
}

/** Peak resident set since the last reset, MB (Linux), or null. */
function peakRssMB(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    /* not Linux: the peak then covers the whole run */
  }
}

async function phase<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number; peakMB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  resetPeak();
  const t0 = performance.now();
  const value = await run();
  const seconds = (performance.now() - t0) / 1000;
  return { value, seconds, peakMB: peakRssMB() ?? process.memoryUsage().heapUsed / 1048576 };
}

const list = agreements(N);
// Warm-up: JIT and module initialisation on both paths.
await packDocumentBytes('cooperationAgreementBatch', { scope: '预热', agreements: list.slice(0, 5) });
for (const a of list.slice(0, 5)) await packDocumentBytes('cooperationAgreement', a);

let progressCalls = 0;
const batch = await phase(() => packDocumentBytes('cooperationAgreementBatch', { scope: '2027年度', agreements: list }, () => progressCalls++));
const separate = await phase(async () => {
  let bytes = 0;
  for (const a of list) bytes += (await packDocumentBytes('cooperationAgreement', a)).length;
  return bytes;
});

const mb = (bytes: number) => (bytes / 1048576).toFixed(2);
console.log(`合作协议书 ${N} 份（机器负载 ${loadavg()[0].toFixed(2)}）`);
console.log(`  一个文件（每份一节）    ${batch.seconds.toFixed(2)} s  ${((batch.seconds * 1000) / N).toFixed(1)} ms/份  ${mb(batch.value.length)} MB  峰值内存 ${batch.peakMB.toFixed(0)} MB  进度回报 ${progressCalls} 次`);
console.log(`  逐份单独生成（基线）    ${separate.seconds.toFixed(2)} s  ${((separate.seconds * 1000) / N).toFixed(1)} ms/份  合计 ${mb(separate.value)} MB  峰值内存 ${separate.peakMB.toFixed(0)} MB`);
console.log(`  耗时比（一个文件/逐份）  ${(batch.seconds / separate.seconds).toFixed(2)}`);
console.log(`  大小比（一个文件/逐份合计）  ${(batch.value.length / separate.value).toFixed(2)}`);
console.log(`  峰值内存比（一个文件/逐份）  ${(batch.peakMB / separate.peakMB).toFixed(2)}`);
