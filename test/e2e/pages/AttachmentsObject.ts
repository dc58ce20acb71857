import type { Locator, Page } from 'playwright-core';

/** The 附件 dialog of one record (AttachmentsButton → AttachmentsPanel). */
export class AttachmentsObject {
  constructor(
    readonly page: Page,
    readonly dialog: Locator,
  ) {}

  /** Opens the 附件 dialog of the row of `grid` whose text matches `rowText`. */
  static async openFor(page: Page, grid: Locator, rowText: string | RegExp): Promise<AttachmentsObject> {
    await grid.getByRole('row').filter({ hasText: rowText }).getByRole('button', { name: /^附件/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '附件：' });
    await dialog.waitFor();
    return new AttachmentsObject(page, dialog);
  }

  list() {
    return this.dialog.getByRole('table', { name: '附件列表' }).or(this.dialog.locator('[aria-label="附件列表"]'));
  }

  row(name: string) {
    return this.dialog.locator('tr').filter({ hasText: name });
  }

  async add(paths: string[]) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.dialog.getByRole('button', { name: '添加附件' }).click()]);
    await chooser.setFiles(paths);
    await this.page.getByText(`已添加 ${paths.length} 个附件`).first().waitFor();
  }

  /** 预览 of one file; returns the preview dialog (closed with closePreview). */
  async preview(name: string): Promise<Locator> {
    await this.row(name).getByRole('button', { name: '预览' }).click();
    const preview = this.page.getByRole('dialog').filter({ hasText: `预览：${name}` });
    await preview.waitFor();
    return preview;
  }

  async closePreview(preview: Locator) {
    await preview.getByRole('button', { name: 'Close' }).or(preview.locator('.ant-modal-close')).first().click();
    await preview.waitFor({ state: 'hidden' });
  }

  async remove(name: string) {
    await this.row(name).getByRole('button', { name: '删除' }).click();
    await this.page.getByRole('dialog').filter({ hasText: '删除附件？' }).getByRole('button', { name: '删除' }).click();
    await this.page.getByText(`已删除附件“${name}”`).first().waitFor();
  }

  async restore(name: string) {
    await this.row(name).getByRole('button', { name: '恢复' }).click();
    await this.page.getByText(`已恢复附件“${name}”`).first().waitFor();
  }

  async close() {
    await this.dialog.locator('.ant-modal-close').first().click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
