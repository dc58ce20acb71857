import { describe, expect, it, vi } from 'vitest';
import type { IpcHandlers } from '../../../../shared/ipc';
import { ipcChannels } from '../../../../shared/ipc';
import { isTrustedIpcSender, registerIpcHandlers, type SenderEventLike } from '../../../../electron/main/ipc';
import { fakeHandlers } from '../fakeHandlers';
import { ServiceError } from '../../../../electron/main/services/errors';

type Listener = (event: SenderEventLike, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    handle: (channel: string, listener: Listener) => void listeners.set(channel, listener),
    call: (channel: string, event: SenderEventLike, payload: unknown) => listeners.get(channel)!(event, payload),
    channels: () => [...listeners.keys()],
  };
}

function mainFrameEvent(url = 'app://sciledger/index.html'): SenderEventLike {
  const frame = { url, parent: null };
  return { senderFrame: frame, sender: { mainFrame: frame } };
}

const handlers = fakeHandlers;

function setup(overrides: Partial<IpcHandlers> = {}) {
  const ipcMain = fakeIpcMain();
  registerIpcHandlers(ipcMain, handlers(overrides), isTrustedIpcSender);
  return ipcMain;
}

const saveRequest = { suggestedName: '报告.docx', bytes: new Uint8Array([1, 2, 3]) };

describe('isTrustedIpcSender', () => {
  it('accepts only the main frame of app://sciledger', () => {
    expect(isTrustedIpcSender(mainFrameEvent())).toBe(true);
    expect(isTrustedIpcSender(mainFrameEvent('app://sciledger/index.html#/settings'))).toBe(true);
    expect(isTrustedIpcSender(mainFrameEvent('https://evil.example/'))).toBe(false);
    expect(isTrustedIpcSender(mainFrameEvent('app://other/index.html'))).toBe(false);
    expect(isTrustedIpcSender(mainFrameEvent('file:///C:/x.html'))).toBe(false);
    expect(isTrustedIpcSender({ senderFrame: null })).toBe(false);
  });

  it('rejects sub-frames, even on our own origin', () => {
    const top = { url: 'app://sciledger/index.html', parent: null };
    const child = { url: 'app://sciledger/frame.html', parent: top };
    expect(isTrustedIpcSender({ senderFrame: child, sender: { mainFrame: top } })).toBe(false);
    // A frame without a parent that is not the sender's main frame (e.g. a stale frame object).
    const detached = { url: 'app://sciledger/index.html', parent: null };
    expect(isTrustedIpcSender({ senderFrame: detached, sender: { mainFrame: top } })).toBe(false);
  });
});

describe('registerIpcHandlers', () => {
  it('registers every contract channel and nothing else', () => {
    expect(setup().channels().sort()).toEqual([...ipcChannels].sort());
  });

  it('returns the handler value in an ok envelope', async () => {
    const ipcMain = setup();
    await expect(ipcMain.call('app:info', mainFrameEvent(), {})).resolves.toEqual({
      ok: true,
      value: { kind: 'desktop', version: '1.2.3' },
    });
  });

  it('refuses untrusted senders without calling the handler', async () => {
    const save = vi.fn(async () => ({ saved: true }));
    const ipcMain = setup({ 'file:save': save });
    const result = await ipcMain.call('file:save', mainFrameEvent('https://evil.example/'), saveRequest);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const child = { senderFrame: { url: 'app://sciledger/x', parent: {} } };
    expect(await ipcMain.call('file:save', child, saveRequest)).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    expect(save).not.toHaveBeenCalled();
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'C:\\Windows\\System32'],
    ['bytes as a plain array', { suggestedName: 'a.docx', bytes: [1, 2, 3] }],
    ['an empty name', { suggestedName: '  ', bytes: new Uint8Array() }],
    ['an extra field', { ...saveRequest, path: 'C:\\evil.exe' }],
    ['a bad filter', { ...saveRequest, filters: [{ name: 'x', extensions: ['../exe'] }] }],
    ['a prototype-polluting object', JSON.parse('{"__proto__":{"x":1},"suggestedName":1}')],
  ])('answers INVALID_REQUEST to %s, never throws', async (_label, payload) => {
    const save = vi.fn(async () => ({ saved: true }));
    const result = await setup({ 'file:save': save }).call('file:save', mainFrameEvent(), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/请求数据无效/);
    expect(save).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into HANDLER_FAILED with a Chinese message', async () => {
    const ipcMain = setup({
      'file:open': async () => {
        throw new Error('EACCES: permission denied');
      },
      'file:save': async () => {
        throw new ServiceError('无法保存到“D:\\只读”');
      },
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await ipcMain.call('file:open', mainFrameEvent(), {})).toEqual({
      ok: false,
      error: { code: 'HANDLER_FAILED', message: '操作未能完成：EACCES: permission denied' },
    });
    expect(await ipcMain.call('file:save', mainFrameEvent(), saveRequest)).toEqual({
      ok: false,
      error: { code: 'HANDLER_FAILED', message: '无法保存到“D:\\只读”' },
    });
    consoleError.mockRestore();
  });

  it('refuses a handler answer outside the contract', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ipcMain = setup({ 'app:info': async () => ({ kind: 'web', version: 1 }) as never });
    expect(await ipcMain.call('app:info', mainFrameEvent(), {})).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_FAILED' },
    });
    consoleError.mockRestore();
  });

  it('passes the per-call context to handlers', async () => {
    const ipcMain = fakeIpcMain();
    const sender = { id: 7 };
    const print = vi.fn(async (_request: unknown, context: { sender: unknown }) => {
      expect(context.sender).toBe(sender);
      return { saved: false };
    });
    registerIpcHandlers<SenderEventLike & { id?: number }, { sender: unknown }>(
      ipcMain,
      { ...handlers(), 'window:printToPdf': print } as unknown as IpcHandlers<{ sender: unknown }>,
      isTrustedIpcSender,
      () => ({ sender }),
    );
    await ipcMain.call('window:printToPdf', mainFrameEvent(), { suggestedName: '总览' });
    expect(print).toHaveBeenCalledOnce();
  });
});

describe('sync folder and backup channels', () => {
  const NODE = '11111111-1111-4111-8111-111111111111';
  const BUNDLE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
  const HANDLE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

  it.each([
    ['syncFolder:open', { nodeId: '..', bundleId: BUNDLE }],
    ['syncFolder:open', { nodeId: NODE, bundleId: '../../secret' }],
    ['syncFolder:open', { nodeId: NODE, bundleId: `${BUNDLE}.sclb` }],
    ['syncFolder:open', { nodeId: `${NODE}/..`, bundleId: BUNDLE }],
    ['syncFolder:open', { nodeId: NODE, bundleId: BUNDLE, path: 'C:\\Windows\\win.ini' }],
    ['syncFolder:open', { nodeId: 1, bundleId: BUNDLE }],
    ['file:readRange', { handle: 'C:\\secret.txt', start: 0, end: 1 }],
    ['file:readRange', { handle: HANDLE, start: 0, end: 4 * 1024 * 1024 + 1 }],
    ['file:readRange', { handle: HANDLE, start: 10, end: 9 }],
    ['file:readRange', { handle: HANDLE, start: -1, end: 9 }],
    ['file:readRange', { handle: HANDLE, start: 0.5, end: 9 }],
    ['file:readRange', { handle: HANDLE, start: 0, end: 1, path: '/etc/passwd' }],
    ['file:close', { handle: '../x' }],
    ['file:pick', { defaultPath: 'C:\\' }],
    ['syncFolder:write', { ownNodeId: 'C:\\Users', bundleId: BUNDLE, bytes: new Uint8Array([1]) }],
    ['syncFolder:write', { ownNodeId: NODE, bundleId: BUNDLE, bytes: [1, 2, 3] }],
    ['syncFolder:write', { ownNodeId: NODE, bundleId: BUNDLE, bytes: new Uint8Array() }],
    ['syncFolder:write', { ownNodeId: NODE, bundleId: BUNDLE }],
    ['syncFolder:list', { folder: 'D:\\' }],
    ['syncFolder:choose', { defaultPath: 'C:\\' }],
    ['backups:open', { id: '../sync-folder' }],
    ['backups:open', { id: '20250301T083015123Z-evil' }],
    ['backups:write', { bytes: new Uint8Array([1]), reason: 'weekly' }],
    ['backups:write', { bytes: new Uint8Array([1]) }],
  ] as const)('%s answers INVALID_REQUEST to %j without calling the handler', async (channel, payload) => {
    const handler = vi.fn(async () => {
      throw new Error('must not be called');
    });
    const result = await setup({ [channel]: handler }).call(channel, mainFrameEvent(), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses bundles over the size cap before they reach the handler', async () => {
    const write = vi.fn(async () => ({}));
    // A view claiming 200 MB + 1 without allocating it: only byteLength is checked.
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: 200 * 1024 * 1024 + 1 });
    const result = await setup({ 'syncFolder:write': write }).call('syncFolder:write', mainFrameEvent(), {
      ownNodeId: NODE,
      bundleId: BUNDLE,
      bytes: huge,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('200 MB') } });
    expect(write).not.toHaveBeenCalled();
  });

  it('refuses an untrusted sender on the new channels too', async () => {
    const read = vi.fn(async () => new Uint8Array([1]));
    const result = await setup({ 'file:readRange': read }).call('file:readRange', mainFrameEvent('https://evil.example/'), {
      handle: HANDLE,
      start: 0,
      end: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(read).not.toHaveBeenCalled();
  });

  it('passes valid ids through and checks the answer against the contract', async () => {
    const ipcMain = setup({
      'syncFolder:list': async () => ({
        entries: [{ nodeId: NODE, bundleId: BUNDLE, size: 3, modifiedAt: '2025-03-01T00:00:00.000Z' }],
        skipped: [{ name: 'outbox/x.txt', reason: '不是 SciLedger 数据包' }],
      }),
    });
    expect(await ipcMain.call('syncFolder:open', mainFrameEvent(), { nodeId: NODE, bundleId: BUNDLE })).toEqual({
      ok: true,
      value: { handle: HANDLE, size: 3 },
    });
    expect(await ipcMain.call('file:readRange', mainFrameEvent(), { handle: HANDLE, start: 0, end: 1 })).toEqual({ ok: true, value: new Uint8Array([1]) });
    expect(await ipcMain.call('syncFolder:list', mainFrameEvent(), {})).toMatchObject({ ok: true });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = setup({ 'syncFolder:list': async () => ({ entries: [{ nodeId: '..', bundleId: BUNDLE }], skipped: [] }) as never });
    expect(await bad.call('syncFolder:list', mainFrameEvent(), {})).toMatchObject({ ok: false, error: { code: 'HANDLER_FAILED' } });
    consoleError.mockRestore();
  });
});
