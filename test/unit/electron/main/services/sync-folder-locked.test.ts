import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { syncSkipReasons } from '../../../../../shared/sync/folderLayout';
import { tempDir } from './helpers';

// Files another program holds open (Windows antivirus, a half-finished copy) or that the clerk
// may not read. chmod cannot make that happen for root (our CI user), so the open call fails
// here by injection instead: EACCES for `.locked-acl` files, EBUSY for `.locked-busy` ones.
const lockedFiles = new Map<string, string>();
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (file: Parameters<typeof actual.open>[0], ...rest: unknown[]) => {
      const code = lockedFiles.get(String(file));
      if (code) throw Object.assign(new Error(`${code}: locked`), { code });
      return (actual.open as (...args: unknown[]) => ReturnType<typeof actual.open>)(file, ...rest);
    },
  };
});

const { createSyncFolderService } = await import('../../../../../electron/main/services/sync-folder');

const OTHER = '22222222-2222-4222-8222-222222222222';
const B1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const B3 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

describe('sync folder: files that cannot be opened', () => {
  it('skips a file without read permission and one held by another program, each with a Chinese reason', async () => {
    const userData = await tempDir();
    const folder = await tempDir();
    const service = createSyncFolderService({
      userDataDir: userData,
      dialog: { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [folder] })) },
      defaultFolder: userData,
    });
    await service.choose();
    const dir = path.join(folder, 'outbox', OTHER);
    await mkdir(dir, { recursive: true });
    for (const id of [B1, B2, B3]) await writeFile(path.join(dir, `${id}.sclb`), 'PK-bundle');
    lockedFiles.set(path.join(dir, `${B1}.sclb`), 'EACCES');
    lockedFiles.set(path.join(dir, `${B2}.sclb`), 'EBUSY');

    const { entries, skipped } = await service.list();
    expect(entries.map((e) => e.bundleId)).toEqual([B3]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { name: `outbox/${OTHER}/${B1}.sclb`, reason: syncSkipReasons.unreadable('没有读取权限') },
        { name: `outbox/${OTHER}/${B2}.sclb`, reason: syncSkipReasons.unreadable('文件被其他程序占用') },
      ]),
    );
  });
});
