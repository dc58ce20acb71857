import { chmod, mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SYNC_BUNDLE_BYTES, syncSkipReasons } from '../../../../../shared/sync/folderLayout';
import {
  createSyncFolderService,
  type FolderDialogOptionsLike,
  SYNC_FOLDER_STATE_FILE,
} from '../../../../../electron/main/services/sync-folder';
import { fakeBundle, leftoverTempFiles, readOpenedBundle, tempDir } from './helpers';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const B1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const B3 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const bytes = (...values: number[]) => new Uint8Array(values);
/** A bundle-shaped zip (what the main process agrees to write) ending in `marker`. */
function bundle(...marker: number[]): Uint8Array {
  const zip = fakeBundle();
  const out = new Uint8Array(zip.length + marker.length);
  out.set(zip);
  out.set(marker, zip.length);
  return out;
}

function folderDialog(pick: string | null) {
  return {
    showOpenDialog: vi.fn(async (_options: FolderDialogOptionsLike) =>
      pick ? { canceled: false, filePaths: [pick] } : { canceled: true, filePaths: [] },
    ),
  };
}

/** A service whose folder has already been chosen. */
async function setup(options: Partial<Parameters<typeof createSyncFolderService>[0]> = {}) {
  const userData = await tempDir();
  const folder = await tempDir();
  const dialog = folderDialog(folder);
  const service = createSyncFolderService({ userDataDir: userData, dialog, defaultFolder: userData, ...options });
  await service.choose();
  return { service, userData, folder, dialog, outbox: path.join(folder, 'outbox') };
}

async function put(outbox: string, relative: string, content: string | Uint8Array = 'PK-bundle') {
  const file = path.join(outbox, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

describe('sync folder: choose / current', () => {
  it('remembers the chosen folder in userData/sync-folder.json across service instances', async () => {
    const userData = await tempDir();
    const folder = await tempDir();
    const dialog = folderDialog(folder);
    const service = createSyncFolderService({ userDataDir: userData, dialog, defaultFolder: '/docs' });
    expect(await service.current()).toBeNull();
    expect(await service.choose()).toEqual({ label: folder });
    expect(dialog.showOpenDialog.mock.calls[0][0]).toMatchObject({
      defaultPath: '/docs',
      properties: expect.arrayContaining(['openDirectory']),
    });
    // Directly under userData, not under userData/databases (which Electron may wipe).
    expect(JSON.parse(await readFile(path.join(userData, SYNC_FOLDER_STATE_FILE), 'utf8'))).toEqual({ folder });

    const again = createSyncFolderService({ userDataDir: userData, dialog: folderDialog(null), defaultFolder: '/docs' });
    expect(await again.current()).toEqual({ label: folder });
  });

  it('keeps the previous folder when the dialog is cancelled, and starts the dialog there', async () => {
    const { service, userData, folder } = await setup();
    const cancelling = folderDialog(null);
    const second = createSyncFolderService({ userDataDir: userData, dialog: cancelling, defaultFolder: '/docs' });
    expect(await second.choose()).toBeNull();
    expect(cancelling.showOpenDialog.mock.calls[0][0].defaultPath).toBe(folder);
    expect(await service.current()).toEqual({ label: folder });
  });

  it('ignores a corrupt or relative state file', async () => {
    const userData = await tempDir();
    const service = createSyncFolderService({ userDataDir: userData, dialog: folderDialog(null), defaultFolder: '/' });
    await writeFile(path.join(userData, SYNC_FOLDER_STATE_FILE), '{not json');
    expect(await service.current()).toBeNull();
    await writeFile(path.join(userData, SYNC_FOLDER_STATE_FILE), JSON.stringify({ folder: 'relative/usb' }));
    expect(await service.current()).toBeNull();
  });

  it('explains a missing choice or an unplugged USB stick instead of creating folders', async () => {
    const userData = await tempDir();
    const service = createSyncFolderService({ userDataDir: userData, dialog: folderDialog(null), defaultFolder: '/' });
    await expect(service.list()).rejects.toThrow('尚未选择同步文件夹');
    const gone = path.join(await tempDir(), 'usb-stick');
    await writeFile(path.join(userData, SYNC_FOLDER_STATE_FILE), JSON.stringify({ folder: gone }));
    expect(await service.current()).toEqual({ label: gone });
    await expect(service.list()).rejects.toThrow('U 盘');
    await expect(service.write(OWN, B1, bundle(1))).rejects.toThrow('U 盘');
    await expect(stat(gone)).rejects.toThrow(); // not created on the local disk
  });
});

describe('sync folder: list', () => {
  it('is empty before anybody wrote into the folder', async () => {
    const { service } = await setup();
    expect(await service.list()).toEqual({ entries: [], skipped: [] });
  });

  it('lists every node’s bundles, oldest first', async () => {
    const { service, outbox } = await setup();
    const older = await put(outbox, `${OTHER}/${B2}.sclb`, 'other node');
    await put(outbox, `${OWN}/${B1}.sclb`, 'own');
    const past = new Date('2025-01-02T03:04:05.000Z');
    const { utimes } = await import('node:fs/promises');
    await utimes(older, past, past);
    const { entries, skipped } = await service.list();
    expect(skipped).toEqual([]);
    expect(entries).toEqual([
      { nodeId: OTHER, bundleId: B2, size: 10, modifiedAt: past.toISOString() },
      { nodeId: OWN, bundleId: B1, size: 3, modifiedAt: expect.any(String) },
    ]);
  });

  it('skips temp, half-written, foreign and odd entries, each with a Chinese reason', async () => {
    const { service, outbox } = await setup();
    await put(outbox, `${OTHER}/${B1}.sclb`, 'good');
    await put(outbox, `${OTHER}/${B2}.sclb.tmp-1712345678abcdef`, 'half'); // atomically's temp file
    await put(outbox, `${OTHER}/${B3}.sclb.part`, 'half'); // the web platform's temp file
    await put(outbox, `${OTHER}/${B3}.sclb.crswap`, 'half'); // Chromium's swap file
    await put(outbox, `${OTHER}/notes.txt`, 'hello');
    await put(outbox, `${OTHER}/../../evil.sclb`, 'outside the outbox: never listed');
    await put(outbox, `${OTHER}/backup-copy.sclb`, 'x');
    await put(outbox, `${OTHER}/${B2}.sclb`, ''); // empty: a copy that did not finish
    await mkdir(path.join(outbox, OTHER, `${B3}.sclb`)); // a folder with a bundle's name
    await put(outbox, `not-a-node/${B1}.sclb`, 'x');
    await put(outbox, `${B1}.sclb`, 'loose in outbox');
    await put(outbox, `${OTHER}/Thumbs.db`, 'windows clutter'); // silently ignored
    await put(outbox, '.DS_Store', 'mac clutter');

    const { entries, skipped } = await service.list();
    expect(entries.map((e) => [e.nodeId, e.bundleId])).toEqual([[OTHER, B1]]);
    const reasons = Object.fromEntries(skipped.map((s) => [s.name, s.reason]));
    expect(reasons).toEqual({
      [`outbox/${OTHER}/${B2}.sclb.tmp-1712345678abcdef`]: syncSkipReasons.temp,
      [`outbox/${OTHER}/${B3}.sclb.part`]: syncSkipReasons.temp,
      [`outbox/${OTHER}/${B3}.sclb.crswap`]: syncSkipReasons.temp,
      [`outbox/${OTHER}/notes.txt`]: syncSkipReasons.notBundle,
      [`outbox/${OTHER}/backup-copy.sclb`]: syncSkipReasons.badBundleName,
      [`outbox/${OTHER}/${B2}.sclb`]: syncSkipReasons.empty,
      [`outbox/${OTHER}/${B3}.sclb`]: syncSkipReasons.directory,
      'outbox/not-a-node': syncSkipReasons.badNodeFolder,
      [`outbox/${B1}.sclb`]: syncSkipReasons.looseFile,
    });
    for (const reason of Object.values(reasons)) expect(reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('skips files over the size cap without reading them', async () => {
    const { service, outbox } = await setup();
    const big = await put(outbox, `${OTHER}/${B1}.sclb`, 'x');
    await truncate(big, MAX_SYNC_BUNDLE_BYTES + 1); // sparse: no real 200 MB written
    const { entries, skipped } = await service.list();
    expect(entries).toEqual([]);
    expect(skipped[0].reason).toMatch(/文件过大.*上限 200 MB/);
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow('文件过大');
  });

  it.skipIf(process.platform === 'win32')('does not follow symlinks out of the folder', async () => {
    const { service, outbox } = await setup();
    const secret = path.join(await tempDir(), 'secret.txt');
    await writeFile(secret, 'not yours');
    await mkdir(path.join(outbox, OTHER), { recursive: true });
    await symlink(secret, path.join(outbox, OTHER, `${B1}.sclb`));
    await symlink(path.dirname(secret), path.join(outbox, OWN));
    const { entries, skipped } = await service.list();
    expect(entries).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([syncSkipReasons.notRegular, syncSkipReasons.notRegular]);
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow('不是普通文件');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('skips unreadable files', async () => {
    const { service, outbox } = await setup();
    const file = await put(outbox, `${OTHER}/${B1}.sclb`, 'locked');
    await chmod(file, 0o000);
    try {
      const { entries, skipped } = await service.list();
      expect(entries).toEqual([]);
      expect(skipped).toEqual([{ name: `outbox/${OTHER}/${B1}.sclb`, reason: syncSkipReasons.unreadable('没有读取权限') }]);
    } finally {
      await chmod(file, 0o600);
    }
  });
});

describe('sync folder: read', () => {
  it('reads a bundle by its ids', async () => {
    const { service, outbox } = await setup();
    await put(outbox, `${OTHER}/${B1}.sclb`, bytes(80, 75, 3, 4));
    expect([...(await readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 }))]).toEqual([80, 75, 3, 4]);
  });

  it('refuses anything that is not a UUID, so no path is ever built from it', async () => {
    const { service, folder } = await setup();
    await writeFile(path.join(folder, 'secret.sclb'), 'x');
    for (const nodeId of ['..', '../..', `${OTHER}/..`, 'C:\\Windows', '', OTHER.toUpperCase() + '/']) {
      await expect(readOpenedBundle(service, { nodeId, bundleId: B1 })).rejects.toThrow('节点编号无效');
    }
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: '../../secret' })).rejects.toThrow('数据包编号无效');
  });

  it('says so when a bundle has gone', async () => {
    const { service } = await setup();
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow('找不到数据包');
  });
});

describe('sync folder: write', () => {
  it('writes atomically into outbox/<ownNodeId>/, creating the folders, leaving no temp file', async () => {
    const { service, outbox } = await setup();
    await service.write(OWN, B1, bundle(1, 2, 3));
    expect(new Uint8Array(await readFile(path.join(outbox, OWN, `${B1}.sclb`)))).toEqual(bundle(1, 2, 3));
    expect(await leftoverTempFiles(path.join(outbox, OWN))).toEqual([]);
    expect((await service.list()).entries).toMatchObject([{ nodeId: OWN, bundleId: B1, size: bundle(1, 2, 3).length }]);
  });

  it('accepts the same bytes again (a retried 同步) but refuses different bytes under one bundleId', async () => {
    const { service, outbox } = await setup();
    await service.write(OWN, B1, bundle(1, 2, 3));
    await service.write(OWN, B1, bundle(1, 2, 3));
    await expect(service.write(OWN, B1, bundle(9, 9, 9))).rejects.toThrow('内容不同，未覆盖');
    expect(new Uint8Array(await readFile(path.join(outbox, OWN, `${B1}.sclb`)))).toEqual(bundle(1, 2, 3));
  });

  it('replaces an empty file of its own (an interrupted copy)', async () => {
    const { service, outbox } = await setup();
    await put(outbox, `${OWN}/${B1}.sclb`, '');
    await service.write(OWN, B1, bundle(7));
    expect(new Uint8Array(await readFile(path.join(outbox, OWN, `${B1}.sclb`)))).toEqual(bundle(7));
  });

  it('never deletes or rewrites another node’s files', async () => {
    const { service, outbox } = await setup();
    const theirs = await put(outbox, `${OTHER}/${B1}.sclb`, 'theirs');
    const theirTemp = await put(outbox, `${OTHER}/${B2}.sclb.part`, 'their half-written file');
    const before = await stat(theirs);
    await service.write(OWN, B1, bundle(1)); // the same bundleId in our own folder is independent
    await service.write(OWN, B2, bundle(2));
    expect(await readFile(theirs, 'utf8')).toBe('theirs');
    expect((await stat(theirs)).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(theirTemp, 'utf8')).toBe('their half-written file');
    expect((await readdir(path.join(outbox, OTHER))).sort()).toEqual([`${B1}.sclb`, `${B2}.sclb.part`].sort());
  });

  it('leaves nothing behind and the other files intact when the write fails midway', async () => {
    const { service, outbox } = await setup({
      hooks: {
        write: {
          onTempWritten: () => {
            throw Object.assign(new Error('ENOSPC: no space left on device (simulated)'), { code: 'ENOSPC' });
          },
        },
      },
    });
    await put(outbox, `${OWN}/${B1}.sclb`, 'old bundle');
    await expect(service.write(OWN, B2, bundle(1, 2))).rejects.toThrow('无法写入同步文件夹');
    expect(await readdir(path.join(outbox, OWN))).toEqual([`${B1}.sclb`]);
    expect(await readFile(path.join(outbox, OWN, `${B1}.sclb`), 'utf8')).toBe('old bundle');
  });

  it('validates ids and size before touching the folder', async () => {
    const { service, outbox } = await setup();
    await expect(service.write('../' + OTHER, B1, bundle(1))).rejects.toThrow('本机节点编号无效');
    await expect(service.write(OWN, 'x', bundle(1))).rejects.toThrow('数据包编号无效');
    await expect(service.write(OWN, B1, new Uint8Array())).rejects.toThrow('数据包为空');
    await expect(service.write(OWN, B1, bytes(1, 2, 3))).rejects.toThrow('内容不是 SciLedger 数据包');
    await expect(stat(outbox)).rejects.toThrow();
  });
});
