/**
 * Opening files for import (Excel, .sclb bundles, backups): an open dialog, then the bytes.
 * The size cap keeps a mis-click on a video from freezing the app while it copies gigabytes
 * through IPC.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, type IpcRequest, type IpcResponse } from '../../../shared/ipc';
import type { OpenDialogLike, OpenDialogOptionsLike } from './dialogs';
import type { LastFolderStore } from './last-folder';
import { ServiceError } from './errors';
import type { OpenedForReading } from './file-handles';
import { openRegularFile, readRegularFile, type SafeReadResult } from './safe-read';

export interface FileOpenDeps {
  dialog: OpenDialogLike;
  lastFolder: LastFolderStore;
  defaultFolder: string;
  maxBytes?: number;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** The open dialog, in the folder the clerk last opened from. */
async function showOpen(deps: FileOpenDeps, options: Pick<OpenDialogOptionsLike, 'filters' | 'properties'>): ReturnType<OpenDialogLike['showOpenDialog']> {
  return deps.dialog.showOpenDialog({
    title: '选择文件',
    defaultPath: (await deps.lastFolder.get()) ?? deps.defaultFolder,
    ...options,
  });
}

/** Why the picked file `name` cannot be opened, in the clerk's words. */
function refusal(name: string, failed: Exclude<SafeReadResult, { kind: 'ok' }>, maxBytes: number): ServiceError {
  switch (failed.kind) {
    case 'too-large':
      return new ServiceError(`文件“${name}”超过 ${formatMegabytes(maxBytes)}，无法打开`);
    case 'not-regular':
      return new ServiceError(`“${name}”不是文件`);
    case 'missing':
      return new ServiceError(`找不到文件“${name}”`);
    default:
      return new ServiceError(`无法读取“${name}”：${failed.detail}`);
  }
}

export async function openFilesWithDialog(
  deps: FileOpenDeps,
  request: IpcRequest<'file:open'>,
): Promise<IpcResponse<'file:open'>> {
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;
  const result = await showOpen(deps, { filters: request.filters, properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
  if (result.canceled || result.filePaths.length === 0) return [];

  // The clerk picked these paths, so a link they picked is resolved once. Every size is
  // checked first so a multi-selection fails before anything is read; each file is then
  // opened once and read to at most the cap (it may be growing, or be swapped meanwhile).
  const resolved: { name: string; real: string }[] = [];
  for (const filePath of result.filePaths) {
    const name = path.basename(filePath);
    let real: string;
    let info;
    try {
      real = await realpath(filePath);
      info = await lstat(real);
    } catch {
      throw refusal(name, { kind: 'missing' }, maxBytes);
    }
    if (!info.isFile()) throw refusal(name, { kind: 'not-regular' }, maxBytes);
    if (info.size > maxBytes) throw refusal(name, { kind: 'too-large', size: info.size }, maxBytes);
    resolved.push({ name, real });
  }
  const files = [];
  for (const { name, real } of resolved) {
    const read = await readRegularFile(real, maxBytes);
    if (read.kind !== 'ok') throw refusal(name, read, maxBytes);
    files.push({ name, bytes: read.bytes });
  }
  await deps.lastFolder.remember(path.dirname(result.filePaths[0]));
  return files;
}

/**
 * 数据交换 导入 (issue 10): an open dialog for one file, which is opened — not read — so that the
 * page can read it in ranges through file-handles.ts. The caller owns the open file. null when
 * the clerk cancelled.
 */
export async function pickFileForReading(
  deps: FileOpenDeps,
  request: IpcRequest<'file:pick'>,
): Promise<OpenedForReading | null> {
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;
  const result = await showOpen(deps, { filters: request.filters, properties: ['openFile'] });
  const picked = result.filePaths[0];
  if (result.canceled || !picked) return null;
  const name = path.basename(picked);
  // The clerk picked this path, so a link they picked is resolved once; the file behind it is
  // then opened without following links and checked on the open handle (safe-read.ts).
  let real: string;
  try {
    real = await realpath(picked);
  } catch {
    throw refusal(name, { kind: 'missing' }, maxBytes);
  }
  const opened = await openRegularFile(real, maxBytes);
  if (opened.kind !== 'ok') throw refusal(name, opened, maxBytes);
  await deps.lastFolder.remember(path.dirname(picked));
  return { handle: opened.handle, info: opened.info, name };
}
