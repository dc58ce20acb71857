/**
 * The sync folder in the browser, over the File System Access API: the clerk picks the USB
 * stick or shared folder once (showDirectoryPicker), the handle is kept in a small IndexedDB
 * database of its own, and list/read/write are the protocol the desktop service runs too
 * (shared/sync/folderProtocol.ts); this module is its browser adapter.
 *
 * The code talks to a narrow directory-handle interface rather than the DOM types, so unit
 * tests pass an in-memory fake and E2E tests can point it at the origin-private file system.
 */
import {
  type FolderItem,
  type FolderPath,
  listSyncFolder,
  openSyncBundle,
  type SyncFolderFs,
  writeSyncBundle,
} from '../../../shared/sync/folderProtocol';
import type { SyncFolder, SyncFolderInfo } from './Platform';

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
  /** A File: a snapshot, read in slices; reading it fails if the file changes on disk meanwhile. */
  getFile(): Promise<Blob & { readonly lastModified: number }>;
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

// ---- The protocol's file system, over directory handles ----------------------------------

async function folderAt(root: SyncDirectoryHandle, p: FolderPath, create = false): Promise<SyncDirectoryHandle> {
  let dir = root;
  for (const name of p) dir = await dir.getDirectoryHandle(name, create ? { create: true } : undefined);
  return dir;
}

/** The file handle at `p`; undefined when missing; 'other' when a folder has the name. */
async function fileAt(root: SyncDirectoryHandle, p: FolderPath): Promise<SyncFileHandle | 'other' | undefined> {
  try {
    return await (await folderAt(root, p.slice(0, -1))).getFileHandle(p[p.length - 1]);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    if (errorName(error) === 'TypeMismatchError') return 'other';
    throw error;
  }
}

/** The browser adapter: no links exist here, and the browser asks for permission itself. */
export function handleFs(root: SyncDirectoryHandle): SyncFolderFs<Blob> {
  return {
    describeError: detail,

    async listFolder(p) {
      let dir: SyncDirectoryHandle;
      try {
        dir = await folderAt(root, p);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      const items: FolderItem[] = [];
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') {
          items.push({ name, kind: 'directory' });
          continue;
        }
        try {
          const file = await handle.getFile();
          items.push({ name, kind: 'file', size: file.size, modifiedAt: new Date(file.lastModified).toISOString() });
        } catch (error) {
          items.push({ name, kind: 'unreadable', detail: detail(error) });
        }
      }
      return items;
    },

    async readFile(p, cap) {
      let handle;
      try {
        handle = await fileAt(root, p);
        if (handle === undefined) return { kind: 'missing' };
        if (handle === 'other') return { kind: 'not-regular' };
        // Size from the File first: an oversized bundle is refused without reading it.
        const file = await handle.getFile();
        if (file.size > cap) return { kind: 'too-large', size: file.size };
        const bytes = new Uint8Array(await file.arrayBuffer());
        return bytes.byteLength > cap ? { kind: 'too-large', size: bytes.byteLength } : { kind: 'ok', bytes };
      } catch (error) {
        if (isNotFound(error)) return { kind: 'missing' };
        return { kind: 'unreadable', detail: detail(error) };
      }
    },

    async openFile(p, cap) {
      try {
        const handle = await fileAt(root, p);
        if (handle === undefined) return { kind: 'missing' };
        if (handle === 'other') return { kind: 'not-regular' };
        // The File itself, unread: the bundle reader takes it in slices (issue 10).
        const file = await handle.getFile();
        return file.size > cap ? { kind: 'too-large', size: file.size } : { kind: 'ok', file, size: file.size };
      } catch (error) {
        if (isNotFound(error)) return { kind: 'missing' };
        return { kind: 'unreadable', detail: detail(error) };
      }
    },

    async statFile(p) {
      const handle = await fileAt(root, p);
      if (handle === undefined) return { kind: 'missing' };
      if (handle === 'other') return { kind: 'other' };
      return { kind: 'file', size: (await handle.getFile()).size };
    },

    async ensureFolder(p) {
      await folderAt(root, p, true);
    },

    async writeFile(p, bytes, { replacingEmpty }) {
      const dir = await folderAt(root, p.slice(0, -1));
      const name = p[p.length - 1];
      // An empty file of ours: the browser swaps the new content in on close().
      if (replacingEmpty) await writeWhole(await dir.getFileHandle(name), bytes);
      else await writeAtomically(dir, name, bytes);
    },
  };
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

    list: async () => listSyncFolder(handleFs(await root())),
    open: async (entry) => openSyncBundle(handleFs(await root()), entry),
    write: async (ownNodeId, bundleId, bytes) => writeSyncBundle(handleFs(await root()), ownNodeId, bundleId, bytes),
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
    open: (entry) => get().open(entry),
    write: (ownNodeId, bundleId, bytes) => get().write(ownNodeId, bundleId, bytes),
  };
}
