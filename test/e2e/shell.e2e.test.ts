import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AppShell } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';
import { OperationLog } from './pages/OperationLog';

let profile: BrowserProfile;
let shell: AppShell;
let settings: SettingsPage;

beforeAll(async () => {
  profile = await openProfile();
  shell = new AppShell(profile.page);
  settings = new SettingsPage(profile.page);
  await shell.open(profile.baseUrl);
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
});

describe('the shell and 设置 (smoke)', () => {
  it('opens in Chinese with only the modules that exist, each with a real screen', async () => {
    expect(await profile.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const labels = await shell.moduleLabels();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      await shell.goTo(label);
      // no module shows an empty placeholder: each renders content of its own (polled: on a
      // loaded machine a module's first frame may still be empty — CI saw it once)
      await expect.poll(() => profile.page.locator('.app-content').innerText()).not.toMatch(/^\s*$/);
    }
    expect(labels).toContain('设置');
  });

  it('keeps organisation names, the operator and a policy parameter across a reload', async () => {
    await shell.goTo('设置');
    await settings.setOrganisation({ committeeOffice: '测试科技委员会办公室' });
    await profile.page.getByText('单位信息已保存').waitFor();

    await settings.setOperator('测试员甲');
    await profile.page.getByText('操作员已保存').waitFor();
    await expect.poll(() => shell.operatorBadge().innerText()).toContain('测试员甲');

    await settings.setPolicyNumber('每年累计服务最少', 28);
    await settings.savePolicy();
    await profile.page.getByText('政策配置已保存').waitFor();

    await shell.reload();
    await settings.openTab('单位信息');
    await expect.poll(() => settings.organisationValue('科技委员会办公室')).toBe('测试科技委员会办公室');
    expect(await shell.operatorBadge().innerText()).toContain('测试员甲');
    await settings.openTab('政策配置');
    await expect.poll(() => settings.policyInput('每年累计服务最少').inputValue()).toBe('28');
  });

  it('refuses an invalid policy value with a Chinese message and keeps the saved one', async () => {
    await settings.openTab('政策配置');
    await settings.page.getByRole('form', { name: '政策配置' }).getByLabel('年度落实情况报送截止').fill('12月25日');
    await settings.savePolicy();
    await profile.page.getByText('格式应为 MM-DD').waitFor();
    await shell.reload();
    await settings.openTab('政策配置');
    await expect.poll(() => settings.page.getByRole('form', { name: '政策配置' }).getByLabel('年度落实情况报送截止').inputValue()).toBe('12-25');
  });

  it('switches to the city preset only after confirmation and save', async () => {
    await settings.loadPreset('设区市级（参照阳泉市办法）');
    await expect.poll(() => settings.policyInput('服务期').inputValue()).toBe('1');
    await settings.savePolicy();
    await profile.page.getByText('政策配置已保存').waitFor();
    await shell.reload();
    await settings.openTab('政策配置');
    await expect.poll(() => settings.policyInput('服务期').inputValue()).toBe('1');
  });

  it('loads the sample data, lists the change in 操作记录, clears it and can undo the clear', async () => {
    await settings.loadSampleData();
    await expect.poll(() => settings.ledgerTotal()).toMatch(/共 [1-9]\d* 条/);

    await settings.openTab('操作记录');
    const log = new OperationLog(profile.page);
    await log.search('陈思远');
    await expect.poll(() => log.count()).toBeGreaterThan(0);
    expect(await log.grid().getByText('陈思远').first().isVisible()).toBe(true);

    // A wrong confirmation word changes nothing.
    await settings.clearAll('确定');
    await profile.page.getByText('未输入“清空”，已取消').waitFor();
    await expect.poll(() => settings.ledgerTotal()).toMatch(/共 [1-9]\d* 条/);

    await settings.clearAll();
    await expect.poll(() => settings.ledgerTotal()).toBe('当前台账记录（共 0 条）');
    await profile.page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => settings.ledgerTotal()).toMatch(/共 [1-9]\d* 条/);

    await settings.clearAll();
    await expect.poll(() => settings.ledgerTotal()).toBe('当前台账记录（共 0 条）');
    await shell.reload();
    await settings.openTab('数据维护');
    await expect.poll(() => settings.ledgerTotal()).toBe('当前台账记录（共 0 条）');
  });

  it('logged no errors in the page', () => {
    expect(profile.errors).toEqual([]);
  });
});
