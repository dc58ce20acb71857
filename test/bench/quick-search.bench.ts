/**
 * Bench page for LedgerTable (run by scripts/bench.mjs in Chromium): renders 100,000 generated
 * advisor rows and measures
 *   - initial render of the table,
 *   - quick search latency: from setting the 快速搜索 box to the DOM showing the filtered rows
 *     (there is no typing delay: the search runs on every keystroke outside IME compositions),
 *   - the pure quickSearch() function alone, and building its per-row search strings,
 *   - one pinyin sort of the 姓名 column.
 * `?demo` renders 200 rows without measuring (used for screenshots).
 */
// First: the app's Trusted Types policy (the server's CSP requires it before antd writes its styles).
import '../../renderer/src/security/trustedTypes';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { LedgerTable, type LedgerColumn } from '../../renderer/src/components/LedgerTable';
import { buildSearchTexts, countMatches, getSearchTexts, quickSearch } from '../../renderer/src/components/LedgerTable/quickSearch';
import { afterPaint } from './support/benchPage';

declare global {
  interface Window {
    __benchResult?: { title: string; figures: { label: string; value: number; unit: string }[] };
    __benchError?: string;
  }
}

interface Advisor {
  id: string;
  name: string;
  unit: string;
  title: string;
  field: string;
  joined: string;
  services: number;
  phone: string;
}

// ---- deterministic fictional data ----------------------------------------------------------
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁鹏飞婷雪梅晨阳琳斌浩宇佳欣怡子涵文博思远';
const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
const ORGS = ['科技局', '农业科学研究院', '职业技术学院', '人民医院', '工业技术研究院', '大学', '生产力促进中心', '高新区管委会'];
const TITLES = ['研究员', '副研究员', '教授', '副教授', '高级工程师', '正高级工程师', '工程师', '高级农艺师', '主任医师', ''];
const FIELDS = ['电子信息技术', '生物与新医药', '新材料', '现代农业', '资源与环境', '先进制造', '新能源与节能', '信息技术服务'];

function generate(count: number): Advisor[] {
  const rand = mulberry32(20240601);
  const pick = <V>(list: readonly V[]) => list[Math.floor(rand() * list.length)];
  const rows: Advisor[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const given = pick([...GIVEN]) + (rand() < 0.6 ? pick([...GIVEN]) : '');
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000);
    rows[i] = {
      id: `ZJ-${2015 + (i % 10)}-${String(i).padStart(6, '0')}`,
      name: pick([...SURNAMES]) + given,
      unit: pick(CITIES) + pick(ORGS),
      title: pick(TITLES),
      field: pick(FIELDS),
      joined: day.toISOString().slice(0, 10),
      services: Math.floor(rand() * 120),
      phone: `13${Math.floor(rand() * 1e9).toString().padStart(9, '0')}`,
    };
  }
  return rows;
}

const COLUMNS: LedgerColumn<Advisor>[] = [
  { id: 'id', header: '编号', accessor: (r) => r.id, width: 150, filter: 'text' },
  { id: 'name', header: '姓名', accessor: (r) => r.name, width: 100, filter: 'text' },
  { id: 'unit', header: '工作单位', accessor: (r) => r.unit, width: 200, filter: 'select' },
  { id: 'title', header: '职称', accessor: (r) => r.title, width: 130, filter: 'select' },
  { id: 'field', header: '专业领域', accessor: (r) => r.field, width: 130, filter: 'select' },
  { id: 'joined', header: '入库日期', accessor: (r) => r.joined, width: 130, filter: 'dateRange' },
  { id: 'services', header: '服务次数', accessor: (r) => r.services, width: 100, align: 'right' },
  { id: 'phone', header: '联系电话', accessor: (r) => r.phone, width: 130 },
];

const QUERIES = [
  '王', '李娜', '杭州', '研究员', '2023-0', '农业', '张 大学', 'zj-2019-0001', '中心', '高级工程师',
  '宁波 副教授', '1388', '林', '2022-11-3', '新材料', '赵敏', '温州市', '00042', '陈 研究院', '周',
];

// ---- helpers ---------------------------------------------------------------------------------
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const round = (x: number) => Math.round(x * 100) / 100;

/** Resolves as soon as a DOM mutation makes `check` true (checked synchronously first). */
function waitForDom(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the table to update'));
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Sets an input's value the way React notices (its value tracker ignores plain assignment). */
function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const shownCount = () => document.querySelector<HTMLElement>('[data-testid="ledger-count"]')?.dataset.count;
const firstRowId = () => document.querySelector<HTMLElement>('[role="row"][data-row-id]')?.dataset.rowId;

function mount(rows: Advisor[], demo: boolean) {
  localStorage.removeItem('sciledger.table.bench-advisors.columns');
  const root = createRoot(document.getElementById('root')!);
  const table = createElement(LedgerTable<Advisor>, {
    tableId: 'bench-advisors',
    ariaLabel: '专家库',
    columns: COLUMNS,
    rows,
    getRowId: (r) => r.id,
    selectable: true,
    height: demo ? 400 : 560,
    toolbarExtra: createElement(Button, { type: 'primary' }, '新增专家'),
  });
  root.render(createElement(StrictMode, null, createElement(ConfigProvider, { locale: zhCN }, table)));
}

// ---- the bench -------------------------------------------------------------------------------
async function run() {
  const total = 100_000;
  const rows = generate(total);
  const figures: { label: string; value: number; unit: string }[] = [];

  // Pure function first, before React competes for the main thread.
  let t = performance.now();
  buildSearchTexts(rows, COLUMNS.map((c) => c.accessor));
  figures.push({ label: '搜索索引构建（10万行）', value: round(performance.now() - t), unit: 'ms' });
  const texts = getSearchTexts(rows, COLUMNS);
  const pure: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const q of QUERIES) {
      t = performance.now();
      quickSearch(texts, q);
      pure.push(performance.now() - t);
    }
  }
  figures.push({ label: 'quickSearch() 纯函数 中位数', value: round(median(pure)), unit: 'ms' });

  t = performance.now();
  mount(rows, false);
  await waitForDom(() => firstRowId() !== undefined);
  await afterPaint();
  figures.push({ label: '首次渲染（10万行）', value: round(performance.now() - t), unit: 'ms' });
  const renderedRows = document.querySelectorAll('[role="row"][data-row-id]').length;

  const input = document.querySelector<HTMLInputElement>('[data-testid="ledger-quick-search"] input');
  if (!input) throw new Error('quick search input not found');
  const latencies: number[] = [];
  for (const q of QUERIES) {
    const mask = quickSearch(texts, q);
    const expected = String(countMatches(mask, total));
    const expectedFirst = mask ? rows[mask.indexOf(1)]?.id : rows[0].id;
    if (expected === String(total)) throw new Error(`query ${q} matches everything; pick another`);
    const start = performance.now();
    typeInto(input, q);
    await waitForDom(() => shownCount() === expected && firstRowId() === expectedFirst);
    await afterPaint();
    latencies.push(performance.now() - start);
    // Back to the full table (not timed) so every query starts from the same state.
    typeInto(input, '');
    await waitForDom(() => shownCount() === String(total));
    await afterPaint();
  }
  figures.push({ label: '快速搜索延迟 中位数', value: round(median(latencies)), unit: 'ms' });
  figures.push({ label: '快速搜索延迟 p95', value: round(quantile(latencies, 0.95)), unit: 'ms' });
  figures.push({ label: '目标 ≤ 50 ms 的比值', value: round(median(latencies) / 50), unit: '×' });

  const sortButton = [...document.querySelectorAll<HTMLButtonElement>('.ledger-table__sort')].find((b) =>
    b.textContent?.includes('姓名'),
  );
  if (!sortButton) throw new Error('姓名 sort button not found');
  const before = firstRowId();
  t = performance.now();
  sortButton.click();
  await waitForDom(() => sortButton.closest('[role="columnheader"]')?.getAttribute('aria-sort') === 'ascending' && firstRowId() !== before);
  figures.push({ label: '按姓名拼音排序（10万行）', value: round(performance.now() - t), unit: 'ms' });
  figures.push({ label: '实际渲染的行数', value: renderedRows, unit: '行' });

  window.__benchResult = { title: 'LedgerTable 快速搜索（100,000 行）', figures };
}

if (new URLSearchParams(location.search).has('demo')) {
  mount(generate(200), true);
} else {
  run().catch((err: unknown) => {
    window.__benchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  });
}
