/**
 * 附件 打开 and 另存为 (issue 11). An attachment came from anywhere (a scan, a photo, another
 * office's bundle), so its name and bytes are untrusted:
 *  - only kinds on ATTACHMENT_EXTENSIONS (documents, images, archives) are ever written — never
 *    a program or script, whatever the bytes are; PDF and Office files must also be what their
 *    extension says (document-types.ts);
 *  - the name is a name only (sanitizeFileName: no separators, no reserved names) and its
 *    extension is re-applied by us, so "凭证.pdf .exe" or "..\\x" cannot escape or change kind;
 *  - 打开 writes a TEMP COPY in its own new folder (never the stored original, never a path the
 *    renderer names), marks it as from elsewhere (Protected View in Office/WPS), then hands it to
 *    the OS default program.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { IpcResponse } from '../../../shared/ipc';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import type { SaveDialogLike } from './dialogs';
import { documentTypes, isDocumentKind, requireDocumentBytes } from './document-types';
import { ServiceError } from './errors';
import { DEFAULT_FILE_NAME, sanitizeFileName } from './file-names';
import type { LastFolderStore } from './last-folder';
import { type ShellLike, writeZoneIdentifier } from './open-document';

/** Kinds an attachment may be written as. Nothing executable or scriptable (.exe .js .hta .lnk .svg .html …). */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'PDF 文件',
  ofd: 'OFD 版式文件',
  doc: 'Word 文档',
  docx: 'Word 文档',
  wps: 'WPS 文字',
  xls: 'Excel 表格',
  xlsx: 'Excel 表格',
  et: 'WPS 表格',
  ppt: '演示文稿',
  pptx: '演示文稿',
  dps: 'WPS 演示',
  txt: '文本文件',
  csv: 'CSV 表格',
  jpg: '图片',
  jpeg: '图片',
  png: '图片',
  gif: '图片',
  bmp: '图片',
  webp: '图片',
  tif: '图片',
  tiff: '图片',
  zip: '压缩包',
  rar: '压缩包',
  '7z': '压缩包',
};

export const ATTACHMENT_TEMP_FOLDER = 'SciLedger-附件';

export interface AttachmentFileRequest {
  name: string;
  bytes: Uint8Array;
}

/** The safe file name and its extension, or a refusal naming the kind. */
export function attachmentFileName(name: string, bytes: Uint8Array): { fileName: string; extension: string } {
  // Only the last segment of whatever path the name came with, then Windows' rules.
  const clean = sanitizeFileName((name.split(/[\\/]/).pop() ?? '').replace(/[.\s]+$/, ''));
  const extension = path.extname(clean).slice(1).toLowerCase();
  if (!Object.hasOwn(ATTACHMENT_EXTENSIONS, extension)) {
    const shown = extension ? `“.${extension}”` : '没有扩展名的';
    throw new ServiceError(`出于安全考虑，不能直接打开或保存${shown}附件（只允许文档、图片和压缩包），未写入任何文件`);
  }
  // Office and PDF files must be what they claim: an executable renamed 凭证.docx is refused.
  if (isDocumentKind(extension)) requireDocumentBytes(extension, bytes);
  const stem = clean.slice(0, -(extension.length + 1)).replace(/[. ]+$/, '') || DEFAULT_FILE_NAME;
  return { fileName: `${stem}.${extension}`, extension };
}

export interface OpenAttachmentDeps {
  /** os.tmpdir() */
  tempDir: string;
  shell: ShellLike;
  writeFile?: AtomicWriter;
  markFromElsewhere?: (filePath: string) => Promise<void>;
}

export async function openAttachment(deps: OpenAttachmentDeps, request: AttachmentFileRequest): Promise<IpcResponse<'attachment:open'>> {
  const { fileName } = attachmentFileName(request.name, request.bytes);
  // A new folder per opening: the copy never overwrites one still open in Word, and the
  // program sees the attachment's own name.
  const folder = path.join(deps.tempDir, ATTACHMENT_TEMP_FOLDER, randomUUID());
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, fileName);
  await (deps.writeFile ?? writeFileAtomic)(target, request.bytes);
  try {
    await (deps.markFromElsewhere ?? writeZoneIdentifier)(target);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { path: target, opened: false, message: `附件副本已写到“${target}”，但未能标记为外来文件（${reason}），为安全起见未自动打开。` };
  }
  let failure: string;
  try {
    failure = await deps.shell.openPath(target);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure === '') return { path: target, opened: true };
  return { path: target, opened: false, message: `附件副本已写到“${target}”，但没有能打开此类文件的程序（${failure}）。` };
}

export interface SaveAttachmentDeps {
  dialog: SaveDialogLike;
  lastFolder: LastFolderStore;
  defaultFolder: string;
  writeFile?: AtomicWriter;
}

/** 另存为: a save dialog offering the attachment's own kind; the chosen path keeps that kind. */
export async function saveAttachmentWithDialog(deps: SaveAttachmentDeps, request: AttachmentFileRequest): Promise<IpcResponse<'attachment:saveAs'>> {
  const { fileName, extension } = attachmentFileName(request.name, request.bytes);
  const startFolder = (await deps.lastFolder.get()) ?? deps.defaultFolder;
  const label = isDocumentKind(extension) ? documentTypes[extension].label : ATTACHMENT_EXTENSIONS[extension];
  const result = await deps.dialog.showSaveDialog({
    title: '附件另存为',
    defaultPath: path.join(startFolder, fileName),
    filters: [{ name: label, extensions: [extension] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  const chosen = result.filePath.replace(/[.\s]+$/, '');
  const target = path.extname(chosen).slice(1).toLowerCase() === extension ? chosen : `${chosen}.${extension}`;
  try {
    await (deps.writeFile ?? writeFileAtomic)(target, request.bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceError(`无法保存到“${target}”（原文件未改动）：${reason}`);
  }
  await deps.lastFolder.remember(path.dirname(target));
  return { saved: true, path: target };
}
