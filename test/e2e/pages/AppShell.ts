import type { Page } from 'playwright-core';

/** The navigation shell: what a clerk sees around every module. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(baseUrl: string) {
    await this.page.goto(baseUrl);
    await this.page.getByRole('navigation', { name: '模块导航' }).waitFor();
  }

  moduleLabels(): Promise<string[]> {
    return this.page.getByRole('navigation', { name: '模块导航' }).getByRole('menuitem').allInnerTexts();
  }

  async goTo(moduleLabel: string) {
    await this.page.getByRole('navigation', { name: '模块导航' }).getByRole('menuitem', { name: moduleLabel }).click();
    await this.page.locator('.app-header').getByRole('heading', { name: moduleLabel }).waitFor();
  }

  operatorBadge() {
    return this.page.getByTestId('operator-badge');
  }

  async reload() {
    await this.page.reload();
    await this.page.getByRole('navigation', { name: '模块导航' }).waitFor();
  }
}
