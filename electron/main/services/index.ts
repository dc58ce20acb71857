/**
 * Assembles the services into the IPC handler map. Electron objects come in as parameters,
 * so this module — like every service — loads in plain Node.
 */
import type { IpcHandlers } from '../../../shared/ipc';
import { getAppInfo } from './app-info';
import type { OpenDialogLike, SaveDialogLike } from './dialogs';
import { openFilesWithDialog } from './file-open';
import { saveFileWithDialog } from './file-save';
import { createLastFolderStore } from './last-folder';
import { openDocument, type ShellLike } from './open-document';
import { type PrintableContents, printViewToPdf } from './print-pdf';

export interface AppLike {
  getVersion(): string;
  getPath(name: 'userData' | 'documents'): string;
}

export interface ServiceDeps {
  app: AppLike;
  dialog: SaveDialogLike & OpenDialogLike;
  shell: ShellLike;
}

/** What a handler learns about the call besides its payload. */
export interface IpcCallContext {
  /** The webContents that sent the request (already verified to be our main frame). */
  sender: PrintableContents;
}

export function createServiceHandlers(deps: ServiceDeps): IpcHandlers<IpcCallContext> {
  const lastFolder = createLastFolderStore(deps.app.getPath('userData'));
  const fileDeps = () => ({ dialog: deps.dialog, lastFolder, defaultFolder: deps.app.getPath('documents') });
  return {
    'file:save': (request) => saveFileWithDialog(fileDeps(), request),
    'file:open': (request) => openFilesWithDialog(fileDeps(), request),
    'file:openDocument': (request) =>
      openDocument({ documentsDir: deps.app.getPath('documents'), shell: deps.shell }, request),
    'window:printToPdf': (request, context) => printViewToPdf(fileDeps(), context.sender, request.suggestedName),
    'app:info': async () => getAppInfo(deps.app),
  };
}
