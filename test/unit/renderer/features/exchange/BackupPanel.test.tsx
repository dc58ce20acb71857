/**
 * 恢复 from the desktop backup list (issue 10): the main process opens the backup in its own
 * backups folder (backups:open) and the page reads it a range at a time through the same handles
 * as a picked file — never the whole file over IPC — and closes it once the restore is done with
 * it: restored, refused, or cancelled. Only the Electron edge is mocked.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILE_READ_MAX_BYTES } from '../../../../../shared/ipc';
import { addAttachments, readAttachmentBytes } from '../../../../../renderer/src/db/attachments';
import { DbProvider } from '../../../../../renderer/src/db/DbContext';
import type { SciLedgerDb } from '../../../../../renderer/src/db/database';
import { dumpLedgers, exportBundle, restoreFromBundle } from '../../../../../renderer/src/db/sync';
import { BackupPanel } from '../../../../../renderer/src/features/exchange/BackupPanel';
import { PlatformProvider } from '../../../../../renderer/src/platform';
import type { Platform } from '../../../../../renderer/src/platform/Platform';
import { pngBytes, scannedPdf, stipendId, useStorableBlobs } from '../../db/attachments/attachmentHelpers';
import { desktopOverIpc } from '../../../electron/desktopOverIpc';
import { advisor } from '../../db/helpers';
import { node } from '../../db/sync/syncHelpers';

useStorableBlobs();

const dirs: string[] = [];
// Reading and checking a backup of this size takes seconds on a loaded machine.
const slow = { timeout: 20_000 };

afterEach(async () => {
  cleanup();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** The desktop app on a temp userData folder; every IPC call the page makes is recorded. */
async function desktop() {
  const userData = await mkdtemp(path.join(tmpdir(), 'sciledger-backups-'));
  dirs.push(userData);
  // The temp disk's free space is not what this test is about.
  return desktopOverIpc({ userData, backups: { freeBytes: async () => Number.MAX_SAFE_INTEGER } });
}

function show(db: SciLedgerDb, platform: Platform) {
  return render(
    <PlatformProvider platform={platform}>
      <DbProvider db={db}>
        <App>
          <BackupPanel />
        </App>
      </DbProvider>
    </PlatformProvider>,
  );
}

/** A full snapshot of a ledger with records and attachment files, as a backup holds it. */
async function snapshot() {
  const a = await node('南宁');
  const files = await addAttachments(a, 'advisorStipends', stipendId, [
    { name: '凭证.pdf', bytes: scannedPdf(300_000, 1) },
    { name: '照片.png', bytes: pngBytes(3) },
  ]);
  await a.advisors.bulkAdd(Array.from({ length: 30 }, (_, i) => advisor({ name: `顾问${i}` })) as never);
  const { parts } = await exportBundle(a, { kind: 'full' });
  expect(parts).toHaveLength(1);
  return { a, bytes: parts[0].bytes, files };
}

/** The 恢复… button of the backup list's row whose reason is `reason`. */
async function restoreButtonOf(reason: string) {
  const table = await screen.findByRole('table', {}, slow);
  const cell = await within(table).findByText(reason, {}, slow);
  return within(cell.closest('tr')!).getByRole('button', { name: /恢复/ });
}

describe('BackupPanel 恢复 from a desktop backup', () => {
  it('restores through the main process’s handle exactly as from the bytes, in slices, and closes it', async () => {
    const { bytes, files } = await snapshot();
    const { platform, files: open, calls, reads } = await desktop();
    await platform.backups!.write(bytes, 'manual');
    const b = await node('柳州');
    show(b, platform);

    await userEvent.click(await restoreButtonOf('手动'));
    const confirm = await screen.findByRole('button', { name: /确认恢复/ }, slow);
    expect(open.openCount()).toBe(1); // held while the clerk decides
    await userEvent.click(confirm);
    await screen.findByText(/已恢复/, {}, slow);
    await waitFor(() => expect(open.openCount()).toBe(0), slow);

    const c = await node('梧州');
    await restoreFromBundle(c, bytes);
    expect(await dumpLedgers(b)).toEqual(await dumpLedgers(c));
    expect((await dumpLedgers(b)).advisors).toHaveLength(30);
    for (const f of files) expect(Array.from((await readAttachmentBytes(b, f.sha256)) ?? [])).toEqual(Array.from((await readAttachmentBytes(c, f.sha256)) ?? []));

    // Only a handle and ranges crossed: no call answered with the backup whole.
    expect(calls.some((c) => c.channel === 'backups:open')).toBe(true);
    expect(reads.length).toBeGreaterThan(3);
    for (const r of reads) {
      expect(r.end - r.start).toBeLessThanOrEqual(FILE_READ_MAX_BYTES);
      expect(r.end - r.start).toBeLessThan(bytes.length);
    }
  }, 90_000);

  it('closes the backup at once when it is refused, and when the clerk cancels', async () => {
    const { bytes } = await snapshot();
    const broken = bytes.slice();
    broken[broken.length - 30] ^= 0xff; // inside the zip's end record
    const { platform, files: open } = await desktop();
    await platform.backups!.write(broken, 'before-import');
    await platform.backups!.write(bytes, 'manual');
    const b = await node('柳州');
    await b.advisors.add(advisor({ name: '黄立新' }) as never);
    const before = await dumpLedgers(b);
    show(b, platform);

    await userEvent.click(await restoreButtonOf('导入前'));
    await screen.findByText(/无法从.*的备份（导入前）恢复/, {}, slow);
    expect(open.openCount()).toBe(0);

    await userEvent.click(await restoreButtonOf('手动'));
    await screen.findByRole('button', { name: /确认恢复/ }, slow);
    expect(open.openCount()).toBe(1);
    await userEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(open.openCount()).toBe(0), slow);
    expect(await dumpLedgers(b)).toEqual(before);
  }, 90_000);
});
