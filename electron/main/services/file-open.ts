/**
 * Opening files for import (Excel, .sclb bundles, backups): an open dialog, then the bytes.
 * The size cap keeps a mis-click on a video from freezing the app while it copies gigabytes
 * through IPC.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, type IpcRequest, type IpcResponse } from '../../../shared/ipc';
import type { OpenDialogLike } from './dialogs';
import type { LastFolderStore } from './last-folder';
import { ServiceError } from './errors';

export interface FileOpenDeps {
  dialog: OpenDialogLike;
  lastFolder: LastFolderStore;
  defaultFolder: string;
  maxBytes?: number;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export async function openFilesWithDialog(
  deps: FileOpenDeps,
  request: IpcRequest<'file:open'>,
): Promise<IpcResponse<'file:open'>> {
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;
  const result = await deps.dialog.showOpenDialog({
    title: '选择文件',
    defaultPath: (await deps.lastFolder.get()) ?? deps.defaultFolder,
    filters: request.filters,
    properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  });
  if (result.canceled || result.filePaths.length === 0) return [];

  // Check every size first so a multi-selection fails before anything is read.
  for (const filePath of result.filePaths) {
    const info = await stat(filePath);
    if (!info.isFile()) throw new ServiceError(`“${path.basename(filePath)}”不是文件`);
    if (info.size > maxBytes) {
      throw new ServiceError(`文件“${path.basename(filePath)}”超过 ${formatMegabytes(maxBytes)}，无法打开`);
    }
  }
  const files = [];
  for (const filePath of result.filePaths) {
    const buffer = await readFile(filePath);
    files.push({
      name: path.basename(filePath),
      bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    });
  }
  await deps.lastFolder.remember(path.dirname(result.filePaths[0]));
  return files;
}
