/**
 * Plain Node bench (`node --import tsx test/bench/agreements.node-bench.ts`, run by `npm run
 * bench`): a year's 合作协议书 in one .docx (issue 12: 1,000 agreements in one file).
 *   - batch: packDocumentBytes('cooperationAgreementBatch') — what the app's document worker runs:
 *     one section per agreement, page numbers from — 1 — each;
 *   - baseline, same run: each agreement packed as its own file (packDocumentBytes
 *     'cooperationAgreement' × N), the work a clerk's N clicks would do.
 * Prints time, file size and peak memory of each, and the ratios batch / separate. Each phase
 * runs in its own child process (after the same warm-up), so its peak resident set (VmHWM,
 * Linux; elsewhere the heap after the phase) is its own and not what the other left behind.
 * N: AGREEMENT_BENCH_N (default 1,000).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** Peak resident set of this process, MB (Linux), or null. */
function peakRssMB(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface PhaseResult {
  seconds: number;
  bytes: number;
  peakMB: number;
  progressCalls: number;
}

/** One phase, in this (child) process: warm-up on both paths, then the measured run. */
async function runPhase(which: 'batch' | 'separate'): Promise<PhaseResult> {
  const list = agreements(N);
  await packDocumentBytes('cooperationAgreementBatch', { scope: '预热', agreements: list.slice(0, 5) });
  for (const a of list.slice(0, 5)) await packDocumentBytes('cooperationAgreement', a);
  let progressCalls = 0;
  const t0 = performance.now();
  let bytes = 0;
  if (which === 'batch') bytes = (await packDocumentBytes('cooperationAgreementBatch', { scope: '2027年度', agreements: list }, () => progressCalls++)).length;
  else for (const a of list) bytes += (await packDocumentBytes('cooperationAgreement', a)).length;
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, bytes, peakMB: peakRssMB() ?? process.memoryUsage().heapUsed / 1048576, progressCalls };
}

function inChild(which: 'batch' | 'separate'): PhaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `--phase=${which}`], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

const phaseArg = process.argv.find((a) => a.startsWith('--phase='))?.slice('--phase='.length);
if (phaseArg === 'batch' || phaseArg === 'separate') {
  console.log(JSON.stringify(await runPhase(phaseArg)));
} else {
  const load = loadavg()[0];
  const batch = inChild('batch');
  const separate = inChild('separate');
  const mb = (bytes: number) => (bytes / 1048576).toFixed(2);
  console.log(`合作协议书 ${N} 份（开始时机器负载 ${load.toFixed(2)}，结束时 ${loadavg()[0].toFixed(2)}；各自在独立进程中测量）`);
  console.log(`  一个文件（每份一节）    ${batch.seconds.toFixed(2)} s  ${((batch.seconds * 1000) / N).toFixed(1)} ms/份  ${mb(batch.bytes)} MB  峰值内存 ${batch.peakMB.toFixed(0)} MB  进度回报 ${batch.progressCalls} 次`);
  console.log(`  逐份单独生成（基线）    ${separate.seconds.toFixed(2)} s  ${((separate.seconds * 1000) / N).toFixed(1)} ms/份  合计 ${mb(separate.bytes)} MB  峰值内存 ${separate.peakMB.toFixed(0)} MB`);
  console.log(`  耗时比（一个文件/逐份）  ${(batch.seconds / separate.seconds).toFixed(2)}`);
  console.log(`  大小比（一个文件/逐份合计）  ${(batch.bytes / separate.bytes).toFixed(2)}`);
  console.log(`  峰值内存比（一个文件/逐份）  ${(batch.peakMB / separate.peakMB).toFixed(2)}`);
}
