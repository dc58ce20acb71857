/**
 * The sync folder in the browser, over the File System Access API: the clerk picks the USB
 * stick or shared folder once (showDirectoryPicker), the handle is kept in a small IndexedDB
 * database of its own, and the layout and skip rules are those of the desktop service
 * (`outbox/<nodeId>/<bundleId>.sclb`, shared/ipc/contract.ts).
 *
 * The code talks to a narrow directory-handle interface rather than the DOM types, so unit
 * tests pass an in-memory fake and E2E tests can point it at the origin-private file system.
 */
import {
  checkBundleFileName,
  checkBundleSize,
  isSyncId,
  isSystemClutter,
  MAX_SYNC_BUNDLE_BYTES,
  SYNC_OUTBOX_DIR,
  syncBundleFileName,
  syncSkipReasons,
} from '../../../shared/ipc/contract';
import type { SyncFolder, SyncFolderEntry, SyncFolderInfo } from './Platform';

// ---- The slice of the File System Access API used here ----------------------------------

export type SyncPermissionMode = { mode: 'read' | 'readwrite' };

export interface SyncWritable {
  write(data: Uint8Array): Promise<void>;
  /** The browser swaps the written data in only here. */
  close(): Promise<void>;
  abort?(reason?: unknown): Promise<void>;
}

export interface SyncFileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<{ readonly size: number; readonly lastModified: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(options?: { keepExistingData?: boolean }): Promise<SyncWritable>;
  /** Rename within the same folder; not in every browser (hence optional, feature-detected). */
  move?(newName: string): Promise<void>;
}

export interface SyncDirectoryHandle {
  readonly kind: 'directory';
  readonly name: string;
  entries(): AsyncIterable<[string, SyncFileHandle | SyncDirectoryHandle]>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<SyncDirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<SyncFileHandle>;
  removeEntry(name: string): Promise<void>;
  queryPermission?(descriptor: SyncPermissionMode): Promise<PermissionState>;
  requestPermission?(descriptor: SyncPermissionMode): Promise<PermissionState>;
}

/** Where the chosen folder's handle survives reloads. */
export interface SyncHandleStore {
  load(): Promise<SyncDirectoryHandle | undefined>;
  save(handle: SyncDirectoryHandle): Promise<void>;
}

export interface WebSyncFolderDeps {
  /** Shows the folder picker; undefined when this browser has none. Rejects with AbortError on cancel. */
  pickDirectory?: (previous: SyncDirectoryHandle | undefined) => Promise<SyncDirectoryHandle>;
  store: SyncHandleStore;
}

export const UNSUPPORTED_MESSAGE =
  '此浏览器不支持选择同步文件夹。请改用“导出”把数据包保存为文件，再在另一台电脑上用“导入”读取该文件。';
const NOT_CHOSEN_MESSAGE = '尚未选择同步文件夹，请先选择 U 盘或共享文件夹';
const PERMISSION_MESSAGE = '浏览器需要重新授权访问同步文件夹，请点击“选择同步文件夹”并允许访问';
const READWRITE: SyncPermissionMode = { mode: 'readwrite' };

// ---- Helpers ----------------------------------------------------------------------------

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { name?: string }).name : undefined;
}

function isNotFound(error: unknown): boolean {
  return errorName(error) === 'NotFoundError';
}

function detail(error: unknown): string {
  if (errorName(error) === 'NotAllowedError' || errorName(error) === 'SecurityError') return '没有访问权限';
  if (errorName(error) === 'NotReadableError') return '文件正被修改或无法读取';
  return error instanceof Error ? error.message : String(error);
}

function where(...parts: string[]): string {
  return [SYNC_OUTBOX_DIR, ...parts].join('/');
}

async function fileIfExists(dir: SyncDirectoryHandle, name: string): Promise<SyncFileHandle | undefined> {
  try {
    return await dir.getFileHandle(name);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    // TypeMismatchError: a folder carries the name; the caller refuses to write over it.
    if (errorName(error) === 'TypeMismatchError') throw new Error(`同步文件夹中“${name}”是文件夹，无法写入数据包`);
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

async function writeWhole(file: SyncFileHandle, bytes: Uint8Array): Promise<void> {
  const writable = await file.createWritable({ keepExistingData: false });
  try {
    // A copy: the caller's view may sit on a larger or shared buffer.
    await writable.write(bytes.slice());
    await writable.close();
  } catch (error) {
    // Dropping the writable discards the swap file; the target keeps its previous content.
    await writable.abort?.(error).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes `name` in `dir` so that other machines never see half of it.
 *
 * Chromium's createWritable() already writes into a hidden swap file ("<name>.crswap") and
 * replaces the target only on close(), so even the fallback is atomic in Chromium. Writing
 * "<name>.part" and renaming it with move() is still preferred where move() exists: the
 * swap-file behaviour is an implementation detail rather than a guarantee of the spec, and a
 * ".part" left by a crash is a name every reader (ours included) recognises as unfinished.
 * If move() is missing or refuses (some file systems), the final name is written directly.
 */
async function writeAtomically(dir: SyncDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const partName = `${name}.part`;
  const part = await dir.getFileHandle(partName, { create: true });
  if (typeof part.move === 'function') {
    try {
      await writeWhole(part, bytes);
      await part.move(name);
      return;
    } catch {
      // fall through to the direct write below; the .part is cleaned up first
    }
  }
  await dir.removeEntry(partName).catch(() => undefined);
  try {
    await writeWhole(await dir.getFileHandle(name, { create: true }), bytes);
  } catch (error) {
    // getFileHandle({create}) has already made an empty file; the caller checked that the
    // name was free, so removing it only undoes our own step.
    await dir.removeEntry(name).catch(() => undefined);
    throw error;
  }
}

// ---- The SyncFolder ---------------------------------------------------------------------

export function createWebSyncFolder(deps: WebSyncFolderDeps): SyncFolder {
  async function granted(handle: SyncDirectoryHandle): Promise<boolean> {
    // No queryPermission (the origin-private file system): access is implicit.
    if (typeof handle.queryPermission !== 'function') return true;
    try {
      return (await handle.queryPermission(READWRITE)) === 'granted';
    } catch {
      return false;
    }
  }

  /** The chosen folder, ready for use; throws a Chinese message otherwise. */
  async function root(): Promise<SyncDirectoryHandle> {
    const handle = await deps.store.load();
    if (!handle) throw new Error(NOT_CHOSEN_MESSAGE);
    if (!(await granted(handle))) throw new Error(PERMISSION_MESSAGE);
    return handle;
  }

  async function listNodeFolder(nodeDir: SyncDirectoryHandle, nodeId: string, out: Awaited<ReturnType<SyncFolder['list']>>) {
    try {
      for await (const [name, handle] of nodeDir.entries()) {
        if (isSystemClutter(name)) continue;
        const skip = (reason: string) => out.skipped.push({ name: where(nodeId, name), reason });
        const checked = checkBundleFileName(name);
        if ('reason' in checked) {
          skip(checked.reason);
          continue;
        }
        if (handle.kind !== 'file') {
          skip(syncSkipReasons.directory);
          continue;
        }
        let file;
        try {
          file = await handle.getFile();
        } catch (error) {
          skip(syncSkipReasons.unreadable(detail(error)));
          continue;
        }
        const sizeProblem = checkBundleSize(file.size);
        if (sizeProblem) {
          skip(sizeProblem);
          continue;
        }
        out.entries.push({
          nodeId,
          bundleId: checked.bundleId,
          size: file.size,
          modifiedAt: new Date(file.lastModified).toISOString(),
        });
      }
    } catch (error) {
      out.skipped.push({ name: where(nodeId), reason: syncSkipReasons.unreadable(detail(error)) });
    }
  }

  return {
    async choose(): Promise<SyncFolderInfo | null> {
      if (!deps.pickDirectory) throw new Error(UNSUPPORTED_MESSAGE);
      let handle: SyncDirectoryHandle;
      try {
        handle = await deps.pickDirectory(await deps.store.load().catch(() => undefined));
      } catch (error) {
        if (errorName(error) === 'AbortError') return null;
        throw error;
      }
      if (!(await granted(handle))) {
        const state = await handle.requestPermission?.(READWRITE);
        if (state !== 'granted') throw new Error('未获得该文件夹的读写权限，无法用作同步文件夹');
      }
      await deps.store.save(handle);
      return { label: handle.name };
    },

    async current() {
      const handle = await deps.store.load().catch(() => undefined);
      // requestPermission needs a click, so current() only asks and reports null; the UI then
      // offers choose(), which runs inside the click.
      if (!handle || !(await granted(handle))) return null;
      return { label: handle.name };
    },

    async list() {
      const out: Awaited<ReturnType<SyncFolder['list']>> = { entries: [], skipped: [] };
      let outbox: SyncDirectoryHandle;
      try {
        outbox = await (await root()).getDirectoryHandle(SYNC_OUTBOX_DIR);
      } catch (error) {
        if (isNotFound(error)) return out; // nobody has written into this folder yet
        throw error;
      }
      for await (const [name, handle] of outbox.entries()) {
        if (isSystemClutter(name)) continue;
        if (handle.kind !== 'directory') out.skipped.push({ name: where(name), reason: syncSkipReasons.looseFile });
        else if (!isSyncId(name)) out.skipped.push({ name: where(name), reason: syncSkipReasons.badNodeFolder });
        else await listNodeFolder(handle, name, out);
      }
      out.entries.sort(
        (a: SyncFolderEntry, b: SyncFolderEntry) =>
          a.modifiedAt.localeCompare(b.modifiedAt) ||
          a.nodeId.localeCompare(b.nodeId) ||
          a.bundleId.localeCompare(b.bundleId),
      );
      return out;
    },

    async read({ nodeId, bundleId }) {
      if (!isSyncId(nodeId) || !isSyncId(bundleId)) throw new Error('数据包编号无效');
      const label = where(nodeId, syncBundleFileName(bundleId));
      const folder = await root();
      let file;
      try {
        const outbox = await folder.getDirectoryHandle(SYNC_OUTBOX_DIR);
        const nodeDir = await outbox.getDirectoryHandle(nodeId);
        file = await (await nodeDir.getFileHandle(syncBundleFileName(bundleId))).getFile();
      } catch (error) {
        if (isNotFound(error)) throw new Error(`同步文件夹中找不到数据包“${label}”，可能已被移走`);
        throw new Error(`无法读取数据包“${label}”：${detail(error)}`);
      }
      const sizeProblem = checkBundleSize(file.size);
      if (sizeProblem) throw new Error(`“${label}”${sizeProblem}`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new Error(`“${label}”${syncSkipReasons.tooLarge(bytes.byteLength)}`);
      return bytes;
    },

    async write(ownNodeId, bundleId, bytes) {
      if (!isSyncId(ownNodeId) || !isSyncId(bundleId)) throw new Error('数据包编号无效');
      if (bytes.byteLength === 0) throw new Error('数据包为空，未写入');
      if (bytes.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new Error(syncSkipReasons.tooLarge(bytes.byteLength));
      const outbox = await (await root()).getDirectoryHandle(SYNC_OUTBOX_DIR, { create: true });
      const nodeDir = await outbox.getDirectoryHandle(ownNodeId, { create: true });
      const name = syncBundleFileName(bundleId);
      const existing = await fileIfExists(nodeDir, name);
      if (existing) {
        // A retried 同步 writes the same bytes again: fine. Different bytes under one bundleId
        // would lose one of the two bundles: refused.
        const file = await existing.getFile();
        // An empty file under our own name is what an interrupted write of ours leaves in a
        // browser without the swap-file behaviour; nobody else writes here, so replace it.
        if (file.size === 0) {
          await writeWhole(existing, bytes);
          return;
        }
        if (file.size === bytes.byteLength && sameBytes(new Uint8Array(await file.arrayBuffer()), bytes)) return;
        throw new Error(`同步文件夹中已有“${where(ownNodeId, name)}”且内容不同，未覆盖；请重新导出后再同步`);
      }
      try {
        await writeAtomically(nodeDir, name, bytes);
      } catch (error) {
        throw new Error(`无法写入同步文件夹：${detail(error)}`);
      }
    },
  };
}

// ---- Browser wiring ---------------------------------------------------------------------

export const HANDLE_DB_NAME = 'sciledger-handles';
const HANDLE_STORE = 'handles';
const SYNC_FOLDER_KEY = 'syncFolder';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Directory handles are structured-cloneable, so IndexedDB can keep them across reloads. A
 * database of their own, not the ledger's: the ledger's schema is versioned by Dexie and
 * travels in bundles and backups, a folder handle is local to this browser profile.
 */
export function createIndexedDbHandleStore(dbName = HANDLE_DB_NAME, factory: IDBFactory = indexedDB): SyncHandleStore {
  async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const open = factory.open(dbName, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(HANDLE_STORE);
    const db = await request(open);
    try {
      const tx = db.transaction(HANDLE_STORE, mode);
      const result = await request(run(tx.objectStore(HANDLE_STORE)));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      return result;
    } finally {
      db.close();
    }
  }
  return {
    load: async () => (await withStore('readonly', (s) => s.get(SYNC_FOLDER_KEY))) as SyncDirectoryHandle | undefined,
    save: async (handle) => {
      await withStore('readwrite', (s) => s.put(handle, SYNC_FOLDER_KEY));
    },
  };
}

declare global {
  interface Window {
    /**
     * TEST-ONLY hook for E2E (set through page.addInitScript): 'opfs' makes choose() use a
     * folder in the origin-private file system instead of the native picker, which a test
     * driver cannot answer. Never set by the app itself.
     */
    __sciledgerSyncFolderRoot?: 'opfs';
  }
}

interface DirectoryPickerWindow {
  showDirectoryPicker?: (options: { id?: string; mode?: 'read' | 'readwrite'; startIn?: unknown }) => Promise<unknown>;
}

/** The real picker, the E2E hook, or nothing (then choose() explains 导出/导入 instead). */
function browserPicker(): WebSyncFolderDeps['pickDirectory'] {
  if (window.__sciledgerSyncFolderRoot === 'opfs' && typeof navigator.storage?.getDirectory === 'function') {
    return async () => {
      const opfs = (await navigator.storage.getDirectory()) as unknown as SyncDirectoryHandle;
      return opfs.getDirectoryHandle('sciledger-sync', { create: true });
    };
  }
  const picker = (window as DirectoryPickerWindow).showDirectoryPicker;
  // Automated browsers cannot answer a native dialog; they would hang instead of failing.
  if (typeof picker !== 'function' || navigator.webdriver) return undefined;
  return async (previous) => {
    const options = { id: 'sciledger-sync', mode: 'readwrite' as const };
    try {
      // Start where the clerk picked last time (the remembered handle), when there is one.
      return (await picker.call(window, previous ? { ...options, startIn: previous } : options)) as SyncDirectoryHandle;
    } catch (error) {
      if (!previous || errorName(error) === 'AbortError') throw error;
      return (await picker.call(window, options)) as SyncDirectoryHandle;
    }
  };
}

export function createBrowserSyncFolder(): SyncFolder {
  // Resolved lazily: the E2E hook may be set after this module loads, and a browser without
  // IndexedDB should fail at use, not at start-up.
  let folder: SyncFolder | undefined;
  const get = () =>
    (folder ??= createWebSyncFolder({ pickDirectory: browserPicker(), store: createIndexedDbHandleStore() }));
  return {
    choose: () => get().choose(),
    current: () => get().current(),
    list: () => get().list(),
    read: (entry) => get().read(entry),
    write: (ownNodeId, bundleId, bytes) => get().write(ownNodeId, bundleId, bytes),
  };
}
