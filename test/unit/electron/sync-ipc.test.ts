// Sync folder and backups end to end on the desktop side: renderer Platform (desktop.ts) →
// typed IPC client → the main process's gate (ipc.ts) → the real services on temp folders.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpcError } from '../../../shared/ipc';
import type { RangeFile } from '../../../renderer/src/platform/Platform';
import { fakeBundle, tempDir } from './main/services/helpers';
import { desktopOverIpc } from './desktopOverIpc';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const BUNDLE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

async function desktop() {
  const userData = await tempDir();
  const usb = await tempDir();
  const desktop = desktopOverIpc({ userData, documents: await tempDir(), picked: usb, messageBoxResponse: 0, backups: { now: () => new Date('2025-03-10T08:00:00.000Z') } });
  return { ...desktop, userData, usb };
}

/** An opened file reads back `bytes`, is the one file open, and is refused once closed. */
async function expectReadThenClosed(opened: RangeFile, bytes: Uint8Array, files: { openCount(): number }) {
  expect(opened.size).toBe(bytes.length);
  expect(await opened.read(0, opened.size)).toEqual(bytes);
  expect(files.openCount()).toBe(1);
  await opened.close();
  expect(files.openCount()).toBe(0);
  await expect(opened.read(0, 1)).rejects.toThrow('数据包文件已关闭');
}

describe('desktop sync folder over IPC', () => {
  it('chooses, writes, lists and reads through the contract', async () => {
    const { platform, usb, files } = await desktop();
    expect(await platform.syncFolder.current()).toBeNull();
    expect(await platform.syncFolder.choose()).toEqual({ label: usb });
    expect(await platform.syncFolder.current()).toEqual({ label: usb });
    const bytes = fakeBundle();
    await expect(platform.syncFolder.write(OWN, BUNDLE, bytes)).resolves.toBeUndefined();
    const listing = await platform.syncFolder.list();
    expect(listing.skipped).toEqual([]);
    expect(listing.entries).toMatchObject([{ nodeId: OWN, bundleId: BUNDLE, size: bytes.length }]);
    // A whole entry may be handed back: only the ids cross the bridge. The bundle comes back
    // opened, to be read in ranges (issue 10), and is closed after.
    await expectReadThenClosed((await platform.syncFolder.open(listing.entries[0])) as RangeFile, bytes, files);
    expect(await readdir(path.join(usb, 'outbox', OWN))).toEqual([`${BUNDLE}.sclb`]);
  });

  it('turns a bad id into an IpcError before the main process touches the disk', async () => {
    const { platform } = await desktop();
    await platform.syncFolder.choose();
    const error = await platform.syncFolder.open({ nodeId: '../..', bundleId: BUNDLE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('reports service refusals in Chinese', async () => {
    const { platform } = await desktop();
    await expect(platform.syncFolder.list()).rejects.toMatchObject({ code: 'HANDLER_FAILED', message: expect.stringContaining('尚未选择同步文件夹') });
    await platform.syncFolder.choose();
    await platform.syncFolder.write(OWN, BUNDLE, fakeBundle());
    const other = fakeBundle();
    other[other.length - 1] ^= 1;
    await expect(platform.syncFolder.write(OWN, BUNDLE, other)).rejects.toThrow('内容不同，未覆盖');
    // This machine registered OWN with its first write: another machine's outbox is refused.
    await expect(platform.syncFolder.write(OTHER, BUNDLE, fakeBundle())).rejects.toThrow('拒绝写入其他编号的文件夹');
    await expect(platform.syncFolder.open({ nodeId: OTHER, bundleId: BUNDLE })).rejects.toThrow('找不到数据包');
  });
});

describe('desktop backups over IPC', () => {
  it('writes, lists and opens snapshots in userData/backups, to be read in ranges and closed', async () => {
    const { platform, userData, files } = await desktop();
    const backups = platform.backups!;
    const bytes = fakeBundle();
    const entry = await backups.write(bytes, 'before-import');
    expect(entry).toEqual({ id: '20250310T080000000Z-before-import', reason: 'before-import', createdAt: '2025-03-10T08:00:00.000Z', size: bytes.length });
    expect(await backups.list()).toEqual([entry]);
    // Issue 10: the backup comes back opened by the main process, never whole.
    await expectReadThenClosed(await backups.open(entry.id), bytes, files);
    expect(new Uint8Array(await readFile(path.join(userData, 'backups', `${entry.id}.sclb`)))).toEqual(bytes);
  });

  it('refuses an invalid or unknown backup id in Chinese, opening nothing', async () => {
    const { platform, files } = await desktop();
    const backups = platform.backups!;
    await backups.write(fakeBundle(), 'manual');
    for (const id of ['../sync-folder', '20250310T080000000Z-evil', '20250310T080000000Z-manual.sclb', '']) {
      await expect(backups.open(id), id).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('备份编号无效') });
    }
    await expect(backups.open('20250310T090000000Z-daily')).rejects.toMatchObject({ code: 'HANDLER_FAILED', message: expect.stringContaining('找不到该备份') });
    expect(files.openCount()).toBe(0);
  });
});

describe('desktop backup retention over IPC', () => {
  it('cannot be set by a write any more, only through the main process’s confirmation', async () => {
    const { platform, dialog, invoke } = await desktop();
    const backups = platform.backups!;
    // The old way — a retention inside the write request — is refused at the gate.
    expect(await invoke('backups:write', { bytes: fakeBundle(), reason: 'manual', maxTotal: 3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await backups.list()).toEqual([]);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await backups.setRetention(3)).toEqual({ maxTotal: 30, changed: false });
    expect(await backups.retention()).toEqual({ maxTotal: 30 });
    expect(await backups.setRetention(12)).toEqual({ maxTotal: 12, changed: true });
    expect(await backups.retention()).toEqual({ maxTotal: 12 });
    await expect(backups.setRetention(1)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
