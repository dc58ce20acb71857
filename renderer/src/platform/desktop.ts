/**
 * The desktop Platform: every call goes through the preload bridge (window.sciledger) and the
 * typed IPC client, which validates the answer and turns failures into IpcError.
 */
import { bridgeGlobalName, createIpcClient, type SciLedgerBridge } from '../../../shared/ipc';
import type { Platform } from './Platform';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by electron/preload). */
    readonly sciledger?: SciLedgerBridge;
  }
}

export function hasDesktopApi(): boolean {
  if (typeof window === 'undefined') return false;
  const bridge = (window as unknown as Record<string, unknown>)[bridgeGlobalName] as SciLedgerBridge | undefined;
  return typeof bridge?.invoke === 'function';
}

export function createDesktopPlatform(api: SciLedgerBridge): Platform {
  const ipc = createIpcClient((channel, payload) => api.invoke(channel, payload));
  return {
    kind: 'desktop',
    saveFile: (request) => ipc.send('file:save', request),
    openFiles: (request) => ipc.send('file:open', request),
    openDocument: (request) => ipc.send('file:openDocument', request),
    printViewToPdf: (suggestedName) => ipc.send('window:printToPdf', { suggestedName }),
    appInfo: () => ipc.send('app:info', {}),
  };
}
