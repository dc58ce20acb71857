import type { Page } from 'playwright-core';

/** 设置: organisation names, operator, policy profile, data maintenance, 操作记录. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  /** Goes to 设置 from wherever the clerk is. */
  async open() {
    const heading = this.page.locator('.app-header').getByRole('heading', { name: '设置' });
    if (await heading.isVisible()) return;
    await this.page.getByRole('navigation', { name: '模块导航' }).getByRole('menuitem', { name: '设置' }).click();
    await heading.waitFor();
  }

  async openTab(label: '单位信息' | '操作员' | '政策配置' | '数据维护' | '操作记录' | '聘书' | '聘书登记' | '厅市会商' | '合作协议书') {
    await this.open();
    await this.page.getByRole('tab', { name: label, exact: true }).click();
  }

  async setOrganisation(fields: { government?: string; department?: string; committeeOffice?: string }) {
    await this.openTab('单位信息');
    const form = this.page.getByRole('form', { name: '单位信息' });
    if (fields.government !== undefined) await form.getByLabel('人民政府（聘书落款）').fill(fields.government);
    if (fields.department !== undefined) await form.getByLabel('科技厅（局）').fill(fields.department);
    if (fields.committeeOffice !== undefined) await form.getByLabel('科技委员会办公室').fill(fields.committeeOffice);
    await form.getByRole('button', { name: '保存单位信息' }).click();
  }

  organisationValue(label: string) {
    return this.page.getByRole('form', { name: '单位信息' }).getByLabel(label).inputValue();
  }

  async setOperator(name: string) {
    await this.openTab('操作员');
    const form = this.page.getByRole('form', { name: '操作员' });
    await form.getByLabel('操作员姓名').fill(name);
    await form.getByRole('button', { name: '保存操作员' }).click();
  }

  policyInput(label: string) {
    return this.page.getByRole('form', { name: '政策配置' }).getByRole('spinbutton', { name: label, exact: true });
  }

  async setPolicyNumber(label: string, value: number) {
    await this.openTab('政策配置');
    const input = this.policyInput(label);
    await input.fill(String(value));
    await input.press('Tab');
  }

  async savePolicy() {
    await this.page.getByRole('button', { name: '保存政策配置' }).click();
  }

  async loadPreset(presetName: string) {
    await this.openTab('政策配置');
    await this.page.getByRole('combobox', { name: '载入预设' }).click();
    await this.page.getByTitle(`载入预设：${presetName}`).click();
    await this.page.getByRole('dialog').getByRole('button', { name: '载入' }).click();
  }

  async loadSampleData() {
    await this.openTab('数据维护');
    await this.page.getByRole('button', { name: '载入示例数据' }).click();
    const confirm = this.page.getByRole('dialog').filter({ has: this.page.getByRole('button', { name: '载入' }) });
    await confirm.getByRole('button', { name: '载入' }).click();
    await this.page.getByText(/已载入示例数据 \d+ 条/).waitFor();
    // The confirmation fades out over the page; a click at once would land on its overlay.
    await confirm.waitFor({ state: 'detached' });
  }

  async clearAll(confirmation = '清空') {
    await this.openTab('数据维护');
    await this.page.getByRole('button', { name: '清空' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('确认清空').fill(confirmation);
    await dialog.getByRole('button', { name: '清空' }).click();
  }

  /** 设置 → 合作协议书: the form, and one variant's clause list (the one on show). */
  agreementForm() {
    return this.page.getByRole('form', { name: '合作协议书条款设置' });
  }

  agreementClauseText(n: number, variant = '自治区版（企业科技特派员）') {
    return this.agreementForm().getByRole('group', { name: variant }).getByLabel(`第${n}条文字`, { exact: true });
  }

  /** Replaces clause n's text of the variant on show and saves. */
  async editAgreementClause(n: number, text: string) {
    await this.openTab('合作协议书');
    await this.agreementClauseText(n).fill(text);
    await this.agreementForm().getByRole('button', { name: '保存', exact: true }).click();
  }

  async resetAgreementClauses() {
    await this.openTab('合作协议书');
    await this.agreementForm().getByRole('button', { name: '恢复默认条款' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
    await this.agreementForm().getByRole('button', { name: '保存', exact: true }).click();
  }

  ledgerTotal() {
    return this.page.getByTestId('ledger-counts').locator('.ant-descriptions-title').innerText();
  }
}
