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

  attachmentFilter(): Locator {
    return this.root.getByTestId('attachment-filter');
  }

  /** 有/无附件 (附件不限 / 有附件 / 无附件) on the ledger's toolbar. */
  async filterAttachments(option: '附件不限' | '有附件' | '无附件') {
    const select = this.attachmentFilter().getByRole('combobox', { name: '按附件筛选' });
    // Not a list still fading out from the last choice (it holds the same options).
    const choice = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])').getByTitle(option, { exact: true });
    // A drawer or dialog closing just before may take the focus back and shut the list: open it again.
    for (let tries = 1; ; tries++) {
      await select.click();
      try {
        await choice.click({ timeout: 3000 });
        break;
      } catch (error) {
        if (tries === 5) throw error;
      }
    }
    await this.attachmentFilter().getByText(option, { exact: true }).waitFor();
  }

  /** The 附件 choice shown on the toolbar (附件不限 after 清除全部筛选). */
  attachmentChoice(): Promise<string> {
    return this.attachmentFilter().innerText();
  }

  async clearFilters() {
    await this.root.getByTestId('ledger-clear-filters').click();
  }

  /** How many lines the toolbar's controls take (1 when nothing wrapped). */
  toolbarLines(): Promise<number> {
    return this.root.locator('.ledger-table__toolbar').evaluate((bar) => {
      const centres = [...bar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.top + r.height / 2).sort((x, y) => x - y);
      // A new line starts where a control's centre is lower than the previous one's by more than half a control.
      return centres.reduce((lines, y, i) => (i > 0 && y - centres[i - 1] > 16 ? lines + 1 : lines), centres.length > 0 ? 1 : 0);
    });
  }

  /** The text of every row on screen (grid rows with a record). */
  rowTexts(): Promise<string[]> {
    return this.grid().locator('[role="row"][data-row-id]').allInnerTexts();
  }

  /** The names of the links in the rows on screen (e.g. the roster's 姓名 column). */
  async rowLinks(): Promise<string[]> {
    return this.grid().getByRole('link').allInnerTexts();
  }

  async count(): Promise<number> {
    return Number(await this.root.getByTestId('ledger-count').getAttribute('data-count'));
  }
}
