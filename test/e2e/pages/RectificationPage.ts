import type { Locator, Page } from 'playwright-core';
import { DocumentActionsObject } from './DocumentActionsObject';
import { LedgerTableObject } from './LedgerTableObject';

export interface NewPlan {
  name: string;
  year: number;
  feedbackSource: string;
}

/** 整改台账: the plans list, a plan's items ledger and views, an item's detail. */
export class RectificationPage {
  readonly plans: LedgerTableObject;
  readonly items: LedgerTableObject;

  constructor(readonly page: Page) {
    this.plans = new LedgerTableObject(page, '整改方案');
    this.items = new LedgerTableObject(page, '整改事项');
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/rectification`);
    await this.plans.grid().waitFor();
  }

  /** 新增整改方案; lands on the new plan's items ledger. */
  async createPlan(plan: NewPlan) {
    await this.page.getByRole('button', { name: '新增整改方案' }).click();
    const form = this.page.getByRole('form', { name: '新增整改方案' });
    await form.getByLabel('方案名称').fill(plan.name);
    await form.getByLabel('年度').fill(String(plan.year));
    await form.getByLabel('意见来源').fill(plan.feedbackSource);
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await this.page.getByRole('heading', { name: plan.name }).waitFor();
    await this.items.grid().waitFor();
  }

  async openPlan(name: string) {
    await this.plans.grid().getByRole('row').filter({ hasText: name }).getByRole('button', { name: '打开' }).click();
    await this.items.grid().waitFor();
  }

  pasteDialog(): Locator {
    return this.page.getByRole('dialog', { name: '粘贴导入整改事项' });
  }

  /** Opens 粘贴导入 and pastes `text`; the preview is on screen afterwards, nothing saved yet. */
  async paste(text: string) {
    await this.page.getByRole('button', { name: '粘贴导入' }).click();
    const dialog = this.pasteDialog();
    await dialog.getByLabel('粘贴的表格').fill(text);
  }

  /** The preview's 检查结果 of every row, in order. */
  previewMessages(): Promise<string[]> {
    return this.pasteDialog().getByRole('table').locator('tbody tr.ant-table-row td:last-child').allInnerTexts();
  }

  importButton(): Locator {
    return this.pasteDialog().getByRole('button', { name: /^导入/ });
  }

  /** Ticks the offer to add new 主题/处室 (when shown) and imports; waits for the confirmation. */
  async confirmImport(): Promise<void> {
    const offer = this.pasteDialog().getByRole('checkbox', { name: /将以下名称加入本方案的列表/ });
    if (await offer.count()) await offer.check();
    await this.importButton().click();
    await this.page.getByText(/已导入 \d+ 项整改事项/).first().waitFor();
    await this.pasteDialog().waitFor({ state: 'hidden' });
  }

  async cancelPaste() {
    await this.pasteDialog().getByRole('button', { name: '取消' }).click();
    await this.pasteDialog().waitFor({ state: 'hidden' });
  }

  /** The ledger row of item `seq` in the grid named `grid` (default the whole plan). */
  row(seq: number, grid = this.items): Locator {
    return grid.grid().locator('[role="row"][data-row-id]').filter({ has: this.page.locator('[aria-colindex="1"]', { hasText: new RegExp(`^${seq}$`) }) });
  }

  async rowAction(seq: number, action: '详情' | '修改' | '登记进展' | '删除') {
    await this.row(seq).getByRole('button', { name: action }).click();
  }

  /** 新增整改事项 opened: the form, for the test to fill. */
  async openNewItem(): Promise<Locator> {
    await this.page.getByRole('button', { name: '新增整改事项' }).click();
    return this.page.getByRole('form', { name: '新增整改事项' });
  }

  /** Picks from a NameSelect (主题, 处室), adding `name` when it is not in the plan's list yet. */
  async pickName(form: Locator, label: string, name: string, isNew: boolean) {
    const select = form.getByLabel(label, { exact: true });
    await select.click();
    await select.fill(name);
    const option = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: isNew ? `“${name}”` : name }).first();
    await option.click();
    await this.page.keyboard.press('Escape');
  }

  async saveForm() {
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  }

  /** 修改 of item `seq`: fills the given fields by label and saves. */
  async editItem(seq: number, fields: Record<string, string>) {
    await this.rowAction(seq, '修改');
    const form = this.page.getByRole('form', { name: `修改整改事项（第 ${seq} 项）` });
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await this.page.getByText('整改事项已保存').first().waitFor();
    await form.waitFor({ state: 'hidden' });
  }

  /** 登记进展 from the row: the status, a note and (for 已完成) the completion date. */
  async recordProgress(seq: number, step: { status: '未启动' | '推进中' | '已完成'; note: string; completedDate?: string; expectWarning?: RegExp }) {
    await this.rowAction(seq, '登记进展');
    const form = this.page.getByRole('form', { name: `登记进展（第 ${seq} 项）` });
    await form.getByText(step.status, { exact: true }).click();
    await form.getByLabel('推进情况').fill(step.note);
    if (step.completedDate) {
      const date = form.getByLabel('完成日期');
      await date.fill(step.completedDate);
      await date.press('Enter');
    }
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    if (step.expectWarning) {
      const warning = this.page.getByRole('dialog').filter({ hasText: '请核对以下内容' });
      await warning.getByText(step.expectWarning).waitFor();
      await warning.getByRole('button', { name: '仍然保存' }).click();
    }
    await this.page.getByText('进展已登记').first().waitFor();
    await form.waitFor({ state: 'hidden' });
  }

  async openView(label: RegExp | string) {
    await this.page.getByRole('tab', { name: label }).click();
  }

  tabLabel(prefix: string): Promise<string> {
    return this.page.getByRole('tab', { name: new RegExp(`^${prefix}`) }).innerText();
  }

  /** 整改方案 or 完成情况报告: 预览 / 保存 / 打印 on the plan screen. */
  documents(which: '整改方案' | '整改完成情况报告'): DocumentActionsObject {
    return new DocumentActionsObject(this.page, this.page.getByLabel(`${which}文档`));
  }
}
