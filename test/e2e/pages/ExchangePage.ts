import type { Page } from 'playwright-core';
import { LedgerTableObject } from './LedgerTableObject';

/** A file of the sync folder: its path under the folder and its bytes (base64, to cross evaluate). */
export interface SyncFolderFile {
  path: string[];
  base64: string;
}

// The slice of the File System Access API used on the origin-private folder (no DOM types here).
interface OpfsFile {
  kind: 'file';
  getFile(): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void> }>;
}
interface OpfsDir {
  kind: 'directory';
  entries(): AsyncIterable<[string, OpfsDir | OpfsFile]>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<OpfsDir>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<OpfsFile>;
}
type OpfsGlobal = { navigator: { storage: { getDirectory(): Promise<OpfsDir> } } };

/** The folder web-sync-folder.ts uses under the E2E hook `__sciledgerSyncFolderRoot = 'opfs'`. */
const SYNC_ROOT = 'sciledger-sync';

export type ExchangeTab = '同步' | '导入/导出' | '冲突' | '备份与恢复';

/** 数据交换: machine name, bundle files in and out, conflicts, backups. */
export class ExchangePage {
  constructor(readonly page: Page) {}

  async open(tab: ExchangeTab = '同步') {
    const heading = this.page.locator('.app-header').getByRole('heading', { name: '数据交换' });
    if (!(await heading.isVisible())) {
      await this.page.getByRole('navigation', { name: '模块导航' }).getByRole('menuitem', { name: '数据交换' }).click();
      await heading.waitFor();
    }
    await this.page.getByRole('tab', { name: new RegExp(`^${tab.replace('/', '\\/')}`) }).click();
  }

  async setMachineName(name: string) {
    await this.open('同步');
    const form = this.page.getByRole('form', { name: '本机名称' });
    await form.getByRole('textbox', { name: '本机名称' }).fill(name);
    await form.getByRole('button', { name: '保存名称' }).click();
    await this.page.getByText('本机名称已保存').first().waitFor();
  }

  /** 选择同步文件夹 (E2E: the origin-private folder, see web-sync-folder.ts); returns its label. */
  async chooseSyncFolder(): Promise<string> {
    await this.open('同步');
    await this.page.getByRole('button', { name: /选择同步文件夹|更换文件夹/ }).click();
    const label = this.page.getByTestId('sync-folder');
    await label.waitFor();
    return label.innerText();
  }

  /** Presses 同步 and waits for the summary; returns its text. */
  async sync(): Promise<string> {
    await this.open('同步');
    await this.page.getByRole('button', { name: /同步$/ }).click();
    const summary = this.page.getByTestId('sync-summary');
    await summary.waitFor({ timeout: 30_000 });
    return summary.innerText();
  }

  /** 导出更新包 for `machine` (default: 任意电脑 = everything); saves the download to `path`. */
  async exportUpdate(path: string, machine?: string) {
    await this.open('导入/导出');
    if (machine) {
      await this.page.getByRole('combobox', { name: '导出给' }).click();
      await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText(machine, { exact: false }).click();
    }
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: '导出更新包' }).click()]);
    await download.saveAs(path);
    return download.suggestedFilename();
  }

  /** 导入数据包 → the file chooser → the preview card (not yet imported). */
  async chooseBundle(path: string) {
    await this.open('导入/导出');
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByRole('button', { name: '导入数据包' }).click()]);
    await chooser.setFiles(path);
  }

  preview() {
    return this.page.getByTestId('import-preview');
  }

  importError() {
    return this.page.getByTestId('import-error');
  }

  /** Imports a bundle file through preview and 确认导入; returns the result panel's text. */
  async importBundle(path: string): Promise<{ preview: string; result: string }> {
    await this.chooseBundle(path);
    await this.preview().waitFor();
    const preview = await this.preview().innerText();
    await this.preview().getByRole('button', { name: '确认导入' }).click();
    const result = this.page.getByTestId('import-result');
    await result.waitFor();
    return { preview, result: await result.innerText() };
  }

  /** Web: 下载备份 (a full bundle) saved to `path`. */
  async downloadBackup(path: string) {
    await this.open('备份与恢复');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: '下载备份' }).click()]);
    await download.saveAs(path);
  }

  /** 从文件恢复… → the preview dialog (not yet restored). */
  async startRestoreFromFile(path: string) {
    await this.open('备份与恢复');
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByRole('button', { name: '从文件恢复…' }).click()]);
    await chooser.setFiles(path);
    const dialog = this.page.getByRole('dialog', { name: '恢复数据' });
    await dialog.waitFor();
    return dialog;
  }

  conflicts() {
    return new LedgerTableObject(this.page, '待处理冲突');
  }

  resolvedConflicts() {
    return new LedgerTableObject(this.page, '已处理的冲突');
  }

  /** Number of open conflicts as told by the 冲突 tab's label (0 when it shows no number). */
  /** 备份与恢复 → 交换设置 (per machine). */
  async setDeleteSharePercent(percent: number) {
    await this.open('备份与恢复');
    const form = this.page.getByRole('form', { name: '交换设置' });
    await form.getByLabel('删除提醒比例').fill(String(percent));
    await form.getByRole('button', { name: '保存' }).click();
    await this.page.getByText('交换设置已保存').waitFor();
  }

  deleteSharePercent() {
    return this.page.getByRole('form', { name: '交换设置' }).getByLabel('删除提醒比例').inputValue();
  }

  async openConflictCount(): Promise<number> {
    const label = await this.page.getByRole('tab', { name: /^冲突/ }).innerText();
    return Number(/\((\d+)\)/.exec(label)?.[1] ?? 0);
  }

  async resolveFirst(action: '保留本机' | '采用对方') {
    await this.open('冲突');
    await this.conflicts().grid().getByRole('button', { name: action }).first().click();
  }

  async showResolved() {
    await this.page.getByRole('button', { name: /已处理的冲突/ }).click();
  }

  /** Every file of this machine's (origin-private) sync folder. */
  readSyncFolder(): Promise<SyncFolderFile[]> {
    return this.page.evaluate(async (rootName) => {
      const out: { path: string[]; base64: string }[] = [];
      const walk = async (dir: OpfsDir, path: string[]) => {
        for await (const [name, handle] of dir.entries()) {
          if (handle.kind === 'directory') await walk(handle, [...path, name]);
          else {
            const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
            let binary = '';
            for (const b of bytes) binary += String.fromCharCode(b);
            out.push({ path: [...path, name], base64: btoa(binary) });
          }
        }
      };
      const opfs = await (globalThis as unknown as OpfsGlobal).navigator.storage.getDirectory();
      await walk(await opfs.getDirectoryHandle(rootName, { create: true }), []);
      return out;
    }, SYNC_ROOT);
  }

  /** Copies files into this machine's sync folder, as a clerk copying a USB stick would. */
  async writeSyncFolder(files: SyncFolderFile[]) {
    await this.page.evaluate(
      async ({ rootName, list }) => {
        const opfs = await (globalThis as unknown as OpfsGlobal).navigator.storage.getDirectory();
        for (const f of list) {
          let dir = await opfs.getDirectoryHandle(rootName, { create: true });
          for (const part of f.path.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
          const writable = await (await dir.getFileHandle(f.path[f.path.length - 1], { create: true })).createWritable();
          await writable.write(Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)));
          await writable.close();
        }
      },
      { rootName: SYNC_ROOT, list: files },
    );
  }
}
