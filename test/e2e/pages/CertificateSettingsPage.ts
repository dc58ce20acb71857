import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { LedgerTableObject } from './LedgerTableObject';

/** 设置 → 聘书 (wording, numbering, 套打 layout, printer offsets) and 设置 → 聘书登记. */
export class CertificateSettingsPage {
  constructor(readonly page: Page) {}

  form(): Locator {
    return this.page.getByRole('form', { name: '聘书设置' });
  }

  async open() {
    await this.page.getByRole('tab', { name: '聘书', exact: true }).click();
    await this.form().waitFor();
  }

  wording() {
    return this.form().getByRole('textbox', { name: '聘书文字' });
  }

  numberPattern() {
    return this.form().getByRole('textbox', { name: '编号格式' });
  }

  numberExample() {
    return this.form().getByTestId('number-example');
  }

  wordingSample() {
    return this.form().getByTestId('wording-sample');
  }

  async addPrinter(name: string, dxMm: number, dyMm: number) {
    await this.form().getByRole('button', { name: '添加打印机' }).click();
    const row = this.form().getByLabel(/^打印机 \d+$/).last();
    await row.getByRole('textbox', { name: '打印机名称' }).fill(name);
    await row.getByRole('spinbutton', { name: '水平偏移' }).fill(String(dxMm));
    await row.getByRole('spinbutton', { name: '垂直偏移' }).fill(String(dyMm));
    await row.getByRole('spinbutton', { name: '垂直偏移' }).press('Tab');
  }

  printerRow(index: number) {
    return this.form().getByLabel(`打印机 ${index + 1}`, { exact: true });
  }

  async chooseActivePrinter(name: string) {
    await this.form().getByRole('combobox', { name: '当前打印机' }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(name).click();
  }

  activePrinter() {
    return this.form().locator('.ant-form-item', { has: this.page.getByRole('combobox', { name: '当前打印机' }) }).locator('.ant-select-content, .ant-select-selection-item').first();
  }

  /** One measure (距左边/距上边/宽度) of a 套打 field on the tab of an orientation. */
  async overlayInput(orientation: '横向 A4' | '纵向 A4', label: string) {
    await this.form().getByRole('tab', { name: orientation }).click();
    return this.form().getByRole('tabpanel').getByRole('spinbutton', { name: label });
  }

  /** 预览/保存/打印 of the 套打校准页. */
  calibrationSheet() {
    return this.page.getByTestId('calibration-sheet');
  }

  async save() {
    await this.form().getByRole('button', { name: '保存聘书设置' }).click();
    await this.page.getByText('聘书设置已保存').waitFor();
  }
}

/** The 聘书 part of an advisor's 聘任与聘书 tab (#/advisors/<id>/appointment). */
export class CertificatePanelObject {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('certificate-panel');
  }

  async open(baseUrl: string, advisorId: string) {
    await this.page.goto(`${baseUrl}#/advisors/${advisorId}/appointment`);
    await this.root.waitFor();
  }

  /** Clicks 颁发聘书 / 补打聘书, confirms, and returns the dialog at its result step. */
  async issue(action: '颁发聘书' | '补打聘书'): Promise<Locator> {
    await this.root.getByRole('button', { name: action }).click();
    return confirmIssue(this.page, action);
  }

  text() {
    return this.root.innerText();
  }
}

async function confirmIssue(page: Page, action: '颁发聘书' | '补打聘书'): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: '颁发聘书' });
  await dialog.getByRole('button', { name: action }).click();
  await page.getByRole('dialog', { name: '确认登记聘书？' }).getByRole('button', { name: '确认' }).click();
  await dialog.getByText(/已登记 \d+ 份聘书/).waitFor();
  return dialog;
}

/** 保存 the packed file from the dialog's result step (web platform: a download). */
export async function saveIssued(page: Page, dialog: Locator): Promise<{ name: string; bytes: Uint8Array }> {
  const save = dialog.getByRole('button', { name: '保存' });
  await save.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}

export async function closeIssueDialog(dialog: Locator) {
  await dialog.getByRole('button', { name: '完成' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** 设置 → 聘书登记: choose advisors, 颁发/补打, and the register table. */
export class CertificateRegisterPage {
  readonly table: LedgerTableObject;

  constructor(readonly page: Page) {
    this.table = new LedgerTableObject(page, '聘书发放登记');
  }

  async open() {
    await this.page.getByRole('tab', { name: '聘书登记', exact: true }).click();
    await this.table.grid().waitFor();
  }

  async chooseAdvisor(name: string) {
    const select = this.page.getByRole('combobox', { name: '选择科技顾问' });
    await select.click();
    await select.fill(name);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    await this.page.keyboard.press('Escape');
  }

  /** The chosen advisors as shown in the picker. */
  selection() {
    return this.page.locator('.ant-select', { has: this.page.getByRole('combobox', { name: '选择科技顾问' }) }).innerText();
  }

  /** Opens the issue dialog for the chosen advisors, confirms, and returns the dialog. */
  async issue(action: '颁发聘书' | '补打聘书'): Promise<Locator> {
    await this.page.getByRole('button', { name: /颁发\/补打聘书/ }).click();
    return confirmIssue(this.page, action);
  }

  /** 预览/保存/打印 of the 登记簿. */
  documentActions() {
    return this.page.getByTestId('register-document');
  }

  rowsText() {
    return this.table.grid().innerText();
  }
}
