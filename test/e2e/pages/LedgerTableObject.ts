import type { Locator, Page } from 'playwright-core';

/** Any LedgerTable on screen, found by its accessible name (ariaLabel). */
export class LedgerTableObject {
  readonly root: Locator;

  constructor(readonly page: Page, name: string) {
    this.root = page.locator('[data-testid="ledger-table"]', { has: page.getByRole('grid', { name }) });
  }

  grid() {
    return this.root.getByRole('grid');
  }

  async search(text: string) {
    await this.root.getByRole('searchbox', { name: '快速搜索' }).or(this.root.getByRole('textbox', { name: '快速搜索' })).first().fill(text);
  }

  /** 有/无附件 (附件不限 / 有附件 / 无附件) of a paged roster (on its toolbar or above it). */
  async filterAttachments(option: '附件不限' | '有附件' | '无附件') {
    await this.page.getByRole('combobox', { name: '按附件筛选' }).click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
  }

  /** The names of the links in the rows on screen (e.g. the roster's 姓名 column). */
  async rowLinks(): Promise<string[]> {
    return this.grid().getByRole('link').allInnerTexts();
  }

  async count(): Promise<number> {
    return Number(await this.root.getByTestId('ledger-count').getAttribute('data-count'));
  }
}
