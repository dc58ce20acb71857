/**
 * Plain Node bench: export and import of N service logs (default 100,000; BENCH_N to shorten).
 * Each phase runs in its own child process so its peak memory (maxRSS) is its own:
 *   - app-export: what the excel worker runs — LedgerWorkbookWriter (exceljs in-memory Workbook,
 *     the only writer exceljs's browser build has), rows added in blocks of EXPORT_BLOCK;
 *   - app-import: readWorkbook (exceljs Workbook.load) + locateTable + checkImportRows of the
 *     服务日志 target (zod schema per row, lookups, duplicate keys), as the wizard runs it;
 *   - stream-export / stream-import: exceljs's streaming WorkbookWriter / WorkbookReader on the
 *     same rows — Node only (fs, zlib, streams), the baseline of what streaming would save.
 * Prints seconds and peak MB per phase and the ratios app/stream.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const N = Number(process.env.BENCH_N ?? 100_000);
const KINDS = ['参与技术攻关', '科普/培训', '对接引进创新资源与成果转化', '其他'];
const HEADERS = ['科技特派员', '服务企业', '服务日期', '服务天数', '服务方式', '服务类型', '服务内容', '解决问题', '补助金额'];

/** 5,000 commissioners, each at one of 500 enterprises, on 20 dates: every row a distinct log. */
function row(i: number): (string | number | { date: string })[] {
  const commissioner = i % 5000;
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 5000) * 86_400_000).toISOString().slice(0, 10);
  return [`特派员${commissioner}`, `广西示范科技有限公司${commissioner % 500}`, { date: day }, i % 2 ? 1 : 0.5, i % 3 ? '线下' : '线上', KINDS[i % 4], `现场指导水稻病虫害防治第${i}次`, '', 100 + (i % 50)];
}

async function phase(name: string, dir: string): Promise<void> {
  const file = join(dir, 'logs.xlsx');
  // Modules load before the clock starts (tsx compiles them on first import).
  const [{ LedgerWorkbookWriter, readWorkbook }, { EXPORT_BLOCK }, { locateTable }, { suggestMapping }, { checkImportRows }, { serviceLogImport }, ExcelJS] = await Promise.all([
    import('../../renderer/src/components/Excel/workbookIo'),
    import('../../shared/excel/exportSheet'),
    import('../../shared/excel/sheetTable'),
    import('../../shared/excel/headerMatch'),
    import('../../shared/excel/validateImport'),
    import('../../shared/excel/targets'),
    import('exceljs').then((m) => m.default),
  ]);
  const t0 = performance.now();
  let detail = '';
  if (name === 'app-export' || name === 'stream-export') {
    if (name === 'app-export') {
      const writer = new LedgerWorkbookWriter({ title: '服务日志', sheetName: '服务日志', columns: HEADERS.map((header, i) => ({ header, kind: i === 8 ? 'amount' : undefined })) });
      for (let start = 0; start < N; start += EXPORT_BLOCK) writer.addRows(Array.from({ length: Math.min(EXPORT_BLOCK, N - start) }, (_, k) => row(start + k)) as never);
      writeFileSync(file, await writer.finish());
    } else {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'stream.xlsx'), useSharedStrings: false, useStyles: true });
      const ws = wb.addWorksheet('服务日志');
      ws.addRow(['服务日志']).commit();
      ws.addRow(HEADERS).commit();
      for (let i = 0; i < N; i++) ws.addRow(row(i).map((c) => (typeof c === 'object' ? new Date(`${c.date}T00:00:00Z`) : c))).commit();
      ws.commit();
      await wb.commit();
    }
    detail = `${(statSync(name === 'app-export' ? file : join(dir, 'stream.xlsx')).size / 1e6).toFixed(1)} MB`;
  } else if (name === 'app-import') {
    const [sheet] = await readWorkbook(new Uint8Array(readFileSync(file)), 'logs.xlsx');
    const table = locateTable(sheet, serviceLogImport.fields);
    if (!table.ok) throw new Error(table.message);
    const uuid = (n: number, p: string) => `${p}${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`;
    const check = checkImportRows(serviceLogImport, table.headers, table.rows, suggestMapping(table.headers, serviceLogImport.fields), {
      resolve: (t, text) => (t === 'commissioners' ? [uuid(Number(text.replace(/\D/g, '')), '1')] : t === 'hostEnterprises' ? [uuid(Number(text.replace(/\D/g, '')), '2')] : ['30000000-0000-4000-8000-000000000000']),
      options: {},
    }, new Set());
    detail = `${check.counts.ok} 可导入 / ${check.counts.duplicate} 重复 / ${check.counts.error} 有误`;
  } else if (name === 'stream-import') {
    let rows = 0;
    for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(join(dir, 'stream.xlsx'), { sharedStrings: 'cache', worksheets: 'emit' })) for await (const _ of ws) rows++;
    detail = `${rows} 行`;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ name, seconds, peakMB: process.resourceUsage().maxRSS / 1024, detail }));
}

async function main() {
  const [, , child, dir] = process.argv;
  if (child) return phase(child, dir);
  const work = mkdtempSync(join(tmpdir(), 'sciledger-excel-bench-'));
  const results: Record<string, { seconds: number; peakMB: number; detail: string }> = {};
  try {
    for (const name of ['app-export', 'stream-export', 'app-import', 'stream-import']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', import.meta.filename, name, work], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${name} 失败：${run.stderr}`);
      results[name] = JSON.parse(run.stdout.trim().split('\n').pop()!);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`Excel 导出/导入 ${N.toLocaleString('zh-CN')} 条服务日志（Node，每阶段独立进程，峰值为进程 maxRSS）`);
  for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(14)} ${r.seconds.toFixed(1).padStart(6)} s  峰值 ${r.peakMB.toFixed(0).padStart(5)} MB  ${r.detail}`);
  const ratio = (a: string, b: string, k: 'seconds' | 'peakMB') => (results[a][k] / results[b][k]).toFixed(1);
  console.log(`  比值 app/stream：导出 时间 ×${ratio('app-export', 'stream-export', 'seconds')} 内存 ×${ratio('app-export', 'stream-export', 'peakMB')}；导入 时间 ×${ratio('app-import', 'stream-import', 'seconds')} 内存 ×${ratio('app-import', 'stream-import', 'peakMB')}`);
}

await main();
