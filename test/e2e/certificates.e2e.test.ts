import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AppShell } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';
import { CertificatePanelObject, CertificateRegisterPage, CertificateSettingsPage, closeIssueDialog, saveIssued } from './pages/CertificateSettingsPage';
import { DocumentActionsObject } from './pages/DocumentActionsObject';
import { documentText } from './support/docx';

let profile: BrowserProfile;
const year = new Date().getFullYear();
const number = `桂科顾聘〔${year}〕01号`;
/** 林若溪 in the sample data: 已审定, term 2026-07-01 … 2029-06-30, no certificate yet. */
const linRuoxi = '7ecba661-3e2d-4bc2-b3d3-28405dab99db';
const wording = '兹聘请{姓名}院士为广西科技顾问（{服务单位}），聘期自{聘期开始}至{聘期结束}。';


beforeAll(async () => {
  profile = await openProfile();
  const shell = new AppShell(profile.page);
  await shell.open(profile.baseUrl);
  await shell.goTo('设置');
  await new SettingsPage(profile.page).loadSampleData();
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
});

describe('聘书 settings, issue and register (web platform)', () => {
  it('keeps the wording, number pattern and a printer offset after a reload', async () => {
    const settings = new CertificateSettingsPage(profile.page);
    await settings.open();
    await settings.wording().fill(wording);
    await expect.poll(() => settings.wordingSample().innerText()).toContain('兹聘请张三院士为广西科技顾问（某某研究院）');
    await settings.numberPattern().fill('桂科顾聘〔{年}〕{序号:2}号');
    await expect.poll(() => settings.numberExample().innerText()).toContain(number);
    await settings.addPrinter('办公室 HP', 1.5, -2);
    await settings.chooseActivePrinter('办公室 HP');
    await settings.save();

    await new AppShell(profile.page).reload();
    await settings.open();
    expect(await settings.wording().inputValue()).toBe(wording);
    expect(await settings.numberPattern().inputValue()).toBe('桂科顾聘〔{年}〕{序号:2}号');
    const printer = settings.printerRow(0);
    expect(await printer.getByRole('textbox', { name: '打印机名称' }).inputValue()).toBe('办公室 HP');
    expect(await printer.getByRole('spinbutton', { name: '水平偏移' }).inputValue()).toBe('1.5');
    expect(await printer.getByRole('spinbutton', { name: '垂直偏移' }).inputValue()).toBe('-2.0');
    expect(await settings.activePrinter().innerText()).toBe('办公室 HP');
  });

  it('prints the 套打校准页 with the chosen printer’s offset', async () => {
    const settings = new CertificateSettingsPage(profile.page);
    const { bytes } = await new DocumentActionsObject(profile.page, settings.calibrationSheet()).save();
    const text = documentText(bytes);
    expect(text).toContain('聘书套打校准页');
    expect(text).toMatch(/水平 \+1\.5 mm/);
    expect(text).toContain('张三');
  });

  it('shows a wrong pattern on its field and does not save it', async () => {
    const settings = new CertificateSettingsPage(profile.page);
    await settings.numberPattern().fill('桂科顾聘〔{年}〕号');
    await settings.form().getByRole('button', { name: '保存聘书设置' }).click();
    await settings.form().getByText('编号格式须包含 {序号}').first().waitFor();
    await settings.numberPattern().fill('桂科顾聘〔{年}〕{序号:2}号');
  });

  it('refuses a portrait 套打 field wider than the sheet, with the reason at the field', async () => {
    const settings = new CertificateSettingsPage(profile.page);
    const width = await settings.overlayInput('纵向 A4', '聘书正文宽度');
    await width.fill('200');
    await settings.form().getByRole('button', { name: '保存聘书设置' }).click();
    await settings.form().getByRole('tabpanel').getByText('文字框右端在 230 mm，超出纵向纸宽 210 mm').waitFor();
    await width.fill('150');
  });

  it('issues 林若溪’s 聘书 from her page: the .docx carries her name and the new number', async () => {
    const panel = new CertificatePanelObject(profile.page);
    await panel.open(profile.baseUrl, linRuoxi);
    expect(await panel.text()).toContain('未颁发');
    const dialog = await panel.issue('颁发聘书');
    expect(await dialog.innerText()).toContain(number);
    const { name, bytes } = await saveIssued(profile.page, dialog);
    expect(name).toMatch(/聘书.*林若溪.*\.docx$/);
    const text = documentText(bytes);
    expect(text).toContain('林若溪');
    expect(text).toContain(number);
    expect(text).toContain('北部湾示范海洋研究中心'); // the saved wording's {服务单位}
    await closeIssueDialog(dialog);
    await expect.poll(() => panel.text()).toContain(number);
    // 已聘任 now: the issuer is recorded and the next print is a 补打.
    expect(await panel.text()).toContain('广西壮族自治区人民政府');
    await panel.root.getByRole('button', { name: '补打聘书' }).waitFor();
  });

  it('the register shows the row; a reprint there keeps the number and is marked 补打', async () => {
    await profile.page.goto(`${profile.baseUrl}#/settings/certificateRegister`);
    const register = new CertificateRegisterPage(profile.page);
    await register.table.grid().waitFor();
    await expect.poll(() => register.rowsText()).toMatch(new RegExp(`${number}[\\s\\S]*林若溪[\\s\\S]*颁发`));
    await register.chooseAdvisor('林若溪');
    const dialog = await register.issue('补打聘书');
    const { bytes } = await saveIssued(profile.page, dialog);
    expect(documentText(bytes)).toContain(number);
    await closeIssueDialog(dialog);
    await expect.poll(() => register.rowsText()).toContain('补打');
    expect((await register.rowsText()).split(number).length - 1).toBe(2);
  });

  it('prints the 登记簿 with the reprint marked', async () => {
    const register = new CertificateRegisterPage(profile.page);
    const { bytes } = await new DocumentActionsObject(profile.page, register.documentActions()).save();
    const text = documentText(bytes);
    expect(text).toContain('聘书发放登记簿');
    expect(text).toContain('林若溪');
    expect(text).toContain('补打（原号）');
  });

  it('logged no errors in the page', () => {
    expect(profile.errors).toEqual([]);
  });
});
