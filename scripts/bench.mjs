#!/usr/bin/env node
/**
 * `npm run bench` — browser benchmarks in the same Chromium the E2E tests use.
 *
 * Convention for a bench page (add one by dropping two files into test/bench/):
 *   - test/bench/<name>.bench.html  loads  <script type="module" src="./<name>.bench.ts">.
 *     vite.bench.config.ts builds every *.bench.html (root = repo, so pages import renderer/
 *     and shared/ code like the app does) into out/bench/.
 *   - The page runs on load, then sets exactly one of
 *       window.__benchResult = { title: string, figures: { label: string, value: number, unit: string }[] }
 *       window.__benchError  = string   (message + stack)
 *     This script waits for either (up to BENCH_TIMEOUT_MS, default 15 min), prints the figures
 *     as aligned lines and exits non-zero if any page reported an error, threw, or timed out.
 *
 * Node benchmarks: every test/bench/<name>.node-bench.ts runs as `node --import tsx <file>` and
 * prints its own figures (e.g. document building, which runs in Node as in sample-docs).
 *
 * Usage: node scripts/bench.mjs [name-filter…] [--no-build]
 *   e.g. `npm run bench -- tracked-write` runs only test/bench/tracked-write.bench.html.
 * Chromium: /usr/bin/chromium (Debian) unless CHROMIUM_PATH is set; headless, no sandbox.
 * Pages run in a PERSISTENT on-disk profile (a temporary user-data dir), as the app stores its
 * IndexedDB on disk — a private context keeps it in memory and flatters every write. A page may
 * await `window.__benchHeapMB()` (exposed here): the renderer's JS heap in MB from CDP
 * Performance.getMetrics, readable after a synchronous phase a timer could not sample;
 * `__benchHeapMB({ gc: true })` forces a full garbage collection first and reads V8's used heap
 * (what the page still holds: compare two such readings, not a reading with garbage in it).
 * BENCH_N=<records> is passed to the pages as `?n=` (short runs on a busy machine), BENCH_MB as
 * `?mb=` (the attachments bench's total size). A page may also await `window.__benchRss()`:
 * {currentMB, peakMB} of all Chromium processes of the bench profile (their summed PSS from
 * /proc/<pid>/smaps_rollup, sampled every 200 ms; Linux only, else null) and {rendererMB,
 * rendererPeakMB} of its renderer processes alone, {pageRendererMB, pageRendererPeakMB} of the
 * largest renderer process (the page's own; the others are the context's blank tab and spares),
 * {anonMB, anonPeakMB}: the summed PSS without its file-backed pages (Pss_File: mapped files,
 * e.g. a Blob on disk being read — page cache, not memory the browser allocated), and
 * `window.__benchRssReset()` to restart the peak.
 * A page may await `window.__benchNode('<name>.node-phase.ts', args)`: a Node baseline run in a
 * child process between the page's own phases (its last stdout line, parsed as JSON), and
 * `window.__benchTempDir()` for a directory such runs share (removed when the bench ends).
 * BENCH_PROFILE=<dir>: pages build unminified and may await `window.__benchProfile('start')` /
 * `window.__benchProfile('stop', label)` around a measured step: a CDP CPU profile of that step
 * is written to <dir>/<page>-<label>.cpuprofile (open it in Chrome DevTools, or summarise it with
 * `node scripts/profile-summary.mjs FILE`). With BENCH_TRACE=1 as well, each such step also writes
 * a Chrome trace, <dir>/<page>-<label>.trace.json: the renderer's own work too (style, layout,
 * paint, frames), which a CPU profile shows only as "(program)"; summarise it with
 * `node scripts/trace-summary.mjs FILE`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const benchSrc = resolve(root, 'test/bench');
const outDir = resolve(root, 'out/bench');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 15 * 60 * 1000);
const profileDir = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const tracing = profileDir !== null && Boolean(process.env.BENCH_TRACE);
/** The renderer's main-thread phases (DevTools' Performance panel) and the frames. */
const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,blink,v8.execute';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const filters = args.filter((a) => !a.startsWith('--'));

const pages = readdirSync(benchSrc)
  .filter((f) => f.endsWith('.bench.html'))
  .filter((f) => filters.length === 0 || filters.some((q) => f.includes(q)))
  .sort();
const nodeBenches = readdirSync(benchSrc)
  .filter((f) => f.endsWith('.node-bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((q) => f.includes(q)))
  .sort();
if (pages.length === 0 && nodeBenches.length === 0) {
  console.error(`没有找到基准页面（test/bench/*.bench.html${filters.length ? `，筛选：${filters.join(' ')}` : ''}）`);
  process.exit(1);
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
const padEnd = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));

function print(result) {
  console.log(`\n${result.title}`);
  const labelW = Math.max(...result.figures.map((f) => width(f.label)));
  const values = result.figures.map((f) => (Number.isInteger(f.value) ? f.value.toLocaleString('en-US') : String(f.value)));
  const valueW = Math.max(...values.map((v) => v.length));
  result.figures.forEach((f, i) => console.log(`  ${padEnd(f.label, labelW)}  ${values[i].padStart(valueW)} ${f.unit}`));
}

if (!skipBuild && pages.length) {
  console.log('构建基准页面（vite.bench.config.ts → out/bench）…');
  await build({ configFile: resolve(root, 'vite.bench.config.ts'), logLevel: 'warn' });
}

let failures = 0;
for (const file of nodeBenches) {
  console.log(`\n${file}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(benchSrc, file)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failures += 1;
    console.error(`✗ ${file} 退出码 ${result.status}`);
  } else console.log(`  （${file}，用时 ${((Date.now() - started) / 1000).toFixed(1)} s）`);
}
if (pages.length === 0) process.exit(failures ? 1 : 0);

// The same server as web mode and the E2E tests (127.0.0.1 only, CSP header, no path escape).
const { startStaticServer } = await import('./lib/static-server.ts');
const server = await startStaticServer(outDir);
// A persistent on-disk profile, as on an office PC: IndexedDB of an incognito context lives in
// memory and would flatter every database figure.
const userDataDir = mkdtempSync(join(tmpdir(), 'sciledger-bench-'));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const [cpuLoad] = loadavg();
console.log(`机器负载（1 分钟平均）：${cpuLoad.toFixed(2)}，CPU ${cpus().length} 核`);
const params = new URLSearchParams();
if (process.env.BENCH_N) params.set('n', process.env.BENCH_N);
if (process.env.BENCH_MB) params.set('mb', process.env.BENCH_MB);
const query = params.size ? `?${params}` : '';

/**
 * Summed PSS (MB) of the bench browser: the processes whose command line names the bench
 * profile and all their descendants (renderers, GPU and utility processes); null off Linux.
 */
function profileRssMB() {
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const parent = new Map();
  const roots = new Set();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(userDataDir)) roots.add(pid);
    } catch {
      /* the process ended meanwhile */
    }
  }
  const inTree = (pid) => {
    for (let p = pid, i = 0; p && p !== '0' && i < 64; p = parent.get(p), i++) if (roots.has(p)) return true;
    return false;
  };
  let kb = 0;
  let rendererKb = 0;
  let largestRendererKb = 0;
  let fileKb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      // PSS: shared pages (libraries, shared memory between Chromium's processes) counted once
      // in the sum instead of once per process, which a VmRSS sum would do.
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const m = /^Pss:\s+(\d+) kB/m.exec(rollup);
      if (m) kb += Number(m[1]);
      // File-backed pages (a mapped file: page cache the kernel may drop) apart from the rest.
      const file = /^Pss_File:\s+(\d+) kB/m.exec(rollup);
      if (file) fileKb += Number(file[1]);
      if (m && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) {
        rendererKb += Number(m[1]);
        largestRendererKb = Math.max(largestRendererKb, Number(m[1]));
      }
    } catch {
      /* ended */
    }
  }
  lastRendererMB = Math.round(rendererKb / 1024);
  lastPageRendererMB = Math.round(largestRendererKb / 1024);
  lastFileMB = Math.round(fileKb / 1024);
  return Math.round(kb / 1024);
}
/** The renderer processes' share of the last profileRssMB() sample (PSS, MB). */
let lastRendererMB = 0;
/** The largest renderer process of the last sample: the bench page's own (the others are a blank tab and spares). */
let lastPageRendererMB = 0;
/** The file-backed share (Pss_File) of the last sample: mapped files, not memory the browser allocated. */
let lastFileMB = 0;
let rssPeak = 0;
const nodeTempDirs = [];
let rendererPeak = 0;
let pageRendererPeak = 0;
let anonPeak = 0;
const rssSampler = setInterval(() => {
  const now = profileRssMB();
  if (now !== null && now > rssPeak) rssPeak = now;
  if (now !== null && lastRendererMB > rendererPeak) rendererPeak = lastRendererMB;
  if (now !== null && lastPageRendererMB > pageRendererPeak) pageRendererPeak = lastPageRendererMB;
  if (now !== null && now - lastFileMB > anonPeak) anonPeak = now - lastFileMB;
}, 200);
try {
  for (const file of pages) {
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.exposeFunction('__benchHeapMB', async (options) => {
      if (options?.gc) {
        // What the page still holds: a full collection first (twice: the first may leave what a
        // finaliser or weak map let go of), then V8's own count of the used heap.
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return Math.round((usedSize / 1024 / 1024) * 10) / 10;
      }
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      return Math.round((used / 1024 / 1024) * 10) / 10;
    });
    let traceEvents = [];
    cdp.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value));
    await page.exposeFunction('__benchProfile', async (action, label) => {
      if (!profileDir) return false;
      if (action === 'probe') return true;
      if (action === 'start') {
        if (tracing) {
          traceEvents = [];
          await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
        }
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        return true;
      }
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, `${file.replace(/\.bench\.html$/, '')}-${label}.cpuprofile`), JSON.stringify(profile));
      if (tracing) {
        const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        await done;
        writeFileSync(join(profileDir, `${file.replace(/\.bench\.html$/, '')}-${label}.trace.json`), JSON.stringify({ traceEvents }));
      }
      return true;
    });
    await page.exposeFunction('__benchRss', async () => {
      const current = profileRssMB();
      if (current === null) return null;
      rssPeak = Math.max(rssPeak, current);
      rendererPeak = Math.max(rendererPeak, lastRendererMB);
      pageRendererPeak = Math.max(pageRendererPeak, lastPageRendererMB);
      anonPeak = Math.max(anonPeak, current - lastFileMB);
      return {
        currentMB: current,
        peakMB: rssPeak,
        rendererMB: lastRendererMB,
        rendererPeakMB: rendererPeak,
        pageRendererMB: lastPageRendererMB,
        pageRendererPeakMB: pageRendererPeak,
        anonMB: current - lastFileMB,
        anonPeakMB: anonPeak,
      };
    });
    // A Node baseline run between a page's own phases (interleaved, same machine state): one of
    // test/bench/*.node-phase.ts in a child process; its last stdout line is the JSON answer.
    await page.exposeFunction('__benchNode', async (script, args = []) => {
      if (!/^[\w-]+\.node-phase\.ts$/.test(script)) throw new Error(`不是基准的 Node 阶段：${script}`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', resolve(benchSrc, script), ...args.map(String)], { cwd: root, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} 失败：${run.stderr}`);
      return JSON.parse(run.stdout.trim().split('\n').pop());
    });
    await page.exposeFunction('__benchTempDir', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sciledger-bench-node-'));
      nodeTempDirs.push(dir);
      return dir;
    });
    await page.exposeFunction('__benchRssReset', async () => {
      rssPeak = profileRssMB() ?? 0;
      rendererPeak = lastRendererMB;
      pageRendererPeak = lastPageRendererMB;
      anonPeak = rssPeak - lastFileMB;
    });
    const log = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && log.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
    const started = Date.now();
    try {
      // Built pages keep their source location under the root (root = repo).
      await page.goto(new URL(`test/bench/${file}${query}`, server.url).href);
      // A page may reload itself (e.g. to measure in a fresh renderer after seeding): the wait
      // starts again in the new document.
      let outcome;
      for (;;) {
        try {
          const handle = await page.waitForFunction(() => window.__benchResult ?? (window.__benchError ? { error: window.__benchError } : undefined), null, {
            timeout: Math.max(1, timeoutMs - (Date.now() - started)),
            polling: 250,
          });
          outcome = await handle.jsonValue();
          break;
        } catch (error) {
          if (!/context was destroyed|navigat/i.test(String(error))) throw error;
          await page.waitForLoadState('load');
        }
      }
      if (outcome.error) throw new Error(outcome.error);
      print(outcome);
      console.log(`  （${file}，用时 ${((Date.now() - started) / 1000).toFixed(1)} s，结束时机器负载 ${loadavg()[0].toFixed(2)}）`);
    } catch (error) {
      failures += 1;
      console.error(`\n✗ ${file}: ${error instanceof Error ? error.message : String(error)}`);
      for (const line of log) console.error(`    ${line}`);
    } finally {
      await page.close();
    }
  }
} finally {
  clearInterval(rssSampler);
  await browser.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  for (const dir of nodeTempDirs) rmSync(dir, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
