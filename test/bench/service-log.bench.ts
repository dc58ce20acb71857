/**
 * Bench page (scripts/bench.mjs, Chromium, persistent on-disk profile): the 科技特派员 service log
 * at N entries (default 100,000) — 1,000 agreements in force, N/1,000 logs each over 20 months.
 *   - one commissioner-year, as the log screen opens it: serviceLogPage (first page of 50 and
 *     the year's count: one getAll over the [commissionerId+date] range); goal ≤ 5 ms. Baselines
 *     in the same run: the previous path (a reversed cursor with offset/limit plus a filtered
 *     count, both reading values), and scanning the table (what the index saves);
 *   - every agreement's compliance for the current service year (complianceOverview: one
 *     service-year summary row per agreement, schema v15, the 履职监测 screen); goal ≤ 200 ms.
 *     Baselines: the previous path (one key range of the service-log facts per agreement), and
 *     reading the whole table once (toArray), the floor of any approach that scans.
 * Medians over interleaved runs; each figure with its ratio to the goal (≤ 1 meets it).
 */
import { openSciLedgerDb } from '../../renderer/src/db/database';
import { complianceOverview } from '../../renderer/src/db/repositories/commissionerFiles';
import { agreementFacts, asComplianceLog, SERVICE_LOG_FACTS_TABLE } from '../../renderer/src/db/serviceLogFacts';
import { SERVICE_YEAR_SUMMARIES_TABLE } from '../../renderer/src/db/serviceYearSummaries';
import { complianceForYear, serviceYears } from '../../shared/domain/commissioners/compliance';
import type { SciLedgerDb } from '../../renderer/src/db/database';
import { serviceLogPage } from '../../renderer/src/db/repositories/commissioners';
import { guangxiPreset } from '../../shared/policy/profile';
import { serviceDutyKinds } from '../../shared/domain/commissioners/schema';
import { benchSize, median, timed } from './support/benchPage';

const N = benchSize(100_000);
const AGREEMENTS = 1_000;
const QUERY_RUNS = 21;
const OVERVIEW_RUNS = 7;
const TODAY = '2026-11-30';
const rules = guangxiPreset.commissioners;
const PAGE_GOAL_MS = 5;
const OVERVIEW_GOAL_MS = 200;

/** The page query before this change: reversed cursor with offset/limit + a filtered count. */
async function previousPage(db: SciLedgerDb, id: string, year: number) {
  const range = () => db.serviceLogs.where('[commissionerId+date]').between([id, `${year}-01-01`], [id, `${year}-12-31`], true, true).filter((l) => !l.deletedAt);
  const [rows, total] = await Promise.all([range().reverse().offset(0).limit(50).toArray(), range().count()]);
  return { rows, total };
}

/** 履职监测 before this change: one key range of the facts per agreement. */
async function previousOverview(db: SciLedgerDb, date: string) {
  return db.transaction('r', [db.cooperationAgreements, db.table(SERVICE_LOG_FACTS_TABLE)], async () => {
    const agreements = (await db.cooperationAgreements.where('status').anyOf('生效', '期满', '终止').toArray()).filter((a) => !a.deletedAt);
    return Promise.all(
      agreements.map(async (agreement) => {
        const year = serviceYears(agreement).find((y) => y.start <= date && date <= y.end)!;
        return { id: agreement.id, compliance: complianceForYear(year, (await agreementFacts(db, agreement.id, year.start, year.end)).map(asComplianceLog), date, rules) };
      }),
    );
  });
}

const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function run() {
  const db = await openSciLedgerDb(`bench-service-log-${crypto.randomUUID()}`);
  const now = new Date().toISOString();
  const people = Array.from({ length: AGREEMENTS }, () => crypto.randomUUID());
  const enterprises = Array.from({ length: AGREEMENTS }, () => crypto.randomUUID());
  const agreements = people.map((commissionerId, i) => ({
    id: crypto.randomUUID(),
    commissionerId,
    enterpriseId: enterprises[i],
    status: '生效' as const,
    stageDates: {},
    startDate: '2025-03-01',
    endDate: '2027-02-28',
    createdAt: now,
    updatedAt: now,
  }));
  status('写入派驻协议…');
  await db.transaction('rw', db.cooperationAgreements, () => db.cooperationAgreements.bulkPut(agreements));
  const perAgreement = Math.ceil(N / AGREEMENTS);
  const CHUNK = 10_000;
  let written = 0;
  for (let from = 0; from < N; from += CHUNK) {
    status(`写入服务日志 ${from.toLocaleString()} / ${N.toLocaleString()}…`);
    const chunk = Array.from({ length: Math.min(CHUNK, N - from) }, (_, k) => {
      const i = from + k;
      const a = agreements[i % AGREEMENTS];
      const n = Math.floor(i / AGREEMENTS);
      return {
        id: crypto.randomUUID(),
        commissionerId: a.commissionerId,
        agreementId: a.id,
        enterpriseId: a.enterpriseId,
        // Spread over 2025-03-01 … 2026-11-2x: one entry every ~6 days per agreement.
        date: addDays('2025-03-01', Math.floor((n * 630) / perAgreement)),
        days: n % 3 === 0 ? 0.5 : 1,
        mode: n % 4 === 0 ? ('线上' as const) : ('线下' as const),
        kind: serviceDutyKinds[n % serviceDutyKinds.length],
        content: `基准测试服务内容${i}`,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.transaction('rw', db.serviceLogs, () => db.serviceLogs.bulkAdd(chunk));
    written += chunk.length;
  }

  status('查询…');
  // Warm-up: JIT and the index pages.
  await serviceLogPage(db, { by: 'commissioner', id: people[0], year: 2026, offset: 0, limit: 50 });
  const pageTimes: number[] = [];
  const previousPageTimes: number[] = [];
  const scanTimes: number[] = [];
  let pageRows = 0;
  let total = 0;
  for (let r = 0; r < QUERY_RUNS; r++) {
    const id = people[(r * 37 + 11) % AGREEMENTS];
    const [page, t] = await timed(() => serviceLogPage(db, { by: 'commissioner', id, year: 2026, offset: 0, limit: 50 }));
    pageTimes.push(t * 1000);
    pageRows = page.rows.length;
    total = page.total;
    const [before, p] = await timed(() => previousPage(db, id, 2026));
    previousPageTimes.push(p * 1000);
    if (before.total !== page.total || before.rows.map((l) => l.id).join() !== page.rows.map((l) => l.id).join()) throw new Error('page differs from the previous path');
    if (r < 3) {
      const [rows, s] = await timed(() => db.serviceLogs.filter((l) => l.commissionerId === id && l.date.startsWith('2026-')).toArray());
      scanTimes.push(s * 1000);
      if (rows.length !== page.total) throw new Error(`index and scan disagree: ${page.total} vs ${rows.length}`);
    }
  }

  status('履职监测…');
  const overviewTimes: number[] = [];
  const agreementReadTimes: number[] = [];
  const summaryReadTimes: number[] = [];
  const previousOverviewTimes: number[] = [];
  const tableTimes: number[] = [];
  let overviewRows = 0;
  for (let r = 0; r < OVERVIEW_RUNS; r++) {
    const [rows, t] = await timed(() => complianceOverview(db, TODAY, TODAY, rules));
    overviewTimes.push(t * 1000);
    overviewRows = rows.length;
    // Where the time goes: the two reads the overview makes, each alone.
    const [, ta] = await timed(() => Promise.all((['生效', '期满', '终止'] as const).map((st) => db.cooperationAgreements.where('status').equals(st).toArray())));
    agreementReadTimes.push(ta * 1000);
    const [, ts] = await timed(() => db.table(SERVICE_YEAR_SUMMARIES_TABLE).toArray());
    summaryReadTimes.push(ts * 1000);
    const [before, p] = await timed(() => previousOverview(db, TODAY));
    previousOverviewTimes.push(p * 1000);
    const byId = new Map(rows.map((r) => [r.agreement.id, JSON.stringify(r.compliance)]));
    if (before.length !== rows.length || before.some((b) => byId.get(b.id) !== JSON.stringify(b.compliance))) throw new Error('compliance differs from the previous path');
    const [, s] = await timed(() => db.serviceLogs.toArray());
    tableTimes.push(s * 1000);
  }
  if (overviewRows !== AGREEMENTS) throw new Error(`overview covered ${overviewRows} agreements, expected ${AGREEMENTS}`);

  const r1 = (x: number) => Math.round(x * 10) / 10;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const [page, scan, overview, table] = [median(pageTimes), median(scanTimes), median(overviewTimes), median(tableTimes)];
  const [previousPageMs, previousOverviewMs] = [median(previousPageTimes), median(previousOverviewTimes)];
  window.__benchResult = {
    title: `服务日志（${written.toLocaleString('en-US')} 条，${AGREEMENTS.toLocaleString('en-US')} 份派驻协议；磁盘上的持久配置，取中位数）`,
    figures: [
      { label: `一名特派员一年：首页 ${pageRows} 条 + 计数 ${total} 条（索引区间一次读取，目标 ≤ ${PAGE_GOAL_MS} ms）`, value: r2(page), unit: 'ms' },
      { label: '一名特派员一年 / 目标（≤ 1 达标）', value: r2(page / PAGE_GOAL_MS), unit: '×' },
      { label: '同一查询：原路径（倒序游标 + 过滤计数，基线）', value: r2(previousPageMs), unit: 'ms' },
      { label: '原路径 / 新路径', value: r2(previousPageMs / page), unit: '×' },
      { label: '同一查询：全表扫描（基线）', value: r1(scan), unit: 'ms' },
      { label: '全表扫描 / 索引', value: r1(scan / page), unit: '×' },
      { label: `全部 ${AGREEMENTS} 份协议本服务年度合规（服务年度汇总行，目标 ≤ ${OVERVIEW_GOAL_MS} ms）`, value: r1(overview), unit: 'ms' },
      { label: '合规计算 / 目标（≤ 1 达标）', value: r2(overview / OVERVIEW_GOAL_MS), unit: '×' },
      { label: '其中：读取已签协议（每种状态一次 getAll）', value: r1(median(agreementReadTimes)), unit: 'ms' },
      { label: '其中：读取全部服务年度汇总行（一次 getAll）', value: r1(median(summaryReadTimes)), unit: 'ms' },
      { label: '同一计算：原路径（每份协议读一段服务日志事实键，基线）', value: r1(previousOverviewMs), unit: 'ms' },
      { label: '原路径 / 新路径', value: r1(previousOverviewMs / overview), unit: '×' },
      { label: '读取整张服务日志表一次（基线）', value: r1(table), unit: 'ms' },
      { label: '合规计算 / 读整表', value: r2(overview / table), unit: '×' },
    ],
  };
  status('完成');
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
