import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** 预览 / 保存 / 打印 of one generated document, inside `scope`. */
export class DocumentActionsObject {
  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {}

  async preview(): Promise<Locator> {
    await this.scope.getByRole('button', { name: '预览' }).click();
    const preview = this.page.getByTestId('document-preview');
    await preview.locator('section').first().waitFor({ timeout: 30_000 });
    return preview;
  }

  async closePreview() {
    await this.page.getByRole('dialog').getByRole('button', { name: 'Close' }).or(this.page.getByRole('dialog').getByLabel('Close')).first().click();
  }

  /** 保存 in the web platform downloads the file: returns its name and bytes. */
  async save(): Promise<{ name: string; bytes: Uint8Array }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.scope.getByRole('button', { name: '保存' }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
  }
}
