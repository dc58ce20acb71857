/**
 * The sync folder (DESIGN §Sync): a USB stick or shared drive holding
 * `outbox/<nodeId>/<bundleId>.sclb`. Each PC writes only into its own outbox folder and reads
 * everyone's. Plain Node: the folder dialog comes in as a parameter.
 *
 * Trust: the folder is shared with other machines and other people, so everything found in it
 * is untrusted input. Paths are only ever built from ids that match the UUID pattern; links
 * (symlinks, NTFS junctions) are followed nowhere — not at the file, not at `outbox` or a node
 * folder — and every path used must resolve inside the resolved sync root; files are opened
 * once and read to at most the size cap. The renderer is not trusted either: it writes only
 * into the outbox of the node id the main process registered (node-identity.ts), within a
 * per-folder quota and never onto a nearly full stick.
 *
 * What list, read and write mean is the shared protocol (shared/sync/folderProtocol.ts); the
 * disk underneath is sync-folder-fs.ts. This module keeps the choice of folder and the node
 * identity, and turns the protocol's refusals into ServiceErrors for the IPC layer.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  checkBundleWrite,
  folderLabel,
  listSyncFolder,
  openSyncBundle,
  SyncFolderError,
  type SyncFolderEntry,
  type SyncFolderListing,
  writeSyncBundle,
} from '../../../shared/sync/folderProtocol';
import { syncBundleFileName } from '../../../shared/sync/folderLayout';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import { documentTypes } from './document-types';
import { ServiceError } from './errors';
import type { OpenedForReading } from './file-handles';
import { createNodeIdentity, type NodeIdentity } from './node-identity';
import { errorDetail } from './safe-read';
import { createNodeSyncFolderFs, type NodeSyncFolderFsOptions } from './sync-folder-fs';

export { MIN_FREE_BYTES_AFTER_WRITE, OWN_OUTBOX_MAX_BYTES } from './sync-folder-fs';
export type { SyncFolderEntry, SyncFolderListing };

/** Lives directly under userData — not under userData/databases, which Electron may wipe. */
export const SYNC_FOLDER_STATE_FILE = 'sync-folder.json';

export interface FolderDialogOptionsLike {
  title?: string;
  defaultPath?: string;
  buttonLabel?: string;
  properties: Array<'openDirectory' | 'createDirectory' | 'promptToCreate'>;
}

export interface FolderDialogLike {
  showOpenDialog(options: FolderDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface SyncFolderInfo {
  label: string;
}

export interface SyncFolderDeps extends NodeSyncFolderFsOptions {
  userDataDir: string;
  dialog: FolderDialogLike;
  /** Where the first folder dialog starts (文档). */
  defaultFolder: string;
  /** Writes the state file in userData (not the sync folder). */
  writeFile?: AtomicWriter;
}

export interface SyncFolderService {
  choose(): Promise<SyncFolderInfo | null>;
  current(): Promise<SyncFolderInfo | null>;
  list(): Promise<SyncFolderListing>;
  /**
   * A bundle opened (not read) for the page to read in ranges through file-handles.ts; the
   * caller owns the open file.
   */
  open(ref: { nodeId: string; bundleId: string }): Promise<OpenedForReading>;
  write(ownNodeId: string, bundleId: string, bytes: Uint8Array): Promise<void>;
}

const stateSchema = z.object({ folder: z.string().min(1) });

/** The protocol's refusals are written for the clerk: shown as they are. */
async function asService<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SyncFolderError) throw new ServiceError(error.message);
    throw error;
  }
}

export function createSyncFolderService(deps: SyncFolderDeps): SyncFolderService {
  const stateFile = path.join(deps.userDataDir, SYNC_FOLDER_STATE_FILE);
  const writeAtomic = deps.writeFile ?? writeFileAtomic;
  const identity: NodeIdentity = createNodeIdentity(deps.userDataDir);

  async function remembered(): Promise<string | null> {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(await readFile(stateFile, 'utf8')));
      return parsed.success && path.isAbsolute(parsed.data.folder) ? parsed.data.folder : null;
    } catch {
      return null;
    }
  }

  /**
   * The remembered folder, resolved (the clerk may well have chosen a mapped drive or a
   * linked folder: that choice is theirs), which must exist right now (a USB stick may be
   * unplugged). Everything below it must stay inside this resolved path.
   */
  async function realRoot(): Promise<string> {
    const folder = await remembered();
    if (!folder) throw new ServiceError('尚未选择同步文件夹，请先选择 U 盘或共享文件夹');
    try {
      const resolved = await realpath(folder);
      if ((await lstat(resolved)).isDirectory()) return resolved;
    } catch {
      // handled below
    }
    throw new ServiceError(`找不到同步文件夹“${folder}”，请确认 U 盘已插好或共享文件夹可以访问`);
  }

  const folderFs = async () => createNodeSyncFolderFs(await realRoot(), deps);

  return {
    async choose() {
      const start = (await remembered()) ?? deps.defaultFolder;
      const result = await deps.dialog.showOpenDialog({
        title: '选择同步文件夹（U 盘或共享文件夹）',
        buttonLabel: '选择此文件夹',
        defaultPath: start,
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return null;
      const body = `${JSON.stringify({ folder }, null, 2)}\n`;
      try {
        await writeAtomic(stateFile, new TextEncoder().encode(body));
      } catch (error) {
        throw new ServiceError(`无法记住同步文件夹：${errorDetail(error)}`);
      }
      return { label: folder };
    },

    async current() {
      // Returned even when the folder is missing right now: the clerk should see which folder
      // is configured; list/read/write then explain that the USB stick is not plugged in.
      const folder = await remembered();
      return folder ? { label: folder } : null;
    },

    list: () => asService(async () => listSyncFolder(await folderFs())),

    open: (ref) =>
      asService(async () => {
        const file = await openSyncBundle(await folderFs(), ref);
        return { ...file, name: folderLabel(ref.nodeId, syncBundleFileName(ref.bundleId)) };
      }),

    write: (ownNodeId, bundleId, bytes) =>
      asService(async () => {
        checkBundleWrite(ownNodeId, bundleId, bytes);
        if (!documentTypes.sclb.matches(bytes)) throw new ServiceError('内容不是 SciLedger 数据包，未写入同步文件夹');
        // The root first: creating folders on a missing mount point would quietly make the
        // "USB stick" on the local disk instead of failing.
        const fs = await folderFs();
        await writeSyncBundle(fs, await identity.claim(ownNodeId), bundleId, bytes);
      }),
  };
}
