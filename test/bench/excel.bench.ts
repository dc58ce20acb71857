/**
 * Bench page (scripts/bench.mjs, Chromium): export and import of N service-log rows (default
 * 100,000; issue 15) along the app's own browser path —
 *   - export: exportLedgerXlsx with ledger columns, rows handed over a block (EXPORT_BLOCK) at a
 *     time to the excel Worker, which streams them into the .xlsx (fflate);
 *   - import: readSpreadsheet in the Worker (streaming reader, progress), then what the wizard
 *     runs on the page: locateTable, suggestMapping and checkInChunks of the 服务日志 target
 *     (zod schema per row, lookups, duplicate keys).
 * Rows come from memory, not the database (the paged read is the ledger-paging bench's).
 * Baseline in the same run, interleaved: exceljs's streaming WorkbookWriter / WorkbookReader in
 * Node (excel.node-phase.ts) on the same rows. Peak memory: the bench browser's summed PSS
 * (page + Worker + browser processes) during the phase, and its rise over the level before the
 * phase; Node: the process's peak RSS (VmHWM) and its rise over its RSS at start.
 */
// The app's Trusted Types policy first: the static server's CSP requires it for the Worker URL.
import '../../renderer/src/security/trustedTypes';
import type { LedgerColumn } from '../../renderer/src/components/LedgerTable/types';
import { readSpreadsheet } from '../../renderer/src/components/Excel/excelClient';
import { checkInChunks } from '../../renderer/src/components/Excel/checkInChunks';
import { exportLedgerXlsx } from '../../renderer/src/components/Excel/ledgerExport';
import { suggestMapping } from '../../shared/excel/headerMatch';
import { locateTable } from '../../shared/excel/sheetTable';
import { serviceLogImport } from '../../shared/excel/targets';
import { benchSize, type BenchFigure } from './support/benchPage';
import { SERVICE_LOG_HEADERS, serviceLogRow, type BenchLogRow } from './excel-rows';

declare global {
  interface Window {
    __benchNode?: (script: string, args: (string | number)[]) => Promise<{ seconds: number; peakMB: number; startMB: number; detail: string }>;
    __benchTempDir?: () => Promise<string>;
  }
}

const N = benchSize(100_000);
const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

const columns: LedgerColumn<BenchLogRow>[] = SERVICE_LOG_HEADERS.map((header, i) => ({
  id: `c${i}`,
  header,
  accessor: (r: BenchLogRow) => r[i],
  ...(i === 2 ? { filter: 'dateRange' as const } : {}),
  ...(i === 8 ? { exportAs: 'amount' as const } : {}),
}));

interface Measured {
  seconds: number;
  peakMB: number;
  riseMB: number;
  detail: string;
}

/** Runs `fn` with the browser's PSS peak restarted before and read after (sampled every 200 ms by bench.mjs). */
async function inBrowser(fn: () => Promise<string>): Promise<Measured> {
  await window.__benchRssReset?.();
  const before = (await window.__benchRss?.())?.currentMB ?? 0;
  const t = performance.now();
  const detail = await fn();
  const seconds = (performance.now() - t) / 1000;
  const peak = (await window.__benchRss?.())?.peakMB ?? 0;
  return { seconds, peakMB: peak, riseMB: Math.max(0, peak - before), detail };
}

async function inNode(phase: string, dir: string): Promise<Measured> {
  if (!window.__benchNode) throw new Error('需要 scripts/bench.mjs 提供的 __benchNode（Node 基线）');
  const r = await window.__benchNode('excel.node-phase.ts', [phase, N, dir]);
  return { seconds: r.seconds, peakMB: r.peakMB, riseMB: Math.max(0, r.peakMB - r.startMB), detail: r.detail };
}

async function run() {
  const dir = (await window.__benchTempDir?.()) ?? '';
  let bytes: Uint8Array = new Uint8Array();

  status(`导出 ${N.toLocaleString()} 行（应用：Worker 流式写出）…`);
  const ids = Array.from({ length: N }, (_, i) => String(i));
  const appExport = await inBrowser(async () => {
    bytes = await exportLedgerXlsx({
      title: '服务日志',
      columns,
      ids,
      rowsOf: async (part) => part.map((id) => serviceLogRow(Number(id))),
      scope: `全部 ${N} 条记录`,
      exportedAt: '2026-11-30 10:00',
    });
    return `${(bytes.length / 1e6).toFixed(1)} MB`;
  });
  status('导出（基线：exceljs 流式写出，Node）…');
  const baseExport = await inNode('stream-export', dir);

  status(`导入 ${N.toLocaleString()} 行（应用：Worker 流式读取 + 预览校验）…`);
  let readSeconds = 0;
  const appImport = await inBrowser(async () => {
    const t = performance.now();
    const [sheet] = await readSpreadsheet(bytes, '服务日志.xlsx');
    readSeconds = (performance.now() - t) / 1000;
    const table = locateTable(sheet, serviceLogImport.fields);
    if (!table.ok) throw new Error(table.message);
    const uuid = (n: number, p: string) => `${p}${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`;
    const context = {
      resolve: (t: string, text: string) => (t === 'commissioners' ? [uuid(Number(text.replace(/\D/g, '')), '1')] : t === 'hostEnterprises' ? [uuid(Number(text.replace(/\D/g, '')), '2')] : ['30000000-0000-4000-8000-000000000000']),
      options: {},
    };
    const check = await checkInChunks(serviceLogImport, table.headers, table.rows, suggestMapping(table.headers, serviceLogImport.fields), context, new Set());
    if (check.counts.ok !== N) throw new Error(`预期 ${N} 行可导入，实际 ${JSON.stringify(check.counts)}`);
    return `${check.counts.ok} 行可导入`;
  });
  status('导入（基线：exceljs 流式读取，Node）…');
  const baseImport = await inNode('stream-import', dir);

  const f = (label: string, value: number, unit: string): BenchFigure => ({ label, value: Math.round(value * 100) / 100, unit });
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const figures: BenchFigure[] = [];
  for (const [name, app, base] of [
    ['导出', appExport, baseExport],
    ['导入', appImport, baseImport],
  ] as const) {
    figures.push(
      f(`${name}：应用（浏览器 Worker）用时（${app.detail}）`, app.seconds, 's'),
      ...(app === appImport ? [f('导入：其中 Worker 读取文件（其余为逐行校验预览）', readSeconds, 's')] : []),
      f(`${name}：应用 峰值内存（浏览器合计 PSS）`, app.peakMB, 'MB'),
      f(`${name}：应用 内存增量（峰值 − 开始前）`, app.riseMB, 'MB'),
      f(`${name}：基线 exceljs 流式（Node）用时（${base.detail}）`, base.seconds, 's'),
      f(`${name}：基线 峰值内存（进程峰值 RSS）`, base.peakMB, 'MB'),
      f(`${name}：基线 内存增量`, base.riseMB, 'MB'),
      f(`${name}：用时比 应用/基线`, ratio(app.seconds, base.seconds), '×'),
      f(`${name}：内存增量比 应用/基线`, ratio(app.riseMB, base.riseMB), '×'),
    );
  }
  window.__benchResult = { title: `Excel 导出/导入 ${N.toLocaleString('zh-CN')} 条服务日志（应用的浏览器路径 vs exceljs 流式 Node 基线，同一次运行交替测量）`, figures };
  status('完成');
}

run().catch((error: unknown) => {
  window.__benchError = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
});
