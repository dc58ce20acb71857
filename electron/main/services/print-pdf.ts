/**
 * Prints what the clerk currently sees to a PDF of their choosing. Printing happens before
 * the dialog opens so the captured view is exactly the one the button was pressed on.
 */
import { type FileSaveDeps, saveFileWithDialog } from './file-save';
import type { IpcResponse } from '../../../shared/ipc';
import { withExtension } from './file-names';

export interface PrintableContents {
  printToPDF(options: { printBackground: boolean; pageSize: 'A4'; landscape: boolean }): Promise<Uint8Array>;
}

export async function printViewToPdf(
  deps: FileSaveDeps,
  contents: PrintableContents,
  suggestedName: string,
): Promise<IpcResponse<'window:printToPdf'>> {
  const pdf = await contents.printToPDF({ printBackground: true, pageSize: 'A4', landscape: false });
  return saveFileWithDialog(deps, {
    suggestedName: withExtension(suggestedName, 'pdf'),
    bytes: pdf,
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    title: '导出为 PDF',
  });
}
