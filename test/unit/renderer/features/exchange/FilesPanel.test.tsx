/**
 * 导入数据包 with a file the main process holds open (desktop, issue 10): the page reads it in
 * slices for the preview and the import, and closes it once it is no longer waiting — imported,
 * cancelled, refused, replaced by another file, or the page left — so no handle is left open.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesSource } from '../../../../../shared/sync';
import { DbProvider } from '../../../../../renderer/src/db/DbContext';
import type { SciLedgerDb } from '../../../../../renderer/src/db/database';
import { FilesPanel } from '../../../../../renderer/src/features/exchange/FilesPanel';
import { PlatformProvider } from '../../../../../renderer/src/platform';
import type { Platform, RangeFile } from '../../../../../renderer/src/platform/Platform';
import { exportBundle, getLocalVector } from '../../../../../renderer/src/db/sync';
import { advisor } from '../../db/helpers';
import { node } from '../../db/sync/syncHelpers';

afterEach(() => cleanup());

/** A file held open elsewhere: every read counted, reads after close refused. */
function heldFile(bytes: Uint8Array) {
  const inner = bytesSource(bytes);
  const state = { reads: 0, closed: 0 };
  const file: RangeFile = {
    size: bytes.length,
    async read(start, end) {
      if (state.closed) throw new Error('数据包文件已关闭');
      state.reads++;
      return (await inner.read(start, end)).slice();
    },
    close: async () => void state.closed++,
  };
  return { file, state };
}

function desktopLike(picks: RangeFile[]): Platform {
  return {
    kind: 'desktop',
    saveFile: vi.fn(),
    openFiles: vi.fn(async () => {
      throw new Error('the whole file must not be read');
    }),
    pickFile: vi.fn(async () => ({ name: '南宁-全量.sclb', content: picks.shift()! })),
    openDocument: vi.fn(),
    printViewToPdf: vi.fn(),
    appInfo: vi.fn(async () => ({ kind: 'desktop' as const, version: 'test' })),
    syncFolder: { choose: vi.fn(), current: vi.fn(), list: vi.fn(), open: vi.fn(), write: vi.fn() },
  };
}

function show(db: SciLedgerDb, platform: Platform) {
  return render(
    <PlatformProvider platform={platform}>
      <DbProvider db={db}>
        <App>
          <FilesPanel />
        </App>
      </DbProvider>
    </PlatformProvider>,
  );
}

async function bundle() {
  const a = await node('南宁');
  const b = await node('柳州');
  await a.advisors.add(advisor({ name: '陈思远' }) as never);
  const { bytes } = await exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b) });
  return { b, bytes };
}

const importButton = () => screen.getByRole('button', { name: /导入数据包/ });

describe('FilesPanel 导入 with a file held open by the main process', () => {
  it('previews and imports from the file in slices, then closes it; a second file closes the first; 取消 and leaving close too', async () => {
    const { b, bytes } = await bundle();
    const first = heldFile(bytes);
    const second = heldFile(bytes);
    const third = heldFile(bytes);
    const view = show(b, desktopLike([first.file, second.file, third.file]));

    await userEvent.click(importButton());
    await screen.findByRole('button', { name: /确认导入/ });
    expect(first.state.reads).toBeGreaterThan(0);
    expect(first.state.closed).toBe(0); // still waiting for 确认导入
    // Another file chosen: the first is no longer waiting.
    await userEvent.click(importButton());
    await waitFor(() => expect(first.state.closed).toBe(1));
    await screen.findByRole('button', { name: /确认导入/ });
    await userEvent.click(screen.getByRole('button', { name: /确认导入/ }));
    await waitFor(() => expect(second.state.closed).toBe(1));
    await waitFor(async () => expect((await b.advisors.toArray()).map((x) => x.name)).toContain('陈思远'));

    await userEvent.click(importButton());
    await screen.findByRole('button', { name: /取\s*消/ });
    view.unmount();
    await waitFor(() => expect(third.state.closed).toBe(1));
    expect([first, second, third].map((f) => f.state.closed)).toEqual([1, 1, 1]);
  });

  it('closes a file it refused at once', async () => {
    const { b, bytes } = await bundle();
    const broken = bytes.slice();
    broken[broken.length - 30] ^= 0xff; // inside the end record
    const bad = heldFile(broken);
    show(b, desktopLike([bad.file]));
    await userEvent.click(importButton());
    await screen.findByTestId('import-error');
    expect(bad.state.closed).toBe(1);
  });
});
