/**
 * 打印: the clerk wants the document in Word/WPS now, not a save dialog. It is written into
 * 文档/SciLedger (never overwriting an earlier one) and handed to the default application.
 *
 * shell.openPath launches whatever the extension is associated with, so this is the one place
 * where renderer bytes could become a running program. Only .docx/.xlsx/.pdf whose bytes are
 * what the extension says are written and opened; the extension is forced here, never taken
 * from the renderer as is. Files that came from another machine (附件) are also marked as
 * downloaded from elsewhere, so Word/WPS open them in Protected View.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IpcResponse } from '../../../shared/ipc';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import { type DocumentKind, documentKindOf, nameWithKind, requireDocumentBytes } from './document-types';
import { uniqueFilePath } from './file-names';

export const DOCUMENTS_SUBFOLDER = 'SciLedger';

/** The only kinds ever handed to the default application. */
export const OPENABLE_KINDS: readonly DocumentKind[] = ['docx', 'xlsx', 'pdf'];

/** Built by this app (打印) or received from another machine (附件 in a bundle). */
export type DocumentOrigin = 'app' | 'elsewhere';

export interface ShellLike {
  /** Resolves to '' on success, otherwise an error message (Electron's shell.openPath). */
  openPath(filePath: string): Promise<string>;
}

export interface OpenDocumentDeps {
  /** The user's documents folder (app.getPath('documents')). */
  documentsDir: string;
  shell: ShellLike;
  writeFile?: AtomicWriter;
  /** Marks a written file as from elsewhere; defaults to the Windows Zone.Identifier stream. */
  markFromElsewhere?: (filePath: string) => Promise<void>;
}

export interface OpenDocumentRequest {
  suggestedName: string;
  bytes: Uint8Array;
  /** Who made the bytes; set by the main-process channel, never by the renderer. */
  origin?: DocumentOrigin;
}

/** Internet zone (3): Office and WPS open such files in Protected View, Explorer warns. */
export const ZONE_IDENTIFIER_INTERNET = '[ZoneTransfer]\r\nZoneId=3\r\n';

/**
 * Writes the NTFS alternate data stream browsers write for downloads. Only Windows has it;
 * elsewhere there is nothing equivalent to write.
 */
export async function writeZoneIdentifier(filePath: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform !== 'win32') return;
  await writeFile(`${filePath}:Zone.Identifier`, ZONE_IDENTIFIER_INTERNET, 'utf8');
}

export async function openDocument(deps: OpenDocumentDeps, request: OpenDocumentRequest): Promise<IpcResponse<'file:openDocument'>> {
  // Both checks before anything touches the disk: a refused file is neither written nor opened.
  const kind = documentKindOf(request.suggestedName, OPENABLE_KINDS);
  requireDocumentBytes(kind, request.bytes);

  const folder = path.join(deps.documentsDir, DOCUMENTS_SUBFOLDER);
  await mkdir(folder, { recursive: true });
  const target = await uniqueFilePath(folder, nameWithKind(request.suggestedName, kind));
  await (deps.writeFile ?? writeFileAtomic)(target, request.bytes);

  if (request.origin === 'elsewhere') {
    try {
      await (deps.markFromElsewhere ?? writeZoneIdentifier)(target);
    } catch (error) {
      // Unmarked, Word would open it with macros and links live: keep it closed instead.
      const reason = error instanceof Error ? error.message : String(error);
      return { path: target, opened: false, message: `文件已保存到“${target}”，但未能标记为外来文件（${reason}），为安全起见未自动打开。` };
    }
  }

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
