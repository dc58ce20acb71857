import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { CommissionersPage } from './pages/CommissionersPage';
import { AttachmentsObject } from './pages/AttachmentsObject';
import { CommissionerDetailPage } from './pages/CommissionerDetailPage';
import { SettingsPage } from './pages/SettingsPage';
import { documentText } from './support/docx';

let profile: BrowserProfile;
let module: CommissionersPage;
let detail: CommissionerDetailPage;
/** The new commissioner's file: each later test starts there (a failed test reloads the app). */
let fileUrl = '';

/** Dates relative to today, so the service period has begun and no log lies in the future. */
const dayOffset = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('sv-SE');
};
const start = dayOffset(-40);
const logDates = [-20, -18, -15, -12, -9].map(dayOffset);
const unit = '广西测试大学';
const enterprise = '南宁测试糖业有限公司';

beforeAll(async () => {
  profile = await openProfile();
  module = new CommissionersPage(profile.page);
  detail = new CommissionerDetailPage(profile.page);
  await profile.page.goto(profile.baseUrl);
  // Five days make a year's minimum here, so five logged services turn the year green (the
  // provincial preset's 30 days would take thirty).
  const settings = new SettingsPage(profile.page);
  await settings.setPolicyNumber('每年累计服务最少', 5);
  await settings.savePolicy();
  await profile.page.getByText('政策配置已保存').first().waitFor();
  await module.open(profile.baseUrl);
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
});

describe('科技特派员: from the directories to a paid subsidy (seeds 001, 004)', () => {
  it('registers a dispatching unit, a host enterprise and an eligible commissioner', async () => {
    await module.addDispatchUnit(unit);
    await module.addEnterprise({ name: enterprise, creditCode: '914501007088888884', legalRepresentative: '黄测试' });
    await module.addCommissioner({ name: '覃测试', unit, degree: '博士' });
    expect(profile.page.url()).toMatch(/#\/commissioners\/c\/[0-9a-f-]{36}$/);
    fileUrl = profile.page.url();
    await expect.poll(() => detail.eligibility()).toBe('符合选派条件');
  });

  it('dispatches to the enterprise and signs the agreement: a Word file with the three parties', async () => {
    await detail.ensureOpen(fileUrl);
    await detail.addDispatch(enterprise, dayOffset(-50));
    await detail.sign(enterprise, start, start);
    await expect.poll(() => detail.agreementCard(enterprise).locator('.ant-tag').first().innerText()).toBe('生效');
    // Signing puts the commissioner in service (the file started at 意向).
    await expect.poll(() => profile.page.locator('.commissioner-detail-card .ant-tag').first().innerText()).toBe('服务中');
    const { name, bytes } = await detail.agreementDocument(enterprise).save();
    expect(name).toMatch(/\.docx$/);
    const text = documentText(bytes);
    expect(text).toContain(`甲方（派驻企业）：${enterprise}`);
    expect(text).toContain('914501007088888884');
    expect(text).toContain('覃测试');
    expect(text).toContain(unit);
  });

  it('prints a clause edited in 设置 → 合作协议书; an unknown placeholder is refused; 恢复默认 brings the default back', async () => {
    const settings = new SettingsPage(profile.page);
    await settings.editAgreementClause(1, '乙方为{甲方}提供{专项}服务。');
    await settings.agreementForm().getByText('含有未知占位符：{专项}').waitFor();
    await settings.editAgreementClause(1, '乙方为{甲方}提供糖业工艺专项服务。');
    await profile.page.getByText('合作协议书条款已保存').first().waitFor();
    await detail.ensureOpen(fileUrl);
    await detail.openTab('派驻与协议');
    const edited = documentText((await detail.agreementDocument(enterprise).save()).bytes);
    expect(edited).toContain(`乙方为${enterprise}提供糖业工艺专项服务。`);
    expect(edited).not.toContain('乙方根据甲方技术需求');

    await settings.resetAgreementClauses();
    await expect.poll(() => settings.agreementClauseText(1).inputValue()).toMatch(/^乙方根据甲方技术需求/);
    await detail.ensureOpen(fileUrl);
    await detail.openTab('派驻与协议');
    const restored = documentText((await detail.agreementDocument(enterprise).save()).bytes);
    expect(restored).toContain('乙方根据甲方技术需求');
  });

  it('logs five services with the keyboard only, and the service year turns green', async () => {
    await detail.ensureOpen(fileUrl);
    await detail.openTab('服务日志');
    const page = profile.page;
    await detail.entryDate().focus();
    for (const [i, date] of logDates.entries()) {
      await expect.poll(() => detail.entryDate().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.type(date);
      await page.keyboard.press('Tab'); // 天数 (1)
      await page.keyboard.press('Tab'); // 方式 (线下)
      await page.keyboard.press('Tab'); // 服务类别 (kept from the last entry)
      await page.keyboard.press('Tab'); // 服务内容
      await page.keyboard.type(`现场指导第${i + 1}次`);
      await page.keyboard.press('Enter');
      await expect.poll(() => detail.logRows().count()).toBe(i + 1);
    }
    await expect.poll(() => detail.complianceState()).toBe('达标');
    expect(await detail.logRows().first().innerText()).toContain(logDates[4]);
  });

  it('prints the 合作协议书 of every agreement in service as one Word file from 履职监测', async () => {
    await module.section('履职监测');
    const batch = module.agreementBatch();
    await expect.poll(() => batch.scope.innerText()).toContain('在服务期内 1 份');
    const { name, bytes } = await batch.save();
    expect(name).toBe('企业科技特派员合作协议书-在服务期内-1份.docx');
    const text = documentText(bytes);
    expect(text).toContain(`甲方（派驻企业）：${enterprise}`);
    expect(text).toContain('丙方（盖章）');
  });

  it('refuses a log dated before the service period, naming the period, and writes nothing', async () => {
    await detail.ensureOpen(fileUrl);
    await detail.openTab('服务日志');
    await detail.entryDate().fill(dayOffset(-60));
    await profile.page.getByRole('group', { name: '服务日志快速登记' }).getByLabel('服务内容').fill('期前服务');
    await profile.page.getByRole('group', { name: '服务日志快速登记' }).getByLabel('服务内容').press('Enter');
    await expect.poll(() => profile.page.getByRole('group', { name: '服务日志快速登记' }).locator('.ant-alert-title').innerText()).toContain(`不在服务期 ${start}`);
    expect(await detail.logRows().count()).toBe(5);
  });

  it('keeps a 签到表 photo on a service log as 附件, listed in the log’s drawer', async () => {
    await detail.ensureOpen(fileUrl);
    await detail.openTab('服务日志');
    await detail.logRows().first().getByRole('button', { name: '查看' }).click();
    const drawer = profile.page.locator('.ant-drawer').filter({ hasText: '服务日志' });
    await drawer.getByRole('button', { name: '添加附件' }).waitFor();
    const dir = await mkdtemp(join(tmpdir(), 'sciledger-log-'));
    try {
      const photo = join(dir, '签到表.png');
      await writeFile(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64'));
      await new AttachmentsObject(profile.page, drawer).add([photo]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect.poll(() => drawer.locator('tr').filter({ hasText: '签到表.png' }).count()).toBe(1);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('assesses the year: 优秀 over the 20% quota is refused, 合格 is kept', async () => {
    await detail.ensureOpen(fileUrl);
    await detail.openTab('年度考核');
    await profile.page.getByRole('button', { name: '新增年度考核' }).click();
    const form = profile.page.getByRole('form', { name: '新增年度考核' });
    // One person assessed: floor(20% × 1) = 0 优秀.
    await expect.poll(() => form.locator('.ant-alert-title').first().innerText()).toContain('还可评 0 名');
    await form.getByLabel('优秀', { exact: true }).check();
    await profile.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => form.locator('.ant-alert-error').innerText()).toContain('优秀名额已满');
    await form.getByLabel('合格', { exact: true }).check();
    await profile.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await profile.page.getByText('年度考核已保存').first().waitFor();
    await expect.poll(() => detail.activePanel().locator('[role="row"][data-row-id]').first().innerText()).toContain('合格');
  });

  it('pays the year’s subsidy from what is due', async () => {
    await detail.ensureOpen(fileUrl);
    await detail.openTab('补助');
    const due = detail.activePanel().locator('.ant-alert').filter({ hasText: '待发放补助' });
    await expect.poll(() => due.innerText()).toContain('工作补助 1万元');
    await due.getByRole('button', { name: '发放' }).first().click();
    const form = profile.page.getByRole('form', { name: '发放补助' });
    await form.getByLabel('凭证号').fill('财测-001');
    await profile.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await profile.page.getByText('补助发放已登记').first().waitFor();
    await expect.poll(() => detail.activePanel().locator('[role="row"][data-row-id]').first().innerText()).toContain('财测-001');
    expect(profile.errors).toEqual([]);
  });
});
