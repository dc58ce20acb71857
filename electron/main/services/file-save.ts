/**
 * 保存: the user picks the destination in a save dialog; we write exactly there, atomically.
 * The renderer never names a path, only a suggested file name — and only of a type the app
 * writes: the dialog's filters, the name and the bytes are checked against document-types.ts
 * (no "*" filter, no "报告.hta", no executable saved as "报告.docx").
 */
import path from 'node:path';
import type { IpcResponse } from '../../../shared/ipc';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import type { DialogFileFilter, SaveDialogLike } from './dialogs';
import { type DocumentKind, documentKindOf, documentTypes, isDocumentKind, nameWithKind, requireDocumentBytes } from './document-types';
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

/** Every kind the app saves; a new export type is added to document-types.ts first. */
export const SAVABLE_KINDS: readonly DocumentKind[] = ['docx', 'xlsx', 'pdf', 'sclb'];

/** The kinds the dialog may offer: the filters' extensions, each one the app writes. */
function offeredKinds(request: SaveBytesRequest): DocumentKind[] {
  if (!request.filters || request.filters.length === 0) return [documentKindOf(request.suggestedName, SAVABLE_KINDS)];
  const kinds = request.filters.flatMap((filter) => filter.extensions.map((extension) => extension.toLowerCase()));
  for (const extension of kinds) {
    if (!isDocumentKind(extension) || !SAVABLE_KINDS.includes(extension)) {
      throw new ServiceError(`不能按“${extension === '*' ? '所有文件' : `.${extension}`}”类型保存：只允许 ${SAVABLE_KINDS.map((k) => `.${k}`).join('、')} 文件`);
    }
  }
  return [...new Set(kinds as DocumentKind[])];
}

/** The user may type any name in the dialog; a name outside the offered kinds gets the kind added. */
function targetWithKind(filePath: string, kinds: readonly DocumentKind[], kind: DocumentKind): { target: string; kind: DocumentKind } {
  const extension = path.extname(filePath).slice(1).toLowerCase();
  if (isDocumentKind(extension) && kinds.includes(extension)) return { target: filePath, kind: extension };
  return { target: `${filePath.replace(/[.\s]+$/, '')}.${kind}`, kind };
}

export async function saveFileWithDialog(deps: FileSaveDeps, request: SaveBytesRequest): Promise<SaveFileResult> {
  const kinds = offeredKinds(request);
  const claimed = path.extname(request.suggestedName.replace(/[.\s]+$/, '')).slice(1).toLowerCase();
  const kind = kinds.find((k) => k === claimed) ?? kinds[0];
  // Checked before the dialog opens: a refused save never shows the clerk a dialog.
  requireDocumentBytes(kind, request.bytes);
  const startFolder = (await deps.lastFolder.get()) ?? deps.defaultFolder;
  const result = await deps.dialog.showSaveDialog({
    title: request.title ?? '保存文件',
    defaultPath: path.join(startFolder, nameWithKind(request.suggestedName, kind)),
    filters: request.filters ?? [{ name: documentTypes[kind].label, extensions: [kind] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (result.canceled || !result.filePath) return { saved: false };

  const chosen = targetWithKind(result.filePath, kinds, kind);
  const target = chosen.target;
  requireDocumentBytes(chosen.kind, request.bytes);
  try {
    await (deps.writeFile ?? writeFileAtomic)(target, request.bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceError(`无法保存到“${target}”（原文件未改动）：${reason}`);
  }
  await deps.lastFolder.remember(path.dirname(target));
  return { saved: true, path: target };
}
