/**
 * The in-run baseline of the Excel bench page (test/bench/excel.bench.ts calls it through
 * scripts/bench.mjs's __benchNode, between its own phases): exceljs's STREAMING WorkbookWriter
 * and WorkbookReader on the same service-log rows — Node only (fs, zlib, streams), the best
 * exceljs offers, which its browser build lacks.
 *   node --import tsx test/bench/excel.node-phase.ts stream-export|stream-import <n> <dir>
 * Prints one JSON line: seconds, peakMB (the process's peak RSS), startMB (RSS before the clock), detail.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { SERVICE_LOG_HEADERS, serviceLogRow } from './excel-rows';

const [phase, nText, dir] = process.argv.slice(2);
const n = Number(nText);
const file = join(dir, 'exceljs-stream.xlsx');
const startMB = process.memoryUsage().rss / 1024 / 1024;
const t0 = performance.now();
let detail = '';
if (phase === 'stream-export') {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('服务日志', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow(['服务日志']).commit();
  ws.addRow([`全部 ${n} 条记录`]).commit();
  ws.addRow([...SERVICE_LOG_HEADERS]).commit();
  for (let i = 0; i < n; i++) {
    const r = serviceLogRow(i);
    const row = ws.addRow([r[0], r[1], new Date(`${r[2]}T00:00:00Z`), r[3], r[4], r[5], r[6], r[7] || null, r[8]]);
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.getCell(9).numFmt = '#,##0.00';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  detail = `${(statSync(file).size / 1e6).toFixed(1)} MB`;
} else if (phase === 'stream-import') {
  let rows = 0;
  for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache' })) for await (const _ of ws) rows++;
  detail = `${rows} 行`;
} else throw new Error(`unknown phase ${phase}`);
const seconds = (performance.now() - t0) / 1000;
/**
 * Peak RSS of this process image: VmHWM belongs to the address space, which exec replaces —
 * getrusage's maxRSS would carry over the parent's peak (the bench driver with Chromium's
 * tooling loaded) across fork and exec on Linux.
 */
function peakMB(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}
console.log(JSON.stringify({ seconds, peakMB: peakMB(), startMB, detail }));
