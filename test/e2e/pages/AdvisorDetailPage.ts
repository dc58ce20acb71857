import type { Locator, Page } from 'playwright-core';
import { LedgerTableObject } from './LedgerTableObject';
import { closeIssueDialog, saveIssued } from './CertificateSettingsPage';

export type DetailTab = '基本信息' | '选聘' | '聘任与聘书' | '工作方案与计划' | '工作记录' | '咨询建议' | '聘金' | '成效评估';

/** One advisor's file (#/advisors/<id>): tabs, status steps and the sub-ledgers. */
export class AdvisorDetailPage {
  constructor(readonly page: Page) {}

  async openTab(tab: DetailTab) {
    await this.page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  }

  status() {
    return this.page.getByTestId('advisor-status').innerText();
  }

  /** Types a date into an antd DatePicker (YYYY-MM-DD) and commits it without submitting the form. */
  async fillDate(scope: Locator, label: string, date: string) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.blur();
    await this.page.keyboard.press('Tab');
  }

  async choose(scope: Locator, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
  }

  async fillSelection(fields: { recommendingUnit: string; recommendationDate: string; researchDirections: string }) {
    await this.openTab('选聘');
    const form = this.page.getByRole('form', { name: '选聘信息' });
    await form.getByLabel('推荐单位').fill(fields.recommendingUnit);
    await this.fillDate(form, '推荐日期', fields.recommendationDate);
    await form.getByLabel('已征得院士本人同意').check();
    await form.getByLabel('已征得所在单位同意').check();
    await form.getByLabel('主要研究方向').fill(fields.researchDirections);
    await form.getByRole('button', { name: '保存选聘信息' }).click();
    await this.page.getByText('选聘信息已保存').first().waitFor();
  }

  /** Opens a status step (e.g. 提交评议, 审定通过) and returns its dialog. */
  async startTransition(label: string): Promise<Locator> {
    await this.openTab('聘任与聘书');
    await this.page.getByTestId('status-actions').getByRole('button', { name: label }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: label });
    await dialog.waitFor();
    return dialog;
  }

  async confirmTransition(dialog: Locator, label: string) {
    await dialog.getByRole('button', { name: label }).last().click();
  }

  refusal(dialog: Locator) {
    return dialog.getByRole('alert').innerText();
  }

  async setTerm(termStart: string, termEnd: string) {
    await this.openTab('聘任与聘书');
    const form = this.page.getByRole('form', { name: '聘期与颁发仪式' });
    await this.fillDate(form, '聘期开始', termStart);
    await this.fillDate(form, '聘期结束', termEnd);
    await form.getByRole('button', { name: '保存聘期信息' }).click();
    await this.page.getByText('聘期信息已保存').first().waitFor();
  }

  /** 颁发聘书 from the 聘书 panel (the certificates helper's dialog), confirmed and closed. */
  /** 颁发聘书, then 保存 the packed .docx (the web platform downloads it) and close. */
  async issueCertificate(): Promise<{ name: string; bytes: Uint8Array }> {
    await this.openTab('聘任与聘书');
    await this.page.getByRole('button', { name: '颁发聘书' }).click();
    const dialog = this.page.getByRole('dialog', { name: '颁发聘书' });
    await dialog.getByRole('button', { name: '颁发聘书' }).click();
    await this.page.getByRole('dialog', { name: '确认登记聘书？' }).getByRole('button', { name: '确认' }).click();
    const saved = await saveIssued(this.page, dialog);
    await closeIssueDialog(dialog);
    return saved;
  }

  /** Opens 新增<noun> on the current tab and returns the dialog's form. */
  async startNew(noun: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `新增${noun}` }).click();
    const form = this.page.getByRole('form', { name: `新增${noun}` });
    await form.waitFor();
    return form;
  }

  async save(form: Locator, done: string) {
    await this.page.getByRole('dialog').filter({ has: form }).getByRole('button', { name: '保存' }).click();
    await this.page.getByText(done).first().waitFor();
  }

  table(name: '工作记录' | '咨询建议' | '聘金发放' | '成效评估' | '工作方案/计划') {
    return new LedgerTableObject(this.page, name);
  }

  /** 删除 the advisor, confirmed; the app returns to the roster with an 撤销 notification. */
  async removeAdvisor() {
    await this.page.getByRole('button', { name: '删除' }).first().click();
    await this.page.getByRole('dialog').filter({ hasText: '删除科技顾问' }).getByRole('button', { name: '删除' }).click();
  }

  reminders() {
    return this.page.getByTestId('advisor-reminders');
  }
}
