import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, type SciLedgerBridge } from '../../../../shared/ipc';

// Only the electron edge is faked; the preload module itself runs as written.
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    vi.resetModules();
    exposed.clear();
    invoke.mockClear();
    await import('../../../../electron/preload/index');
  });

  it('exposes exactly one global, window.sciledger, with only invoke', () => {
    expect([...exposed.keys()]).toEqual(['sciledger']);
    const bridge = exposed.get('sciledger') as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it('forwards contract channels to ipcRenderer.invoke', async () => {
    const bridge = exposed.get('sciledger') as SciLedgerBridge;
    for (const channel of ipcChannels) {
      await bridge.invoke(channel, { a: 1 });
      expect(invoke).toHaveBeenLastCalledWith(channel, { a: 1 });
    }
  });

  it('refuses any other channel without touching IPC', async () => {
    const bridge = exposed.get('sciledger') as SciLedgerBridge;
    for (const channel of ['ELECTRON_BROWSER_REQUIRE', 'shell:openExternal', '__proto__', 'file:save ']) {
      await expect(bridge.invoke(channel, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
    expect(invoke).not.toHaveBeenCalled();
  });
});
