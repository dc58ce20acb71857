/**
 * 保存: the user picks the destination in a save dialog; we write exactly there, atomically.
 * The renderer never names a path, only a suggested file name.
 */
import path from 'node:path';
import type { IpcResponse } from '../../../shared/ipc';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import type { DialogFileFilter, SaveDialogLike } from './dialogs';
import { sanitizeFileName } from './file-names';
import type { LastFolderStore } from './last-folder';
import { ServiceError } from './errors';

export interface FileSaveDeps {
  dialog: SaveDialogLike;
  lastFolder: LastFolderStore;
  /** Where the first dialog starts, before any folder was remembered (文档). */
  defaultFolder: string;
  writeFile?: AtomicWriter;
}

export interface SaveBytesRequest {
  suggestedName: string;
  bytes: Uint8Array;
  filters?: DialogFileFilter[];
  title?: string;
}

export type SaveFileResult = IpcResponse<'file:save'>;

export async function saveFileWithDialog(deps: FileSaveDeps, request: SaveBytesRequest): Promise<SaveFileResult> {
  const startFolder = (await deps.lastFolder.get()) ?? deps.defaultFolder;
  const result = await deps.dialog.showSaveDialog({
    title: request.title ?? '保存文件',
    defaultPath: path.join(startFolder, sanitizeFileName(request.suggestedName)),
    filters: request.filters,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (result.canceled || !result.filePath) return { saved: false };

  const target = result.filePath;
  try {
    await (deps.writeFile ?? writeFileAtomic)(target, request.bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceError(`无法保存到“${target}”（原文件未改动）：${reason}`);
  }
  await deps.lastFolder.remember(path.dirname(target));
  return { saved: true, path: target };
}
