/**
 * The desktop Platform: every call goes through the preload bridge (window.sciledger) and the
 * typed IPC client, which validates the answer and turns failures into IpcError.
 */
import { bridgeGlobalName, createIpcClient, type SciLedgerBridge } from '../../../shared/ipc';
import { ipcRangeFile } from './ipcRangeFile';
import type { Platform } from './Platform';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by electron/preload). */
    readonly sciledger?: SciLedgerBridge;
  }
}

// globalThis rather than window: the same check then also runs (and answers false) in Node
// tests and workers, where no window exists.
function bridgeFromWindow(): SciLedgerBridge | undefined {
  const bridge = (globalThis as Record<string, unknown>)[bridgeGlobalName] as SciLedgerBridge | undefined;
  return typeof bridge?.invoke === 'function' ? bridge : undefined;
}

export function hasDesktopApi(): boolean {
  return bridgeFromWindow() !== undefined;
}

/** `api` defaults to the preload bridge; tests pass a fake. */
export function createDesktopPlatform(api: SciLedgerBridge | undefined = bridgeFromWindow()): Platform {
  if (!api) throw new Error('未检测到桌面端接口（window.sciledger），请在 SciLedger 桌面程序中运行');
  const ipc = createIpcClient((channel, payload) => api.invoke(channel, payload));
  return {
    kind: 'desktop',
    saveFile: (request) => ipc.send('file:save', request),
    openFiles: (request) => ipc.send('file:open', request),
    // The main process opens the file the clerk picked and serves it a range at a time.
    async pickFile(request) {
      const picked = await ipc.send('file:pick', request);
      return picked ? { name: picked.name, content: ipcRangeFile(ipc, picked) } : null;
    },
    openDocument: (request) => ipc.send('file:openDocument', request),
    printViewToPdf: (suggestedName) => ipc.send('window:printToPdf', { suggestedName }),
    appInfo: () => ipc.send('app:info', {}),
    saveAttachment: ({ name, bytes }) => ipc.send('attachment:saveAs', { name, bytes }),
    openAttachment: ({ name, bytes }) => ipc.send('attachment:open', { name, bytes }),
    // Only ids, handles and bytes cross the bridge; the main process owns every path.
    syncFolder: {
      choose: () => ipc.send('syncFolder:choose', {}),
      current: () => ipc.send('syncFolder:current', {}),
      list: () => ipc.send('syncFolder:list', {}),
      open: async ({ nodeId, bundleId }) => ipcRangeFile(ipc, await ipc.send('syncFolder:open', { nodeId, bundleId })),
      async write(ownNodeId, bundleId, bytes) {
        await ipc.send('syncFolder:write', { ownNodeId, bundleId, bytes });
      },
    },
    backups: {
      write: (bytes, reason) => ipc.send('backups:write', { bytes, reason }),
      retention: () => ipc.send('backups:retention', {}),
      setRetention: (maxTotal) => ipc.send('backups:setRetention', { maxTotal }),
      list: () => ipc.send('backups:list', {}),
      // Opened by the main process and read a range at a time, like a picked file (issue 10).
      open: async (id) => ipcRangeFile(ipc, await ipc.send('backups:open', { id })),
    },
  };
}
