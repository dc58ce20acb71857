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

  async count(): Promise<number> {
    return Number(await this.root.getByTestId('ledger-count').getAttribute('data-count'));
  }
}
