import { describe, expect, it, vi } from 'vitest';
import type { IpcHandlers } from '../../../../shared/ipc';
import { ipcChannels } from '../../../../shared/ipc';
import { isTrustedIpcSender, registerIpcHandlers, type SenderEventLike } from '../../../../electron/main/ipc';
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

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'file:save': async () => ({ saved: true, path: 'C:\\Users\\clerk\\Documents\\报告.docx' }),
    'file:open': async () => [],
    'file:openDocument': async () => ({ path: 'x.docx', opened: true }),
    'window:printToPdf': async () => ({ saved: false }),
    'app:info': async () => ({ kind: 'desktop', version: '1.2.3' }),
    ...overrides,
  };
}

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
