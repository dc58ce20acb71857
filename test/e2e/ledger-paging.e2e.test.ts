import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { rosterAdvisors, rosterBundle } from './support/rosterBundle';
import { AdvisorsPage } from './pages/AdvisorsPage';
import { ExchangePage } from './pages/ExchangePage';

/**
 * Issue 9: the 科技顾问 roster at 5,000 advisors reads pages — it shows the count, sorts by name
 * in the Chinese collator's order, finds by pinyin initials, and follows an edit — while only the
 * rows in view exist in the DOM.
 */
const N = 5_000;
const advisors = rosterAdvisors(N);
const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
const byName = [...advisors].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));

let profile: BrowserProfile;
let roster: AdvisorsPage;
let dir: string;

beforeAll(async () => {
  profile = await openProfile();
  roster = new AdvisorsPage(profile.page);
  dir = await mkdtemp(join(tmpdir(), 'sciledger-paging-'));
  const file = join(dir, 'roster.sclb');
  await writeFile(file, rosterBundle(advisors));
  await profile.page.goto(`${profile.baseUrl}#/exchange`);
  await new ExchangePage(profile.page).importBundle(file);
  await roster.open(profile.baseUrl);
}, 180_000);
afterAll(async () => {
  await profile?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
reloadAfterFailure(() => profile);

const grid = () => roster.roster.grid();
const renderedRows = () => grid().locator('[role="row"][data-row-id]');
const firstName = () => renderedRows().first().locator('[role="gridcell"] a').first().innerText();

describe('科技顾问名册 with 5,000 advisors (paged)', () => {
  it('shows the count and the status chips, with only a screenful of rows in the DOM', async () => {
    await expect.poll(() => roster.roster.count(), { timeout: 20_000 }).toBe(N);
    expect(await renderedRows().count()).toBeLessThan(60);
    await expect.poll(() => roster.statusSummary()).toContain(`已聘任 ${advisors.filter((a) => a.status === '已聘任').length}`);
    expect(await roster.statusSummary()).toContain(`共 ${N} 人`);
  });

  it('sorts by 姓名 in the collator’s order, first page and last page', async () => {
    await grid().getByRole('button', { name: /^姓名/ }).click();
    await expect.poll(firstName).toBe(byName[0].name);
    await grid().focus();
    await profile.page.keyboard.press('End');
    const last = byName[N - 1];
    await expect.poll(() => grid().locator(`[data-row-id="${last.id}"]`).count()).toBe(1);
    await profile.page.keyboard.press('Home');
  });

  it('finds 曾小贤 by initials zxx (also ＺＸＸ) and by full pinyin', async () => {
    for (const q of ['zxx', 'ＺＸＸ', 'zengxiaoxian']) {
      await roster.roster.search(q);
      await expect.poll(() => roster.roster.count()).toBe(1);
      await expect.poll(firstName).toBe('曾小贤');
    }
    await roster.roster.search('');
    await expect.poll(() => roster.roster.count()).toBe(N);
  });

  it('filters 状态 with options in lifecycle order, then 清除全部筛选', async () => {
    await grid().getByRole('button', { name: '筛选 状态' }).click();
    const panel = profile.page.getByTestId('ledger-filter-panel-status');
    expect(await panel.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.closest('label')?.textContent))).toEqual(['推荐', '评议', '已审定', '已聘任', '期满', '解聘']);
    await panel.getByRole('checkbox', { name: '期满' }).check();
    await panel.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => roster.roster.count()).toBe(advisors.filter((a) => a.status === '期满').length);
    await roster.roster.root.getByTestId('ledger-clear-filters').click();
    await expect.poll(() => roster.roster.count()).toBe(N);
  });

  it('follows an edit: the renamed advisor is found by the new name’s initials, the old ones find nothing', async () => {
    await roster.roster.search('zxx');
    await expect.poll(() => roster.roster.count()).toBe(1);
    await roster.openAdvisor('曾小贤');
    await profile.page.getByRole('tab', { name: /^基本信息/ }).click();
    const form = profile.page.getByRole('form', { name: '基本信息' });
    await form.getByLabel('姓名').fill('单小贤');
    await form.getByRole('button', { name: '保存基本信息' }).click();
    await profile.page.getByText('基本信息已保存').first().waitFor();
    await profile.page.getByRole('button', { name: '名册' }).click();
    await roster.roster.search('sxx');
    await expect.poll(() => grid().locator('[role="row"][data-row-id] a').allInnerTexts()).toContain('单小贤');
    await roster.roster.search('zxx');
    await expect.poll(() => roster.roster.count()).toBe(0);
    expect(profile.errors).toEqual([]);
  });
});
