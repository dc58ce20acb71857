/**
 * 打印: the clerk wants the document in Word/WPS now, not a save dialog. It is written into
 * 文档/SciLedger (never overwriting an earlier one) and handed to the default application.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { IpcRequest, IpcResponse } from '../../../shared/ipc';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import { sanitizeFileName, uniqueFilePath } from './file-names';

export const DOCUMENTS_SUBFOLDER = 'SciLedger';

export interface ShellLike {
  /** Resolves to '' on success, otherwise an error message (Electron's shell.openPath). */
  openPath(filePath: string): Promise<string>;
}

export interface OpenDocumentDeps {
  /** The user's documents folder (app.getPath('documents')). */
  documentsDir: string;
  shell: ShellLike;
  writeFile?: AtomicWriter;
}

export async function openDocument(
  deps: OpenDocumentDeps,
  request: Pick<IpcRequest<'file:openDocument'>, 'suggestedName' | 'bytes'>,
): Promise<IpcResponse<'file:openDocument'>> {
  const folder = path.join(deps.documentsDir, DOCUMENTS_SUBFOLDER);
  await mkdir(folder, { recursive: true });
  const target = await uniqueFilePath(folder, sanitizeFileName(request.suggestedName));
  await (deps.writeFile ?? writeFileAtomic)(target, request.bytes);

  let failure: string;
  try {
    failure = await deps.shell.openPath(target);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure === '') return { path: target, opened: true };
  return {
    path: target,
    opened: false,
    message: `文件已保存到“${target}”，但未能用默认程序打开（${failure}）。请确认已安装 WPS 或 Microsoft Word。`,
  };
}
