import type { Locator, Page } from 'playwright-core';
import { DocumentActionsObject } from './DocumentActionsObject';

export type RoundTab = '会商程序' | '会商议题' | '推进台账' | '绩效评估' | '文档';

/** 厅市会商 (#/consultations): the city list, the rounds, one round's tabs and dialogs. */
export class ConsultationsPage {
  constructor(readonly page: Page) {}

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async choose(scope: Locator, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
  }

  /** Types a date into an antd DatePicker (YYYY-MM-DD) and commits it without submitting the form. */
  async fillDate(scope: Locator, label: string, date: string) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.blur();
    await this.page.keyboard.press('Tab');
  }

  /** Opens 新增会商 and fills city, year and kind (not saved). */
  async proposeRound(fields: { city: string; year: number; kind: '重点会商' | '一般会商' }): Promise<Locator> {
    await this.page.getByRole('button', { name: '新增会商' }).click();
    const dialog = this.dialog('新增会商');
    await dialog.waitFor();
    await this.choose(dialog, '设区市', fields.city);
    await dialog.getByLabel('会商年度', { exact: true }).fill(String(fields.year));
    await this.choose(dialog, '会商类别', fields.kind);
    return dialog;
  }

  /** The live rule check inside a scope (dialog or page). */
  ruleCheck(scope: Locator): Locator {
    return scope.getByLabel('规则检查');
  }

  async save(dialog: Locator) {
    await dialog.getByRole('button', { name: '保存' }).click();
  }

  async cancelDiscarding(dialog: Locator) {
    await dialog.getByRole('button', { name: '取消' }).click();
    const confirm = this.page.getByRole('button', { name: '放弃修改' });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
  }

  roundTitle(): Locator {
    return this.page.getByLabel('会商名称');
  }

  async openTab(tab: RoundTab) {
    await this.page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  }

  async openTopicDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: '新增议题' }).click();
    const dialog = this.dialog('新增议题');
    await dialog.waitFor();
    return dialog;
  }

  async fillTopic(dialog: Locator, fields: { domain: string; title: string; funding: number }) {
    await dialog.getByRole('combobox', { name: '领域' }).fill(fields.domain);
    await dialog.getByLabel('议题名称', { exact: true }).fill(fields.title);
    const funding = dialog.getByLabel('项目资金', { exact: true });
    await funding.fill(String(fields.funding));
    await funding.blur();
  }

  /** 从 Excel 导入… on the 会商议题 tab with a file (the import wizard opens, or a file error). */
  async chooseTopicsFile(path: string): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByTestId('topics-import').click()]);
    await chooser.setFiles(path);
  }

  topicsTable(): Locator {
    return this.page.getByRole('table').filter({ has: this.page.getByRole('columnheader', { name: '市责任部门' }) });
  }

  /** 会商程序: the meeting and signing dates with the two signers, saved. */
  async sign(date: string, signers: { department: string; city: string }) {
    await this.openTab('会商程序');
    const form = this.page.getByRole('form', { name: '会商程序' });
    await this.fillDate(form, '会议召开日期', date);
    await this.fillDate(form, '签署日期', date);
    await form.getByLabel('科技厅签署人', { exact: true }).fill(signers.department);
    await form.getByLabel('市签署人', { exact: true }).fill(signers.city);
    await form.getByRole('button', { name: '保存' }).click();
  }

  protocolActions(): DocumentActionsObject {
    return new DocumentActionsObject(this.page, this.page.getByLabel('议定书'));
  }

  /** 设置 → 厅市会商: replaces one section's wording and saves; returns the form for its messages. */
  async editWording(section: string, text: string): Promise<Locator> {
    const form = this.page.getByRole('form', { name: '厅市会商设置' });
    await form.waitFor();
    await form.getByLabel(`${section}文字`, { exact: true }).fill(text);
    await form.getByRole('button', { name: '保存', exact: true }).click();
    return form;
  }

  async chooseQuarter(label: string) {
    await this.choose(this.page.locator('body'), '台账季度', label);
  }

  progressTable(): Locator {
    return this.page.getByRole('table').filter({ has: this.page.getByRole('columnheader', { name: '推进情况' }) });
  }

  async recordProgress(topicSeq: number, text: string) {
    await this.page.getByRole('button', { name: `登记议题${topicSeq}推进情况` }).click();
    const dialog = this.dialog('登记推进情况');
    await dialog.waitFor();
    await dialog.getByLabel('推进情况', { exact: true }).fill(text);
    await this.save(dialog);
    await dialog.waitFor({ state: 'hidden' });
  }
}
