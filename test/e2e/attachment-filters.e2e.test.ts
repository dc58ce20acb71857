import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AppShell } from './pages/AppShell';
import { AttachmentsObject } from './pages/AttachmentsObject';
import { CommissionerDetailPage } from './pages/CommissionerDetailPage';
import { LedgerTableObject } from './pages/LedgerTableObject';
import { RectificationPage } from './pages/RectificationPage';
import { SettingsPage } from './pages/SettingsPage';

/**
 * 有/无附件 on the lists whose records hold 附件 (issue 11), at 1366 × 768 with the sample data:
 * a 签到表 attached to one of 蓝海波's 服务日志 and a 培训签到表 to 整改 item 1; each list then
 * filters 有附件 / 无附件 to the right rows, 清除全部筛选 puts back every row and 附件不限, and
 * the toolbar stays on one line.
 */
const COMMISSIONER = 'c10d0964-ee48-4fb9-8720-653fc1ea6fb3'; // 蓝海波: five 2026 service logs
const PLAN = '2025年度社会评价意见建议整改方案'; // two items; 1 expects 培训通知、培训签到表、培训图片

let profile: BrowserProfile;
let dir: string;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciledger-attachment-filters-'));
  await writeFile(join(dir, '签到表.pdf'), PDF);
  await writeFile(join(dir, '培训签到表.pdf'), Buffer.concat([PDF, Buffer.from('%2\n')]));
  profile = await openProfile();
  await new AppShell(profile.page).open(profile.baseUrl);
  await new SettingsPage(profile.page).loadSampleData();
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('有/无附件 on 服务日志 and 整改事项', () => {
  it('服务日志: the entry with a 签到表 is the one 有附件 shows; 无附件 the others; 清除全部筛选 resets', async () => {
    const detail = new CommissionerDetailPage(profile.page);
    await detail.ensureOpen(`${profile.baseUrl}#/commissioners/c/${COMMISSIONER}`);
    await detail.openTab('服务日志');
    const logs = new LedgerTableObject(profile.page, '服务日志');
    await expect.poll(() => logs.count()).toBe(5);
    expect(await logs.toolbarLines()).toBe(1);

    const drawer = await detail.viewServiceLog('2026-05-22');
    await new AttachmentsObject(profile.page, drawer).add([join(dir, '签到表.pdf')]);
    await detail.closeServiceLog(drawer);

    await logs.filterAttachments('有附件');
    await expect.poll(() => logs.rowTexts()).toEqual([expect.stringContaining('2026-05-22')]);
    // The year's count above the list counts the matching entries.
    await expect.poll(() => detail.activePanel().getByText(/2026 年有附件的共 1 条/).count()).toBe(1);
    await logs.filterAttachments('无附件');
    await expect.poll(() => logs.count()).toBe(4);
    expect(await logs.toolbarLines()).toBe(1);
    expect((await logs.rowTexts()).join('\n')).not.toContain('2026-05-22');

    await logs.clearFilters();
    await expect.poll(() => logs.count()).toBe(5);
    expect(await logs.attachmentChoice()).toBe('附件不限');
  });

  it('整改事项: 佐证材料 shows 已上传 1 份 / 缺佐证材料; 有附件 and 无附件 show the right item; 清除全部筛选 resets', async () => {
    const rect = new RectificationPage(profile.page);
    await rect.open(profile.baseUrl);
    await rect.openPlan(PLAN);
    await expect.poll(() => rect.items.count()).toBe(2);
    expect(await rect.items.toolbarLines()).toBe(1);
    await expect.poll(() => rect.row(1).innerText()).toContain('缺佐证材料');

    await rect.rowAction(1, '详情');
    const evidence = profile.page.getByTestId('rectification-evidence');
    await new AttachmentsObject(profile.page, evidence).add([join(dir, '培训签到表.pdf')]);
    await expect.poll(() => evidence.getByLabel('应提交的佐证材料').innerText()).toMatch(/✓ 培训签到表/);
    await profile.page.getByRole('button', { name: '返回方案' }).click();
    await rect.items.grid().waitFor();

    await expect.poll(() => rect.row(1).innerText()).toContain('已上传 1 份');
    expect(await rect.row(2).innerText()).toContain('缺佐证材料');
    // In view at 1366 px: left of the pinned 操作 column, not under it.
    const tag = await rect.row(1).getByText('已上传 1 份').boundingBox();
    const actions = await rect.row(1).getByRole('button', { name: '详情' }).boundingBox();
    expect(tag!.x + tag!.width).toBeLessThan(actions!.x);
    await rect.items.filterAttachments('有附件');
    await expect.poll(() => rect.items.count()).toBe(1);
    expect(await rect.row(1).count()).toBe(1);
    await rect.items.filterAttachments('无附件');
    await expect.poll(() => rect.items.count()).toBe(1);
    // Filtered, the toolbar gains 清除全部筛选 and 共 1 条（全部 2 条）: still one line.
    expect(await rect.items.toolbarLines()).toBe(1);
    expect(await rect.row(2).count()).toBe(1);
    expect(await rect.row(1).count()).toBe(0);

    await rect.items.clearFilters();
    await expect.poll(() => rect.items.count()).toBe(2);
    expect(await rect.items.attachmentChoice()).toBe('附件不限');
  });

  it('the rosters keep the filter on one toolbar line at 1366 px', async () => {
    await profile.page.goto(`${profile.baseUrl}#/advisors`);
    const advisors = new LedgerTableObject(profile.page, '科技顾问名册');
    await advisors.grid().waitFor();
    await expect.poll(() => advisors.count()).toBeGreaterThan(0);
    expect(await advisors.toolbarLines()).toBe(1);
    await advisors.filterAttachments('无附件');
    await expect.poll(() => advisors.root.getByTestId('ledger-clear-filters').isVisible()).toBe(true);
    expect(await advisors.toolbarLines()).toBe(1);
    await advisors.clearFilters();
    // 蓝海波's service log carries the 签到表: the 特派员名册 counts it for him.
    await profile.page.goto(`${profile.baseUrl}#/commissioners`);
    const commissioners = new LedgerTableObject(profile.page, '科技特派员名册');
    await commissioners.grid().waitFor();
    expect(await commissioners.toolbarLines()).toBe(1);
    await commissioners.filterAttachments('有附件');
    await expect.poll(() => commissioners.rowLinks()).toEqual(['蓝海波']);
    await commissioners.clearFilters();
    expect(await commissioners.attachmentChoice()).toBe('附件不限');
  });

  it('logs no console errors', () => {
    expect(profile.errors).toEqual([]);
  });
});
