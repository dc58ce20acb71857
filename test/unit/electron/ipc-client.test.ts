// The renderer side of the IPC contract (shared/ipc client + renderer/src/platform/desktop.ts).
// Both are DOM-free, so they run here in Node next to the main-process half they talk to.
import { describe, expect, it, vi } from 'vitest';
import { createIpcClient, IpcError, type IpcHandlers } from '../../../shared/ipc';
import { createDesktopPlatform, hasDesktopApi } from '../../../renderer/src/platform/desktop';
import { isTrustedIpcSender, registerIpcHandlers, type SenderEventLike } from '../../../electron/main/ipc';
import { fakeHandlers } from './fakeHandlers';

describe('createIpcClient', () => {
  it('unwraps ok envelopes and validates the value', async () => {
    const client = createIpcClient(async () => ({ ok: true, value: { kind: 'desktop', version: '1.0.0' } }));
    await expect(client.send('app:info', {})).resolves.toEqual({ kind: 'desktop', version: '1.0.0' });
  });

  it('throws IpcError with the code of a failure envelope', async () => {
    const client = createIpcClient(async () => ({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: '拒绝' } }));
    const error = await client.send('app:info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'FORBIDDEN_SENDER', message: '拒绝' });
  });

  it('treats malformed answers as HANDLER_FAILED', async () => {
    await expect(createIpcClient(async () => 'nonsense').send('app:info', {})).rejects.toMatchObject({
      code: 'HANDLER_FAILED',
    });
    await expect(
      createIpcClient(async () => ({ ok: true, value: { kind: 'web' } })).send('app:info', {}),
    ).rejects.toMatchObject({ code: 'HANDLER_FAILED' });
  });

  it('refuses channels outside the contract before invoking', async () => {
    const invoke = vi.fn();
    await expect(createIpcClient(invoke).send('shell:exec' as 'app:info', {})).rejects.toMatchObject({
      code: 'UNKNOWN_CHANNEL',
    });
    expect(invoke).not.toHaveBeenCalled();
  });
});

describe('desktop platform over the real IPC gate', () => {
  function wiredPlatform(overrides: Partial<IpcHandlers> = {}) {
    const listeners = new Map<string, (event: SenderEventLike, payload: unknown) => Promise<unknown>>();
    const handlers = fakeHandlers({
      'file:save': async (request) => ({ saved: true, path: `D:\\${request.suggestedName}` }),
      'file:open': async () => [{ name: 'a.xlsx', bytes: new Uint8Array([1]) }],
      'file:openDocument': async () => ({ path: 'C:\\Users\\x\\Documents\\SciLedger\\a.docx', opened: true }),
      'app:info': async () => ({ kind: 'desktop', version: '0.1.0' }),
      ...overrides,
    });
    registerIpcHandlers({ handle: (c, l) => void listeners.set(c, l) }, handlers, isTrustedIpcSender);
    const frame = { url: 'app://sciledger/index.html', parent: null };
    return createDesktopPlatform({
      invoke: (channel, payload) => listeners.get(channel)!({ senderFrame: frame, sender: { mainFrame: frame } }, payload),
    });
  }

  it('implements the Platform interface end to end', async () => {
    const platform = wiredPlatform();
    expect(platform.kind).toBe('desktop');
    expect(await platform.appInfo()).toEqual({ kind: 'desktop', version: '0.1.0' });
    expect(await platform.saveFile({ suggestedName: '报告.docx', bytes: new Uint8Array([1]) })).toEqual({
      saved: true,
      path: 'D:\\报告.docx',
    });
    expect((await platform.openFiles({ multiple: false }))[0].name).toBe('a.xlsx');
    expect((await platform.openDocument({ suggestedName: 'a.docx', bytes: new Uint8Array() })).opened).toBe(true);
    expect(await platform.printViewToPdf('总览')).toEqual({ saved: false });
  });

  it('surfaces a main-process failure as IpcError with the Chinese message', async () => {
    const platform = wiredPlatform({
      'file:save': async () => {
        throw new Error('磁盘已满');
      },
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(platform.saveFile({ suggestedName: 'a.docx', bytes: new Uint8Array() })).rejects.toMatchObject({
      code: 'HANDLER_FAILED',
      message: '操作未能完成：磁盘已满',
    });
    consoleError.mockRestore();
  });

  it('reports no desktop API outside Electron', () => {
    expect(hasDesktopApi()).toBe(false);
    expect(() => createDesktopPlatform()).toThrow(/window\.sciledger/);
  });
});
