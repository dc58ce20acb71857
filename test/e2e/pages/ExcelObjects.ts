import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { LedgerTableObject } from './LedgerTableObject';

export type ExportChoice = 'displayed' | 'all' | 'csv';

/** The Excel menu on any LedgerTable's toolbar: 导出 Excel / 从 Excel 导入. */
export class LedgerExcelObject {
  readonly page: Page;

  constructor(readonly table: LedgerTableObject) {
    this.page = table.page;
  }

  /** Exports and returns the downloaded file (web platform: a download). */
  async export(choice: ExportChoice): Promise<{ name: string; bytes: Uint8Array }> {
    await this.table.root.getByTestId('ledger-excel').click();
    const item = this.page.getByTestId(`ledger-export-${choice}`);
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), item.click()]);
    return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
  }

  /** 导入 Excel with a file; returns the wizard (or a file error shows instead). */
  async chooseFile(path: string): Promise<void> {
    await this.table.root.getByTestId('ledger-excel').click();
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByTestId('ledger-import').click()]);
    await chooser.setFiles(path);
  }

  fileError(): Locator {
    return this.page.getByTestId('excel-import-file-error');
  }

  wizard(): ImportWizardObject {
    return new ImportWizardObject(this.page);
  }
}

/** The import wizard: 选择工作表 → 列对应 → 预览与导入. */
export class ImportWizardObject {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('excel-import-wizard');
  }

  sheetSummary() {
    return this.root.getByTestId('excel-import-sheet-summary');
  }

  async next() {
    await this.page.getByTestId('excel-import-next').click();
    await this.root.getByTestId('excel-import-mapping').waitFor();
  }

  mappingProblems() {
    return this.root.getByTestId('excel-import-mapping-problems');
  }

  /** Sets what column `index` (0 = A) is imported as. */
  async mapColumn(index: number, fieldLabel: string) {
    const select = this.root.getByTestId(`excel-import-map-${index}`);
    await select.click();
    await select.locator('input').fill(fieldLabel);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${fieldLabel}( \\*)?$`) }).first().click();
  }

  previewButton() {
    return this.page.getByTestId('excel-import-preview');
  }

  async preview() {
    await this.previewButton().click();
    await this.root.getByTestId('excel-import-counts').waitFor({ timeout: 30_000 });
  }

  async counts(): Promise<{ ok: number; duplicate: number; error: number }> {
    const counts = this.root.getByTestId('excel-import-counts');
    const n = async (name: string) => Number(await counts.getAttribute(`data-${name}`));
    return { ok: await n('ok'), duplicate: await n('duplicate'), error: await n('error') };
  }

  previewText() {
    return this.root.getByRole('grid', { name: '导入预览' }).innerText();
  }

  importButton() {
    return this.page.getByTestId('excel-import-run');
  }

  async cancel() {
    await this.page.getByRole('dialog').filter({ has: this.root }).getByRole('button', { name: '取消' }).click();
    await this.root.waitFor({ state: 'detached' });
  }
}
