import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AdvisorsPage } from './pages/AdvisorsPage';
import { AdvisorDetailPage, type DetailTab } from './pages/AdvisorDetailPage';
import { SettingsPage } from './pages/SettingsPage';
import { RectificationPage } from './pages/RectificationPage';
import { CommissionersPage } from './pages/CommissionersPage';
import { CommissionerDetailPage } from './pages/CommissionerDetailPage';

/**
 * Issue 8 item 1, at the 1366 px office screen: every row action of every ledger on screen is
 * clickable where it is — inside the window, not covered, without scrolling anything sideways —
 * and every header is either shown in full or carries its full text for hover.
 */
interface Blocked {
  ledger: string;
  control: string;
  why: string;
}

// Runs in the page (a string: this project compiles without DOM types).
const HIT_TEST = `(() => {
  const blocked = [];
  let checked = 0;
  for (const table of document.querySelectorAll('[data-testid="ledger-table"]')) {
    const ledger = table.querySelector('[role="grid"]')?.getAttribute('aria-label') ?? '?';
    const scroller = table.querySelector('.ledger-table__scroller');
    for (const control of table.querySelectorAll('[role="row"][data-row-id] button, [role="row"][data-row-id] a')) {
      // Scrolling up and down to a row is fine; having to scroll the grid sideways is not.
      scroller.scrollLeft = 0;
      control.scrollIntoView({ block: 'center', inline: 'nearest' });
      const sideways = scroller.scrollLeft;
      scroller.scrollLeft = 0;
      const box = scroller.getBoundingClientRect();
      const r = control.getBoundingClientRect();
      checked++;
      if (sideways > 0) blocked.push({ ledger, control: control.textContent?.trim() ?? '', why: '须横向滚动 ' + sideways + ' px 才能看到' });
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const name = control.textContent?.trim() || control.getAttribute('aria-label') || control.tagName;
      if (x < 0 || x > innerWidth || y < 0 || y > innerHeight || x < box.left || x > box.right) {
        blocked.push({ ledger, control: name, why: '中心点 (' + Math.round(x) + ', ' + Math.round(y) + ') 在可见区域外' });
        continue;
      }
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === control || control.contains(hit))) blocked.push({ ledger, control: name, why: '被 ' + (hit?.className || hit?.tagName) + ' 遮住' });
    }
  }
  return { checked, blocked };
})()`;

/** Hit-tests every button and link in the rows of every LedgerTable on the page, as it is. */
function unreachableRowControls(page: Page): Promise<{ checked: number; blocked: Blocked[] }> {
  return page.evaluate(HIT_TEST);
}

const CLIPPED_HEADERS = `[...document.querySelectorAll('[data-testid="ledger-table"] .ledger-table__head-label')]
  .filter((label) => label.scrollWidth > label.clientWidth + 1)
  .filter((label) => !(label.closest('[title]')?.getAttribute('title') ?? '').includes(label.textContent ?? ''))
  .map((label) => label.textContent ?? '')`;

/** Header labels cut off with no full text on hover. */
function clippedHeaders(page: Page): Promise<string[]> {
  return page.evaluate(CLIPPED_HEADERS);
}

let profile: BrowserProfile;

beforeAll(async () => {
  profile = await openProfile();
  await profile.page.setViewportSize({ width: 1366, height: 768 });
  await profile.page.goto(profile.baseUrl);
  await new SettingsPage(profile.page).loadSampleData();
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
});

describe('row actions at 1366 × 768', () => {
  it('the roster: every link in view is clickable and no header is cut without its full text', async () => {
    const roster = new AdvisorsPage(profile.page);
    await roster.open(profile.baseUrl);
    await expect.poll(() => roster.roster.count()).toBeGreaterThan(0);
    const { checked, blocked } = await unreachableRowControls(profile.page);
    expect(checked).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    expect(await clippedHeaders(profile.page)).toEqual([]);
  });

  const tabs: DetailTab[] = ['工作方案与计划', '工作记录', '咨询建议', '聘金', '成效评估'];
  it.each(tabs)('陈思远 → %s: 修改 / 删除 and the other row actions are clickable', async (tab) => {
    const roster = new AdvisorsPage(profile.page);
    await roster.open(profile.baseUrl);
    await roster.openAdvisor('陈思远');
    const detail = new AdvisorDetailPage(profile.page);
    await detail.openTab(tab);
    await profile.page.locator('[role="tabpanel"]:not([hidden]) [role="row"][data-row-id]').first().waitFor();
    const { checked, blocked } = await unreachableRowControls(profile.page);
    expect(checked).toBeGreaterThanOrEqual(2); // at least 修改 and 删除 of one row
    expect(blocked).toEqual([]);
    expect(await clippedHeaders(profile.page)).toEqual([]);
  });

  it('整改台账: 打开 / 修改 of the plans and 详情 / 修改 / 登记进展 / 删除 of the items and their views are clickable', async () => {
    const rect = new RectificationPage(profile.page);
    await rect.open(profile.baseUrl);
    await profile.page.locator('[role="grid"][aria-label="整改方案"] [role="row"][data-row-id]').first().waitFor();
    const plans = await unreachableRowControls(profile.page);
    expect(plans.checked).toBeGreaterThanOrEqual(2);
    expect(plans.blocked).toEqual([]);
    expect(await clippedHeaders(profile.page)).toEqual([]);
    await rect.openPlan('2025年度社会评价意见建议整改方案');
    for (const view of ['全部事项', '按处室', '按责任人']) {
      await rect.openView(new RegExp(`^${view}`));
      await profile.page.locator('[role="tabpanel"]:not([hidden]) [role="row"][data-row-id]').first().waitFor();
      const { checked, blocked } = await unreachableRowControls(profile.page);
      expect(checked, view).toBeGreaterThanOrEqual(4);
      expect(blocked, view).toEqual([]);
      expect(await clippedHeaders(profile.page), view).toEqual([]);
    }
  });

  it('设置 → 聘书登记: 作废 is clickable', async () => {
    await new SettingsPage(profile.page).openTab('聘书登记');
    await profile.page.locator('[role="grid"][aria-label="聘书发放登记"] [role="row"][data-row-id]').first().waitFor();
    const { checked, blocked } = await unreachableRowControls(profile.page);
    expect(checked).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    expect(profile.errors).toEqual([]);
  });
});

describe('科技特派员 row actions at 1366 × 768', () => {
  const sections = ['特派员名册', '年度考核', '补助发放', '科技特派团', '派驻企业'] as const;
  it.each(sections)('%s: every row action is clickable and no header is cut without its full text', async (section) => {
    const module = new CommissionersPage(profile.page);
    await module.open(profile.baseUrl);
    await module.section(section);
    await profile.page.locator('[role="tabpanel"]:not([hidden]) [role="row"][data-row-id]').first().waitFor();
    const { checked, blocked } = await unreachableRowControls(profile.page);
    expect(checked).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    expect(await clippedHeaders(profile.page)).toEqual([]);
  });

  it('蓝海波 → 服务日志: 查看 / 修改 / 删除 are clickable below the quick-entry row', async () => {
    const module = new CommissionersPage(profile.page);
    await module.open(profile.baseUrl);
    await module.roster.grid().getByRole('link', { name: '蓝海波' }).click();
    const detail = new CommissionerDetailPage(profile.page);
    await detail.openTab('服务日志');
    await detail.logRows().first().waitFor();
    const { checked, blocked } = await unreachableRowControls(profile.page);
    expect(checked).toBeGreaterThanOrEqual(3);
    expect(blocked).toEqual([]);
    expect(await clippedHeaders(profile.page)).toEqual([]);
    expect(profile.errors).toEqual([]);
  });
});

