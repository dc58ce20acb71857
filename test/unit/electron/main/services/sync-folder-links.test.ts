// Issue 16: someone with write access to the USB stick plants links (NTFS junctions on
// Windows, symlinks here) in the sync folder, swaps files between our checks and our reads,
// or a compromised page asks to write into another machine's outbox.
import { mkdir, readdir, readFile, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SYNC_BUNDLE_BYTES } from '../../../../../shared/sync/folderLayout';
import { createSyncFolderService, MIN_FREE_BYTES_AFTER_WRITE } from '../../../../../electron/main/services/sync-folder';
import { NODE_IDENTITY_FILE } from '../../../../../electron/main/services/node-identity';
import { fakeBundle, readOpenedBundle, tempDir } from './helpers';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const B1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

// Junctions need Windows; symlinks are what the reproduction used on Linux.
const links = it.skipIf(process.platform === 'win32');

async function setup(options: Partial<Parameters<typeof createSyncFolderService>[0]> = {}) {
  const userData = await tempDir();
  const folder = await tempDir();
  const victim = await tempDir(); // e.g. the clerk's Startup folder
  const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [folder] })) };
  const service = createSyncFolderService({ userDataDir: userData, dialog, defaultFolder: userData, ...options });
  await service.choose();
  return { service, userData, folder, victim, outbox: path.join(folder, 'outbox') };
}

describe('sync folder: links in parent folders are never followed', () => {
  links('a linked outbox/<ownNodeId> (a junction to Startup) is refused and nothing is written there', async () => {
    const { service, outbox, victim } = await setup();
    await mkdir(outbox);
    await symlink(victim, path.join(outbox, OWN), 'junction');
    await expect(service.write(OWN, B1, fakeBundle())).rejects.toThrow(/“outbox\/11111111-1111-4111-8111-111111111111”是链接或快捷方式/);
    expect(await readdir(victim)).toEqual([]);
  });

  links('a linked outbox is refused for writing, listing and reading', async () => {
    const { service, folder, victim } = await setup();
    await mkdir(path.join(victim, OTHER));
    await writeFile(path.join(victim, OTHER, `${B1}.sclb`), 'a file of this PC');
    await symlink(victim, path.join(folder, 'outbox'), 'junction');
    await expect(service.write(OWN, B1, fakeBundle())).rejects.toThrow(/“outbox”是链接或快捷方式/);
    await expect(service.list()).rejects.toThrow(/“outbox”是链接或快捷方式/);
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow(/“outbox”是链接或快捷方式/);
    expect((await readdir(victim)).sort()).toEqual([OTHER]);
  });

  links('a linked node folder of another machine is skipped by list and refused by read', async () => {
    const { service, outbox, victim } = await setup();
    await writeFile(path.join(victim, `${B1}.sclb`), 'a file of this PC');
    await mkdir(outbox);
    await symlink(victim, path.join(outbox, OTHER), 'junction');
    expect((await service.list()).entries).toEqual([]);
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow(/是链接或快捷方式/);
  });

  links('a node folder swapped for a link while the bundle is being written is caught before the rename', async () => {
    const { outbox, victim, userData } = await setup();
    const service = createSyncFolderService({
      userDataDir: userData,
      dialog: { showOpenDialog: vi.fn() },
      defaultFolder: userData,
      hooks: {
        write: {
          beforeRename: async () => {
            await rename(path.join(outbox, OWN), path.join(outbox, 'moved-away'));
            await symlink(victim, path.join(outbox, OWN), 'junction');
          },
        },
      },
    });
    await expect(service.write(OWN, B1, fakeBundle())).rejects.toThrow(/是链接或快捷方式/);
    expect(await readdir(victim)).toEqual([]);
  });

  links('the chosen folder itself may be a link (the clerk’s own choice); links below it may not', async () => {
    const { userData } = await setup();
    const real = await tempDir();
    const viaLink = path.join(await tempDir(), 'U盘');
    await symlink(real, viaLink, 'junction');
    const service = createSyncFolderService({
      userDataDir: userData,
      dialog: { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [viaLink] })) },
      defaultFolder: userData,
    });
    await service.choose();
    await service.write(OWN, B1, fakeBundle());
    expect(await readdir(path.join(real, 'outbox', OWN))).toEqual([`${B1}.sclb`]);
  });
});

describe('sync folder: reads decide on the opened file', () => {
  links('a bundle swapped for a link after the listing is refused', async () => {
    const { service, outbox, victim } = await setup();
    const secret = path.join(victim, 'secret.txt');
    await writeFile(secret, 'a file of this PC');
    await mkdir(path.join(outbox, OTHER), { recursive: true });
    const file = path.join(outbox, OTHER, `${B1}.sclb`);
    await writeFile(file, 'PK-bundle');
    const { entries } = await service.list();
    expect(entries).toHaveLength(1);
    await rm(file);
    await symlink(secret, file);
    await expect(readOpenedBundle(service, entries[0])).rejects.toThrow('不是普通文件');
  });

  links('a bundle swapped for a link between the check and the open is refused', async () => {
    const { userData, outbox, victim } = await setup();
    const secret = path.join(victim, 'secret.txt');
    await writeFile(secret, 'a file of this PC');
    const file = path.join(outbox, OTHER, `${B1}.sclb`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'PK-bundle');
    const service = createSyncFolderService({
      userDataDir: userData,
      dialog: { showOpenDialog: vi.fn() },
      defaultFolder: userData,
      hooks: {
        read: {
          beforeOpen: async () => {
            await rm(file);
            await symlink(secret, file);
          },
        },
      },
    });
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow('不是普通文件');
  });

  it('a bundle replaced by another file between the check and the open is refused', async () => {
    const { userData, outbox } = await setup();
    const file = path.join(outbox, OTHER, `${B1}.sclb`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'PK-bundle');
    const service = createSyncFolderService({
      userDataDir: userData,
      dialog: { showOpenDialog: vi.fn() },
      defaultFolder: userData,
      hooks: {
        read: {
          beforeOpen: async () => {
            await writeFile(`${file}.new`, 'PK-other');
            await rename(`${file}.new`, file);
          },
        },
      },
    });
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow('不是普通文件');
  });

  it('a bundle that grew past the cap after the check is refused from the handle, not read whole', async () => {
    const { userData, outbox } = await setup();
    const file = path.join(outbox, OTHER, `${B1}.sclb`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'PK-bundle');
    const service = createSyncFolderService({
      userDataDir: userData,
      dialog: { showOpenDialog: vi.fn() },
      defaultFolder: userData,
      hooks: { read: { beforeOpen: () => truncate(file, MAX_SYNC_BUNDLE_BYTES + 1) } },
    });
    await expect(readOpenedBundle(service, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow(/文件过大/);
  });
});

describe('sync folder: node identity and quotas', () => {
  it('registers the first node id in userData and refuses a foreign one afterwards, across restarts', async () => {
    const { service, userData, outbox } = await setup();
    await service.write(OWN, B1, fakeBundle());
    expect(JSON.parse(await readFile(path.join(userData, NODE_IDENTITY_FILE), 'utf8'))).toEqual({ nodeId: OWN });
    await expect(service.write(OTHER, B2, fakeBundle())).rejects.toThrow(/已登记为 11111111-.*拒绝写入其他编号的文件夹/);
    const restarted = createSyncFolderService({ userDataDir: userData, dialog: { showOpenDialog: vi.fn() }, defaultFolder: userData });
    await expect(restarted.write(OTHER, B2, fakeBundle())).rejects.toThrow('拒绝写入其他编号的文件夹');
    expect(await readdir(outbox)).toEqual([OWN]);
  });

  it('refuses to write when the registration is damaged rather than registering anew', async () => {
    const { service, userData, outbox } = await setup();
    await writeFile(path.join(userData, NODE_IDENTITY_FILE), '{"nodeId":"../x"}');
    await expect(service.write(OWN, B1, fakeBundle())).rejects.toThrow('本机节点登记文件已损坏');
    await expect(readdir(outbox)).rejects.toThrow();
  });

  it('caps what this machine keeps in its outbox folder', async () => {
    const bundle = fakeBundle();
    const { service, outbox } = await setup({ ownOutboxMaxBytes: bundle.length * 2 });
    await service.write(OWN, B1, bundle);
    await service.write(OWN, B2, bundle);
    await expect(service.write(OWN, 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', bundle)).rejects.toThrow(/数据包已占 0 MB，再写入将超过上限/);
    expect(await readdir(path.join(outbox, OWN))).toHaveLength(2);
  });

  it('refuses a nearly full USB stick with a clear message and writes nothing', async () => {
    const { service, outbox } = await setup({ freeBytes: async () => MIN_FREE_BYTES_AFTER_WRITE + 10 });
    await expect(service.write(OWN, B1, fakeBundle())).rejects.toThrow(/U 盘（同步文件夹）快满了：剩余 64 MB.*请清理 U 盘后再同步/);
    expect(await readdir(path.join(outbox, OWN))).toEqual([]);
  });
});
