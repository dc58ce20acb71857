/**
 * Bench page (scripts/bench.mjs, Chromium, on-disk profile): the 科技顾问名册 in paged mode at
 * 100,000 advisors (issue 9 goals in brackets), each figure the median of several runs:
 *   - first page painted after opening the roster (≤ 150 ms), and the key rows in memory,
 *   - next page (PageDown → rows painted),
 *   - sort by 姓名 (≤ 100 ms), its first row checked against the collator,
 *   - quick search: keystroke → results painted (≤ 50 ms), and a pinyin-initials search (≤ 50 ms),
 *   - a write while the roster is open → the row on screen updated (≤ 100 ms),
 *   - the roster's share of the JS heap (after a forced GC, before and after opening), against
 *     the advisors table held whole (the key rows are held, the records are not),
 *   - issuing a 聘书: the next free number among the numbers used (≤ 50 ms), from the numbers'
 *     own table (schema v21), against the v20 way timed alternately in the same run (the year's
 *     rows read whole by the two number indexes) and against reading every advisor and register
 *     row; and the v21 upgrade's fill of that table from the numbers on file.
 */
// First: the app's Trusted Types policy (the server's CSP requires it before antd writes its styles).
import '../../renderer/src/security/trustedTypes';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { DbProvider } from '../../renderer/src/db/DbContext';
import { LedgerTable } from '../../renderer/src/components/LedgerTable';
import { openSciLedgerDb, type SciLedgerDb } from '../../renderer/src/db/database';
import { loadAdvisorFiles } from '../../renderer/src/db/repositories/advisors';
import { toRosterRows } from '../../renderer/src/features/advisors/rosterRows';
import { guangxiPreset } from '../../shared/policy/profile';
import { rosterColumns } from '../../renderer/src/features/advisors/roster/rosterColumns';
import { useAdvisorRosterSource } from '../../renderer/src/features/advisors/useAdvisors';
import type { RosterRow } from '../../renderer/src/features/advisors/rosterRows';
import { afterPaint, type BenchFigure } from './support/benchPage';
import { ledgerKeyIndexes } from '../../renderer/src/db/pagedLedger';
import { pinyinKeys } from '../../shared/search/searchKeys';
import { previewNumbers } from '../../renderer/src/db/repositories/appointmentCertificates';
import { CERTIFICATE_NUMBERS_TABLE, fillCertificateNumbers, numberingTables, usedNumbering, yearKeyRanges } from '../../renderer/src/db/certificateNumbers';
import { nextCertificateNumber } from '../../shared/domain/advisors/certificateNumber';
import { defaultCertificateSettings } from '../../shared/domain/advisors/certificateSettings';

const N = Number(new URLSearchParams(location.search).get('n') ?? 100_000);
const ACTIVITIES = Math.min(20_000, Math.floor(N / 5));
const RUNS = 5;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文单解仇';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁鹏飞婷雪梅晨阳琳斌浩宇佳欣怡子涵文博思远';
const STATUSES = ['推荐', '评议', '已审定', '已聘任', '期满', '解聘'] as const;

function advisors(n: number) {
  const rand = mulberry32(20261130);
  const pick = (s: string) => s[Math.floor(rand() * s.length)];
  const now = '2026-01-05T08:00:00.000Z';
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ''),
    honorific: i % 2 ? '中国科学院院士' : '中国工程院院士',
    homeInstitution: `示范大学${i % 997}`,
    serviceUnit: `广西示范研究院${i % 131}`,
    field: '新材料',
    status: STATUSES[i % STATUSES.length],
    termStart: '2025-01-01',
    termEnd: '2027-12-31',
    // Every 已聘任 advisor holds a 聘书 number (issuing counts them all as used).
    ...(STATUSES[i % STATUSES.length] === '已聘任' ? { certificateNumber: certificateNumberOf(i) } : {}),
    createdAt: now,
    updatedAt: new Date(Date.parse(now) + i * 1000).toISOString(),
  }));
}

/** Advisor i's number: years 2020–2026 in turn, numbered within each year. */
const certificateNumberOf = (i: number) => `桂科顾聘〔${2020 + (Math.floor(i / 6) % 7)}〕${Math.floor(i / 42) + 1}号`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;
let step = '';
async function until(test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out: ${step}`);
    await new Promise((r) => setTimeout(r, 0));
  }
}
const status = (text: string) => {
  const el = document.getElementById('root');
  if (el && !el.firstElementChild) el.textContent = text;
};

const rows = () => [...document.querySelectorAll<HTMLElement>('[role="row"][data-row-id]')];
const firstId = () => rows()[0]?.dataset.rowId;
const countShown = () => document.querySelector('[data-testid="ledger-count"]')?.getAttribute('data-count');
const summaryReady = () => /已聘任 \d/.test(document.querySelector('[data-testid="advisor-status-summary"]')?.textContent ?? '');

function Roster() {
  const source = useAdvisorRosterSource();
  return createElement(
    'div',
    null,
    createElement('div', { 'data-testid': 'advisor-status-summary' }, source.index ? `已聘任 ${source.index.countBy('status').get('已聘任') ?? 0}` : ''),
    createElement(LedgerTable<RosterRow>, { tableId: 'bench-roster', ariaLabel: '科技顾问名册', columns: rosterColumns, source, getRowId: (r) => r.advisor.id, selectable: true, height: 600 }),
  );
}

function mount(db: SciLedgerDb): Root {
  const container = document.getElementById('root') as HTMLElement;
  container.textContent = '';
  const root = createRoot(container);
  root.render(createElement(ConfigProvider, { locale: zhCN }, createElement(DbProvider, { db, children: createElement(Roster) })));
  return root;
}

function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function seed(name: string) {
  const db = await openSciLedgerDb(name);
  const all = advisors(N);
  for (let i = 0; i < N; i += 10_000) {
    status(`写入科技顾问 ${i}/${N}…`);
    const chunk = all.slice(i, i + 10_000);
    await db.transaction('rw', db.advisors, () => db.advisors.bulkPut(chunk));
  }
  status('写入工作记录…');
  const rand = mulberry32(7);
  const acts = Array.from({ length: ACTIVITIES }, (_, i) => ({
    id: `10000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    advisorId: all[Math.floor(rand() * N)].id,
    date: `2026-0${1 + (i % 9)}-15`,
    form: '来桂座谈',
    duties: [],
    content: '基准测试（虚构）',
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
  }));
  await db.transaction('rw', db.advisorActivities, () => db.advisorActivities.bulkPut(acts as never));
  status('写入聘书登记…');
  const register = all
    .filter((a) => a.certificateNumber)
    .map((a, k) => ({
      id: `20000000-0000-4000-8000-${k.toString(16).padStart(12, '0')}`,
      advisorId: a.id,
      number: a.certificateNumber as string,
      issuedOn: `${(a.certificateNumber as string).slice(5, 9)}-03-01`,
      termStart: a.termStart,
      termEnd: a.termEnd,
      isReprint: false,
      mode: '整页' as const,
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
    }));
  for (let i = 0; i < register.length; i += 10_000) await db.transaction('rw', db.appointmentCertificates, () => db.appointmentCertificates.bulkPut(register.slice(i, i + 10_000)));
  db.close();
  return all;
}

/** Handed from the seeding page to the measuring page (the page reloads in between). */
interface Seeded {
  name: string;
  seedSeconds: number;
  baseline: { read: number[]; sort: number[]; numbers: number[]; wholeTableMb: number; keyIndexMb: number };
  firstByNameId: string;
  target: { id: string; name: string; homeInstitution: string };
}
const SEEDED_KEY = 'sciledger.bench.ledger-paging';

/**
 * Phase 1: write the data and time the old way of reading it, then reload the page — so the
 * roster is measured in a renderer that has done nothing else (its heap holds what the roster
 * holds, not the seeding's garbage and memoised pinyin).
 */
async function seedAndReload() {
  const name = `bench-paging-${crypto.randomUUID()}`;
  const t0 = performance.now();
  const all = await seed(name);
  const seedSeconds = (performance.now() - t0) / 1000;
  const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
  const firstByName = [...all].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))[0];
  const target = all[Math.floor(N * 0.54321)];

  // Baseline in the same run (the load on a shared machine changes everything): how the roster
  // read before issue 9 — every advisor and every record of the six tables, then one row each —
  // and a sort that collates every name at click time.
  const baseline: Seeded['baseline'] = { read: [], sort: [], numbers: [], wholeTableMb: 0, keyIndexMb: 0 };
  for (let run = 0; run < 3; run++) {
    status(`基线第 ${run + 1} 轮…`);
    const db = await openSciLedgerDb(name);
    let t = performance.now();
    const files = await loadAdvisorFiles(db);
    toRosterRows(files, '2026-11-30', guangxiPreset.advisors);
    baseline.read.push(performance.now() - t);
    t = performance.now();
    const names = files.map((f) => f.advisor.name);
    names.sort(collator.compare);
    baseline.sort.push(performance.now() - t);
    // Issuing a 聘书 before the number indexes: every register row and every advisor read whole.
    t = performance.now();
    const used = new Set<string>();
    for (const row of await db.appointmentCertificates.toArray()) if (row.number) used.add(row.number);
    for (const a of await db.advisors.toArray()) if (a.certificateNumber) used.add(a.certificateNumber);
    nextCertificateNumber(defaultCertificateSettings.numberPattern, 2026, used);
    baseline.numbers.push(performance.now() - t);
    db.close();
  }
  // What holding the advisors table whole costs the heap (the bound the roster must stay far
  // below): forced GC before and after reading every advisor record.
  {
    const db = await openSciLedgerDb(name);
    const before = (await window.__benchHeapMB?.({ gc: true })) ?? 0;
    const whole = await db.advisors.toArray();
    const after = (await window.__benchHeapMB?.({ gc: true })) ?? 0;
    baseline.wholeTableMb = whole.length > 0 ? after - before : 0;
    // The roster's own structure: the key index alone (what sorting and search need in memory).
    const index = await ledgerKeyIndexes(db).load('advisors');
    const withIndex = (await window.__benchHeapMB?.({ gc: true })) ?? 0;
    baseline.keyIndexMb = index.size > 0 ? withIndex - after : 0;
    db.close();
  }
  const seeded: Seeded = { name, seedSeconds, baseline, firstByNameId: firstByName.id, target: { id: target.id, name: target.name, homeInstitution: target.homeInstitution } };
  localStorage.setItem(SEEDED_KEY, JSON.stringify(seeded));
  const params = new URLSearchParams(location.search);
  params.set('phase', 'measure');
  location.replace(`${location.pathname}?${params}`);
}

async function run() {
  if (new URLSearchParams(location.search).get('phase') !== 'measure') return seedAndReload();
  const seeded = JSON.parse(localStorage.getItem(SEEDED_KEY) ?? 'null') as Seeded | null;
  if (!seeded) throw new Error('no seeded database (phase 1 did not run)');
  localStorage.removeItem(SEEDED_KEY);
  const { name, seedSeconds, baseline, target } = seeded;
  const firstByName = { id: seeded.firstByNameId };
  const initials = pinyinKeys(target.name, true).initials;

  const m: Record<string, number[]> = { first: [], keys: [], next: [], sort: [], search: [], initials: [], write: [], keystroke: [] };
  let heapMb = 0;
  let heapBeforeMb = 0;
  // V8's used heap after a forced full GC (CDP), so the difference of two readings is what the
  // page holds, not how much garbage happened to be uncollected at each.
  const gcHeapMb = async () => (await window.__benchHeapMB?.({ gc: true })) ?? 0;
  // BENCH_PROFILE (scripts/bench.mjs): one more run, not counted, with a CPU profile per step.
  const profiling = (await window.__benchProfile?.('probe')) === true;
  for (let run = 0; run < RUNS + (profiling ? 1 : 0); run++) {
    const profiled = run === RUNS;
    const measured: Record<string, number[]> = profiled ? {} : m;
    // console.timeStamp marks the step in a trace (BENCH_TRACE; scripts/trace-summary.mjs).
    const record = async (name: string, since: number) => {
      (measured[name] ??= []).push(performance.now() - since);
      if (profiled) {
        console.timeStamp('bench-step-end');
        await window.__benchProfile?.('stop', name);
      }
    };
    const startProfile = async () => {
      if (profiled) {
        await window.__benchProfile?.('start');
        console.timeStamp('bench-step-start');
      }
    };
    status(`第 ${run + 1} 轮…`);
    // A new database object per run: nothing of the previous run is in memory.
    const db = await openSciLedgerDb(name);
    await afterPaint();
    // The heap before the roster opens, in this fresh page: what the app holds anyway (React,
    // antd, pinyin-pro) — the roster's own share is the difference.
    if (run === 0) heapBeforeMb = await gcHeapMb();
    await startProfile();
    let t = performance.now();
    step = 'first page';
    const root = mount(db);
    await until(() => firstId() !== undefined);
    await afterPaint();
    (measured.first ??= []).push(performance.now() - t);
    step = 'key rows';
    await until(summaryReady);
    await record('keys', t);
    if (run === 0) {
      await new Promise((r) => setTimeout(r, 500));
      heapMb = await gcHeapMb();
    }

    // Issue 8 item 10: the search of one keystroke over the key index (≤ 15 ms), typing the
    // target's full pinyin, its initials and its name one character at a time, as a clerk does.
    if (!profiled) {
      const index = ledgerKeyIndexes(db).peek('advisors');
      if (!index) throw new Error('key index not loaded');
      const spelled = pinyinKeys(target.name, true).full;
      for (const word of [spelled, initials, target.name]) {
        for (let i = 1; i <= word.length; i++) {
          const k = performance.now();
          index.query({ sort: { field: 'updatedAt', desc: true }, search: word.slice(0, i) });
          measured.keystroke.push(performance.now() - k);
        }
      }
    }

    // The clerk reads the page for a moment: the names are ranked in that idle time.
    await new Promise((r) => setTimeout(r, 1500));
    const grid = document.querySelector<HTMLElement>('[role="grid"]') as HTMLElement;
    grid.focus();
    const before = new Set(rows().map((r) => r.dataset.rowId));
    const scroller = document.querySelector<HTMLElement>('.ledger-table__scroller') as HTMLElement;
    step = 'next page';
    await startProfile();
    t = performance.now();
    scroller.scrollTop += scroller.clientHeight;
    await until(() => rows().filter((r) => !before.has(r.dataset.rowId)).length >= 10 && !document.querySelector('.ledger-table__row--pending'));
    await afterPaint();
    await record('next', t);
    scroller.scrollTop = 0;

    const sortButton = [...document.querySelectorAll<HTMLButtonElement>('.ledger-table__sort')].find((b) => b.textContent?.includes('姓名')) as HTMLButtonElement;
    await startProfile();
    t = performance.now();
    step = 'sort';
    sortButton.click();
    await until(() => firstId() === firstByName.id);
    await afterPaint();
    await record('sort', t);

    const input = document.querySelector<HTMLInputElement>('[data-testid="ledger-quick-search"] input') as HTMLInputElement;
    await startProfile();
    t = performance.now();
    step = 'search';
    typeInto(input, target.name);
    await until(() => rows().some((r) => r.dataset.rowId === target.id) && Number(countShown()) < N);
    await afterPaint();
    await record('search', t);
    typeInto(input, '');
    await until(() => countShown() === String(N));

    await startProfile();
    t = performance.now();
    step = 'initials';
    typeInto(input, initials);
    await until(() => Number(countShown()) < N && rows().length > 0);
    await afterPaint();
    await record('initials', t);

    // A write while the roster shows the target: its row follows.
    typeInto(input, target.name);
    await until(() => rows().some((r) => r.dataset.rowId === target.id));
    const renamed = `${target.homeInstitution}-${run}`;
    await startProfile();
    t = performance.now();
    step = 'write';
    await db.advisors.update(target.id, { homeInstitution: renamed });
    await until(() => rows().find((r) => r.dataset.rowId === target.id)?.textContent?.includes(renamed) ?? false);
    await afterPaint();
    await record('write', t);
    typeInto(input, '');

    root.unmount();
    db.close();
  }

  // Issuing a 聘书: the next free number, from the numbers' own table (v21), alternating with the
  // v20 way (the year's rows read whole by the two number indexes) in the same run.
  const numbers: number[] = [];
  const numbersByIndexRows: number[] = [];
  const fills: number[] = [];
  let usedCount = 0;
  {
    const db = await openSciLedgerDb(name);
    const pattern = defaultCertificateSettings.numberPattern;
    usedCount = (await db.transaction('r', numberingTables(db), () => usedNumbering(db, pattern, 2026))).candidates.size;
    const byIndexRows = () =>
      db.transaction('r', [db.advisors, db.appointmentCertificates, db.table('settings')], async () => {
        await db.table('settings').get('advisorCertificate');
        await db.table('settings').get('organisation');
        const ranges = yearKeyRanges(pattern, 2026);
        const [registered, stamped] = await Promise.all([
          Promise.all(ranges.map(([from, to]) => db.appointmentCertificates.where('number').between(from, to, true, false).toArray())),
          Promise.all(ranges.map(([from, to]) => db.advisors.where('certificateNumber').between(from, to, true, false).toArray())),
        ]);
        const used = new Set<string>();
        for (const row of registered.flat()) if (row.number) used.add(row.number);
        for (const a of stamped.flat()) if (a.certificateNumber) used.add(a.certificateNumber);
        return nextCertificateNumber(pattern, 2026, used);
      });
    const expected = await byIndexRows();
    for (let run = 0; run < RUNS; run++) {
      let t = performance.now();
      const [next] = await previewNumbers(db, '2026-11-30');
      numbers.push(performance.now() - t);
      if (next !== expected) throw new Error(`下一个聘书编号不一致：${next} ≠ ${expected}`);
      t = performance.now();
      await byIndexRows();
      numbersByIndexRows.push(performance.now() - t);
    }
    // The v21 upgrade's work on this file: the table emptied, then filled from the number indexes.
    const table = db.table(CERTIFICATE_NUMBERS_TABLE);
    for (let run = 0; run < 2; run++) {
      const kept = await table.count();
      await table.clear();
      const t = performance.now();
      await db.transaction('rw', [db.advisors, db.appointmentCertificates, table], (tx) => fillCertificateNumbers(tx));
      fills.push(performance.now() - t);
      if ((await table.count()) !== kept) throw new Error('v21 升级填表的编号数与写入路径记录的不同');
    }
    db.close();
  }

  const figures: BenchFigure[] = [];
  const goal = (label: string, xs: number[], limit?: number) => {
    const v = round(median(xs));
    figures.push({ label, value: v, unit: 'ms' });
    // Two decimals: 0.97 and 1.03 are on either side of the goal.
    if (limit) figures.push({ label: `  与目标 ${limit} ms 之比`, value: Math.round((v / limit) * 100) / 100, unit: '×' });
  };
  figures.push({ label: `准备数据（${N} 顾问 + ${ACTIVITIES} 工作记录，含派生键）`, value: round(seedSeconds), unit: 's' });
  goal('基线：旧方式读整表并生成全部行（未渲染）', baseline.read);
  goal('基线：点击时用排序器排全部姓名', baseline.sort);
  goal('打开名册 → 首页绘出', m.first, 150);
  figures.push({ label: '  首页 / 基线读整表', value: round(median(m.first) / median(baseline.read)), unit: '×' });
  goal('打开名册 → 键行载入内存（排序/搜索可用）', m.keys);
  goal('下一页（滚动一屏 → 行绘出）', m.next);
  goal('按姓名排序（点击 → 首行正确）', m.sort, 100);
  figures.push({ label: '  排序 / 基线排全部姓名', value: round(median(m.sort) / median(baseline.sort)), unit: '×' });
  goal('快速搜索（输入 → 结果绘出）', m.search, 50);
  goal(`拼音首字母搜索 “${initials}”`, m.initials, 50);
  goal(`每次按键的检索（键索引上，逐字输入全拼/首字母/姓名，${m.keystroke.length} 次）`, m.keystroke, 15);
  goal('名册打开时写入一条 → 屏上行更新', m.write, 100);
  goal(`聘书：下一个编号（已发 ${Math.floor((N + 2) / 6).toLocaleString('en-US')} 个编号，当年 ${usedCount.toLocaleString('en-US')} 个，读编号表的键）`, numbers, 50);
  goal('  对照（同轮交替）：v20 按编号索引读当年整行', numbersByIndexRows);
  figures.push({ label: '  编号表 / v20 编号索引', value: Math.round((median(numbers) / median(numbersByIndexRows)) * 100) / 100, unit: '×' });
  goal('  基线：读全部顾问与登记记录', baseline.numbers);
  figures.push({ label: '  编号表 / 基线', value: Math.round((median(numbers) / median(baseline.numbers)) * 1000) / 1000, unit: '×' });
  goal(`  v21 升级：读编号索引的键、填编号表（${Math.floor((N + 2) / 6).toLocaleString('en-US')} 个编号，一次性）`, fills);
  const share = heapMb - heapBeforeMb;
  figures.push({ label: '打开名册后 JS 堆（强制回收后）', value: round(heapMb), unit: 'MB' });
  figures.push({ label: '  其中名册所占（打开前后之差，均强制回收后）', value: round(share), unit: 'MB' });
  // "No table held whole": the roster holds the key index (id, name, pinyin and the filter and
  // sort values of each advisor, column by column) and the rows of the pages on screen. So its
  // share is bounded by the key index plus a part that does not grow with the ledger; the
  // records themselves (the table held whole, measured the same way) are not in it.
  const perAdvisor = (mb: number) => Math.round((mb * 1024 * 1024) / N);
  figures.push({ label: '  其中键索引（单独载入时所占）', value: round(baseline.keyIndexMb), unit: 'MB' });
  figures.push({ label: '    每位顾问', value: perAdvisor(baseline.keyIndexMb), unit: '字节' });
  figures.push({ label: '  其余（界面与屏上各页的行；目标 ≤ 10 MB，不随人数增长）', value: round(share - baseline.keyIndexMb), unit: 'MB' });
  figures.push({ label: '  对照：整表读入（全部顾问记录）所占', value: round(baseline.wholeTableMb), unit: 'MB' });
  figures.push({ label: '    每位顾问', value: perAdvisor(baseline.wholeTableMb), unit: '字节' });
  figures.push({ label: '  名册其余 / 整表（目标远小于 1：记录不整表持有）', value: Math.round(((share - baseline.keyIndexMb) / baseline.wholeTableMb) * 100) / 100, unit: '×' });
  figures.push({ label: '轮数（取中位数）', value: RUNS, unit: '轮' });
  window.__benchResult = { title: `分页台账：科技顾问名册（${N.toLocaleString('en-US')} 人）`, figures };
}

run().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
});
