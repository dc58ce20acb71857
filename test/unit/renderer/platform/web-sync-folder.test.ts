import { File as NodeFile } from 'node:buffer';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SYNC_BUNDLE_BYTES, syncSkipReasons } from '../../../../shared/sync/folderLayout';
import {
  createIndexedDbHandleStore,
  createWebSyncFolder,
  HANDLE_DB_NAME,
  type SyncDirectoryHandle,
  type SyncFileHandle,
  type SyncHandleStore,
  type SyncWritable,
  UNSUPPORTED_MESSAGE,
} from '../../../../renderer/src/platform/web-sync-folder';
import { createWebPlatform } from '../../../../renderer/src/platform/web';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const B1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const domError = (name: string) => new DOMException(name, name);

interface FakeOptions {
  /** Whether file handles offer move() (Chromium does for OPFS, and for local folders lately). */
  move?: boolean;
  /** move() exists but refuses (some file systems). */
  moveFails?: boolean;
  /** Writes of files whose name matches fail midway (disk full, stick pulled). */
  failWrite?: (name: string) => boolean;
  /** Log of every mutation, to prove what was (not) touched. */
  log: string[];
}

/** An in-memory FileSystemFileHandle that, like Chromium, swaps content in on close(). */
class FakeFile implements SyncFileHandle {
  readonly kind = 'file' as const;
  data: Uint8Array = new Uint8Array();
  lastModified = Date.parse('2025-03-01T00:00:00.000Z');
  sizeOverride?: number;
  unreadable = false;
  move?: (newName: string) => Promise<void>;

  constructor(
    public name: string,
    private parent: FakeDir,
    private options: FakeOptions,
  ) {
    if (options.move) {
      this.move = async (newName) => {
        if (options.moveFails) throw domError('NotSupportedError');
        options.log.push(`move ${this.name} -> ${newName}`);
        this.parent.children.delete(this.name);
        this.name = newName;
        this.parent.children.set(newName, this);
      };
    }
  }

  async getFile() {
    if (this.unreadable) throw domError('NotReadableError');
    // A File, as the browser gives: a snapshot of the content, read later in slices.
    // Node's File: jsdom's Blob cannot be read (no arrayBuffer), the browser's can.
    const file = new NodeFile([this.data.slice() as Uint8Array<ArrayBuffer>], this.name, { lastModified: this.lastModified }) as unknown as File;
    if (this.sizeOverride !== undefined) Object.defineProperty(file, 'size', { value: this.sizeOverride });
    return file;
  }

  async createWritable(): Promise<SyncWritable> {
    const chunks: Uint8Array[] = [];
    const options = this.options;
    return {
      write: async (chunk) => {
        if (options.failWrite?.(this.name)) throw new Error('磁盘已满（模拟）');
        chunks.push(chunk.slice());
      },
      close: async () => {
        options.log.push(`close ${this.name}`);
        this.data = new Uint8Array(chunks.flatMap((c) => [...c]));
      },
      abort: async () => {
        options.log.push(`abort ${this.name}`);
      },
    };
  }
}

class FakeDir implements SyncDirectoryHandle {
  readonly kind = 'directory' as const;
  readonly children = new Map<string, FakeDir | FakeFile>();
  permission: PermissionState = 'granted';
  grantOnRequest = true;
  readonly requestPermission = vi.fn(async () => (this.permission = this.grantOnRequest ? 'granted' : 'denied'));
  readonly options: FakeOptions;

  constructor(
    readonly name: string,
    options: Partial<FakeOptions> = {},
  ) {
    this.options = { log: [], ...options };
  }

  async queryPermission() {
    return this.permission;
  }

  async *entries(): AsyncGenerator<[string, FakeDir | FakeFile]> {
    for (const entry of [...this.children]) yield entry;
  }

  async getDirectoryHandle(name: string, { create = false } = {}) {
    const found = this.children.get(name);
    if (found instanceof FakeDir) return found;
    if (found) throw domError('TypeMismatchError');
    if (!create) throw domError('NotFoundError');
    const dir = new FakeDir(name, this.options);
    this.options.log.push(`mkdir ${name}`);
    this.children.set(name, dir);
    return dir;
  }

  async getFileHandle(name: string, { create = false } = {}) {
    const found = this.children.get(name);
    if (found instanceof FakeFile) return found;
    if (found) throw domError('TypeMismatchError');
    if (!create) throw domError('NotFoundError');
    const file = new FakeFile(name, this, this.options);
    this.options.log.push(`create ${name}`);
    this.children.set(name, file);
    return file;
  }

  async removeEntry(name: string) {
    if (!this.children.delete(name)) throw domError('NotFoundError');
    this.options.log.push(`remove ${name}`);
  }

  /** Test helper: a file at a relative path, folders created on the way. */
  put(relative: string, content: string | Uint8Array = 'PK-bundle'): FakeFile {
    const parts = relative.split('/');
    let dir: FakeDir = this;
    for (const part of parts.slice(0, -1)) {
      let next = dir.children.get(part);
      if (!next) dir.children.set(part, (next = new FakeDir(part, this.options)));
      dir = next as FakeDir;
    }
    const file = new FakeFile(parts.at(-1)!, dir, this.options);
    file.data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    dir.children.set(file.name, file);
    return file;
  }

  at(relative: string): FakeDir | FakeFile | undefined {
    let node: FakeDir | FakeFile | undefined = this;
    for (const part of relative.split('/')) node = node instanceof FakeDir ? node.children.get(part) : undefined;
    return node;
  }
}

function memoryStore(initial?: SyncDirectoryHandle): SyncHandleStore & { handle?: SyncDirectoryHandle } {
  const store: SyncHandleStore & { handle?: SyncDirectoryHandle } = {
    handle: initial,
    load: async () => store.handle,
    save: async (handle) => void (store.handle = handle),
  };
  return store;
}

/** A folder that has already been chosen. */
function setup(options: Partial<FakeOptions> = {}) {
  const root = new FakeDir('同步U盘', options);
  const store = memoryStore(root);
  const pickDirectory = vi.fn(async () => root as SyncDirectoryHandle);
  return { root, store, pickDirectory, folder: createWebSyncFolder({ store, pickDirectory }) };
}

const text = (file: FakeDir | FakeFile | undefined) => new TextDecoder().decode((file as FakeFile).data);

describe('web sync folder: choose / current', () => {
  it('explains 导出/导入 in browsers without a directory picker', async () => {
    const folder = createWebSyncFolder({ store: memoryStore() });
    await expect(folder.choose()).rejects.toThrow(UNSUPPORTED_MESSAGE);
    expect(UNSUPPORTED_MESSAGE).toMatch(/导出.*导入/);
  });

  it('stores the picked handle and offers it as the picker’s start folder next time', async () => {
    const root = new FakeDir('同步U盘');
    const store = memoryStore();
    const pickDirectory = vi.fn(async () => root as SyncDirectoryHandle);
    const folder = createWebSyncFolder({ store, pickDirectory });
    expect(await folder.current()).toBeNull();
    expect(await folder.choose()).toEqual({ label: '同步U盘' });
    expect(store.handle).toBe(root);
    expect(await folder.current()).toEqual({ label: '同步U盘' });
    await folder.choose();
    expect(pickDirectory.mock.calls).toEqual([[undefined], [root]]);
  });

  it('treats a cancelled picker as null and keeps the previous folder', async () => {
    const { folder, store, root } = setup();
    const cancelling = createWebSyncFolder({
      store,
      pickDirectory: async () => {
        throw domError('AbortError');
      },
    });
    expect(await cancelling.choose()).toBeNull();
    expect(store.handle).toBe(root);
    expect(await folder.current()).toEqual({ label: '同步U盘' });
  });

  it('reports null while permission must be re-granted; choose() asks for it', async () => {
    const { folder, root } = setup();
    root.permission = 'prompt'; // after a browser restart
    expect(await folder.current()).toBeNull();
    await expect(folder.list()).rejects.toThrow('重新授权');
    expect(root.requestPermission).not.toHaveBeenCalled(); // needs a click: only choose() asks
    expect(await folder.choose()).toEqual({ label: '同步U盘' });
    expect(root.requestPermission).toHaveBeenCalledWith({ mode: 'readwrite' });
    expect(await folder.current()).toEqual({ label: '同步U盘' });
  });

  it('refuses a folder whose permission is denied', async () => {
    const { folder, root } = setup();
    root.permission = 'prompt';
    root.grantOnRequest = false;
    await expect(folder.choose()).rejects.toThrow('未获得该文件夹的读写权限');
  });

  it('says when no folder has been chosen', async () => {
    const folder = createWebSyncFolder({ store: memoryStore(), pickDirectory: async () => new FakeDir('x') });
    await expect(folder.list()).rejects.toThrow('尚未选择同步文件夹');
    await expect(folder.write(OWN, B1, new Uint8Array([1]))).rejects.toThrow('尚未选择同步文件夹');
  });
});

describe('web sync folder: list', () => {
  it('is empty before anybody wrote into the folder', async () => {
    expect(await setup().folder.list()).toEqual({ entries: [], skipped: [] });
  });

  it('lists all nodes’ bundles and skips what the desktop skips, with the same reasons', async () => {
    const { folder, root } = setup();
    root.put(`outbox/${OTHER}/${B1}.sclb`, 'good').lastModified = Date.parse('2025-03-02T00:00:00.000Z');
    root.put(`outbox/${OWN}/${B2}.sclb`, 'mine');
    root.put(`outbox/${OTHER}/${B2}.sclb.part`);
    root.put(`outbox/${OTHER}/${B2}.sclb.crswap`);
    root.put(`outbox/${OTHER}/${B2}.sclb.tmp-1712345678abcdef`);
    root.put(`outbox/${OTHER}/readme.txt`);
    root.put(`outbox/${OTHER}/副本.sclb`);
    root.put(`outbox/${OTHER}/${OWN}.sclb`, '');
    root.put(`outbox/${OTHER}/${B2}.sclb/inner.txt`); // a folder named like a bundle
    root.put(`outbox/${OTHER}/desktop.ini`); // OS clutter: ignored silently
    root.put(`outbox/other-stuff/${B1}.sclb`);
    root.put(`outbox/${B1}.sclb`);
    const big = root.put(`outbox/${OWN}/${B1}.sclb`);
    big.sizeOverride = MAX_SYNC_BUNDLE_BYTES + 1;
    root.put(`outbox/${OWN}/${OTHER}.sclb`).unreadable = true;

    const { entries, skipped } = await folder.list();
    expect(entries).toEqual([
      { nodeId: OWN, bundleId: B2, size: 4, modifiedAt: '2025-03-01T00:00:00.000Z' },
      { nodeId: OTHER, bundleId: B1, size: 4, modifiedAt: '2025-03-02T00:00:00.000Z' },
    ]);
    expect(Object.fromEntries(skipped.map((s) => [s.name, s.reason]))).toEqual({
      [`outbox/${OTHER}/${B2}.sclb.part`]: syncSkipReasons.temp,
      [`outbox/${OTHER}/${B2}.sclb.crswap`]: syncSkipReasons.temp,
      [`outbox/${OTHER}/${B2}.sclb.tmp-1712345678abcdef`]: syncSkipReasons.temp,
      [`outbox/${OTHER}/readme.txt`]: syncSkipReasons.notBundle,
      [`outbox/${OTHER}/副本.sclb`]: syncSkipReasons.badBundleName,
      [`outbox/${OTHER}/${OWN}.sclb`]: syncSkipReasons.empty,
      [`outbox/${OTHER}/${B2}.sclb`]: syncSkipReasons.directory,
      'outbox/other-stuff': syncSkipReasons.badNodeFolder,
      [`outbox/${B1}.sclb`]: syncSkipReasons.looseFile,
      [`outbox/${OWN}/${B1}.sclb`]: syncSkipReasons.tooLarge(MAX_SYNC_BUNDLE_BYTES + 1),
      [`outbox/${OWN}/${OTHER}.sclb`]: syncSkipReasons.unreadable('文件正被修改或无法读取'),
    });
  });
});

describe('web sync folder: open', () => {
  it('opens by ids — the File itself, to be read in slices, never read whole — and refuses anything else', async () => {
    const { folder, root } = setup();
    root.put(`outbox/${OTHER}/${B1}.sclb`, new Uint8Array([80, 75, 3, 4]));
    const opened = await folder.open({ nodeId: OTHER, bundleId: B1 });
    expect(opened).toBeInstanceOf(NodeFile);
    expect([...new Uint8Array(await (opened as Blob).slice(1, 3).arrayBuffer())]).toEqual([75, 3]);
    await expect(folder.open({ nodeId: '..', bundleId: B1 })).rejects.toThrow('编号无效');
    await expect(folder.open({ nodeId: OTHER, bundleId: `${B1}.sclb` })).rejects.toThrow('编号无效');
    await expect(folder.open({ nodeId: OTHER, bundleId: B2 })).rejects.toThrow('找不到数据包');
  });

  it('refuses an oversized file, an empty one and a folder in its place', async () => {
    const { folder, root } = setup();
    root.put(`outbox/${OTHER}/${B1}.sclb`).sizeOverride = MAX_SYNC_BUNDLE_BYTES + 1;
    await expect(folder.open({ nodeId: OTHER, bundleId: B1 })).rejects.toThrow('文件过大');
    root.put(`outbox/${OTHER}/${B2}.sclb`, new Uint8Array());
    await expect(folder.open({ nodeId: OTHER, bundleId: B2 })).rejects.toThrow(/为空/);
  });
});

describe('web sync folder: write', () => {
  it('writes <bundleId>.sclb.part, then renames it with move()', async () => {
    const { folder, root } = setup({ move: true });
    await folder.write(OWN, B1, new Uint8Array([1, 2, 3]));
    expect([...(root.at(`outbox/${OWN}/${B1}.sclb`) as FakeFile).data]).toEqual([1, 2, 3]);
    expect([...(root.at(`outbox/${OWN}`) as FakeDir).children.keys()]).toEqual([`${B1}.sclb`]);
    expect(root.options.log).toEqual([
      'mkdir outbox',
      `mkdir ${OWN}`,
      `create ${B1}.sclb.part`,
      `close ${B1}.sclb.part`,
      `move ${B1}.sclb.part -> ${B1}.sclb`,
    ]);
  });

  it('writes the final name directly (swap on close) where move() is missing or refuses', async () => {
    for (const options of [{ move: false }, { move: true, moveFails: true }]) {
      const { folder, root } = setup(options);
      await folder.write(OWN, B1, new Uint8Array([4, 5]));
      expect([...(root.at(`outbox/${OWN}`) as FakeDir).children.keys()]).toEqual([`${B1}.sclb`]);
      expect([...(root.at(`outbox/${OWN}/${B1}.sclb`) as FakeFile).data]).toEqual([4, 5]);
      expect(root.options.log).toContain(`close ${B1}.sclb`);
    }
  });

  it('accepts the same bytes again, refuses different bytes under one bundleId', async () => {
    const { folder, root } = setup({ move: true });
    await folder.write(OWN, B1, new Uint8Array([1, 2, 3]));
    await folder.write(OWN, B1, new Uint8Array([1, 2, 3]));
    await expect(folder.write(OWN, B1, new Uint8Array([3, 2, 1]))).rejects.toThrow('内容不同，未覆盖');
    expect([...(root.at(`outbox/${OWN}/${B1}.sclb`) as FakeFile).data]).toEqual([1, 2, 3]);
  });

  it('replaces an empty file of its own left by an interrupted write', async () => {
    const { folder, root } = setup();
    root.put(`outbox/${OWN}/${B1}.sclb`, '');
    await folder.write(OWN, B1, new Uint8Array([7]));
    expect([...(root.at(`outbox/${OWN}/${B1}.sclb`) as FakeFile).data]).toEqual([7]);
  });

  it('never touches other nodes’ files', async () => {
    const { folder, root } = setup({ move: true });
    root.put(`outbox/${OTHER}/${B1}.sclb`, 'theirs');
    root.put(`outbox/${OTHER}/${B2}.sclb.part`, 'their half');
    await folder.write(OWN, B1, new Uint8Array([1]));
    expect(text(root.at(`outbox/${OTHER}/${B1}.sclb`))).toBe('theirs');
    expect(text(root.at(`outbox/${OTHER}/${B2}.sclb.part`))).toBe('their half');
    expect(root.options.log.filter((line) => line.includes(OTHER) || line.startsWith('remove'))).toEqual([]);
  });

  it('leaves neither a .part nor a final file, and older bundles intact, when the write fails', async () => {
    for (const move of [true, false]) {
      const { folder, root } = setup({ move, failWrite: () => true });
      root.put(`outbox/${OWN}/${B2}.sclb`, 'older bundle');
      await expect(folder.write(OWN, B1, new Uint8Array([1]))).rejects.toThrow(/无法写入同步文件夹（未留下不完整的文件）：磁盘已满/);
      expect([...(root.at(`outbox/${OWN}`) as FakeDir).children.keys()]).toEqual([`${B2}.sclb`]);
      expect(text(root.at(`outbox/${OWN}/${B2}.sclb`))).toBe('older bundle');
    }
  });

  it('validates ids and size before touching the folder', async () => {
    const { folder, root } = setup();
    await expect(folder.write('../x', B1, new Uint8Array([1]))).rejects.toThrow('编号无效');
    await expect(folder.write(OWN, B1, new Uint8Array())).rejects.toThrow('数据包为空');
    expect(root.options.log).toEqual([]);
  });
});

describe('IndexedDB handle store', () => {
  it('keeps the handle in its own database, across store instances', async () => {
    const handle = { kind: 'directory', name: '同步U盘' } as unknown as SyncDirectoryHandle;
    await createIndexedDbHandleStore().save(handle);
    expect(await createIndexedDbHandleStore().load()).toEqual(handle);
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).toContain(HANDLE_DB_NAME);
    expect(HANDLE_DB_NAME).not.toBe('sciledger');
  });

  it('loads nothing before a folder was chosen', async () => {
    expect(await createIndexedDbHandleStore('sciledger-handles-empty').load()).toBeUndefined();
  });
});

describe('web platform', () => {
  it('has a sync folder but no automatic backups', async () => {
    const platform = createWebPlatform('test');
    expect(platform.backups).toBeUndefined();
    // jsdom has no showDirectoryPicker: the clerk is told to use 导出/导入 instead.
    await expect(platform.syncFolder.choose()).rejects.toThrow(UNSUPPORTED_MESSAGE);
  });
});
