/**
 * Assembles the services into the IPC handler map. Electron objects come in as parameters,
 * so this module — like every service — loads in plain Node.
 */
import type { IpcHandlers } from '../../../shared/ipc';
import { getAppInfo } from './app-info';
import { type BackupStoreOptions, createBackupStore, PROTECTED_BEFORE_IMPORT_DAYS, PROTECTED_DAILY_DAYS } from './backups';
import type { MessageBoxLike, OpenDialogLike, SaveDialogLike } from './dialogs';
import { createFileHandleRegistry, type FileHandleRegistry } from './file-handles';
import { openFilesWithDialog, pickFileForReading } from './file-open';
import { saveFileWithDialog } from './file-save';
import { createLastFolderStore } from './last-folder';
import { openDocument, type ShellLike } from './open-document';
import { type PrintableContents, printViewToPdf } from './print-pdf';
import { createSyncFolderService, type FolderDialogLike } from './sync-folder';
import { openAttachment, saveAttachmentWithDialog } from './attachment-files';

export interface AppLike {
  getVersion(): string;
  getPath(name: 'userData' | 'documents' | 'temp'): string;
}

export interface ServiceDeps {
  app: AppLike;
  dialog: SaveDialogLike & OpenDialogLike & FolderDialogLike & MessageBoxLike;
  shell: ShellLike;
  /**
   * Files opened for pages to read in ranges (file:pick, syncFolder:open). index.ts passes its
   * own so that it can close a page's files when the page goes away (closeFilesWithPage).
   */
  files?: FileHandleRegistry;
  /** Rotation settings and clock for automatic backups; defaults suit production. */
  backups?: BackupStoreOptions;
}

/** What a handler learns about the call besides its payload. */
export interface IpcCallContext {
  /** The webContents that sent the request (already verified to be our main frame). */
  sender: PrintableContents;
  /** Its webContents id: the owner of the files it opens (file-handles.ts). */
  senderId: number;
}

/** The clerk answers in a native dialog, which no page script can click for them. */
export async function confirmRetentionChange(dialog: MessageBoxLike, from: number, to: number): Promise<boolean> {
  const fewer = to < from;
  const { response } = await dialog.showMessageBox({
    type: fewer ? 'warning' : 'question',
    title: '修改备份保留份数',
    message: `将自动备份最多保留的份数从 ${from} 份改为 ${to} 份？`,
    detail: fewer
      ? `多出的旧备份会在以后每次备份时逐份删除，删除后无法恢复。最近 ${PROTECTED_DAILY_DAYS} 天每天最新的一份和最近 ${PROTECTED_BEFORE_IMPORT_DAYS} 天的“导入前”备份始终保留。`
      : '以后将保留更多备份，占用更多磁盘空间。',
    buttons: ['确定修改', '取消'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

export function createServiceHandlers(deps: ServiceDeps): IpcHandlers<IpcCallContext> {
  const lastFolder = createLastFolderStore(deps.app.getPath('userData'));
  const syncFolder = createSyncFolderService({
    userDataDir: deps.app.getPath('userData'),
    dialog: deps.dialog,
    defaultFolder: deps.app.getPath('documents'),
  });
  const files = deps.files ?? createFileHandleRegistry();
  const backups = createBackupStore(deps.app.getPath('userData'), deps.backups);
  const fileDeps = () => ({ dialog: deps.dialog, lastFolder, defaultFolder: deps.app.getPath('documents') });
  return {
    'file:save': (request) => saveFileWithDialog(fileDeps(), request),
    'file:open': (request) => openFilesWithDialog(fileDeps(), request),
    'file:pick': async (request, context) => {
      const picked = await pickFileForReading(fileDeps(), request);
      return picked ? { ...files.register(context.senderId, picked), name: picked.name } : null;
    },
    'file:readRange': (request, context) => files.read(context.senderId, request.handle, request.start, request.end),
    'file:close': async (request, context) => {
      await files.close(context.senderId, request.handle);
      return {};
    },
    'file:openDocument': (request) =>
      // Documents the clerk builds here; the 附件 channel will pass origin 'elsewhere' itself.
      openDocument(
        { documentsDir: deps.app.getPath('documents'), shell: deps.shell },
        { suggestedName: request.suggestedName, bytes: request.bytes, origin: 'app' },
      ),
    'window:printToPdf': (request, context) => printViewToPdf(fileDeps(), context.sender, request.suggestedName),
    'app:info': async () => getAppInfo(deps.app),
    'syncFolder:choose': () => syncFolder.choose(),
    'syncFolder:current': () => syncFolder.current(),
    'syncFolder:list': () => syncFolder.list(),
    'syncFolder:open': async (request, context) => files.register(context.senderId, await syncFolder.open(request)),
    'syncFolder:write': async (request) => {
      await syncFolder.write(request.ownNodeId, request.bundleId, request.bytes);
      return {};
    },
    'backups:write': (request) => backups.write(request.bytes, request.reason),
    'backups:list': () => backups.list(),
    'backups:open': async (request, context) => files.register(context.senderId, await backups.open(request.id)),
    'backups:retention': () => backups.retention(),
    'attachment:open': (request) => openAttachment({ tempDir: deps.app.getPath('temp'), shell: deps.shell }, request),
    'attachment:saveAs': (request) => saveAttachmentWithDialog(fileDeps(), request),
    'backups:setRetention': (request) => backups.setRetention(request.maxTotal, (from, to) => confirmRetentionChange(deps.dialog, from, to)),
  };
}
