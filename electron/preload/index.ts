/**
 * The page's only door to the main process: `window.sciledger.invoke(channel, payload)`,
 * limited to the channels of the IPC contract. ipcRenderer itself (and its event objects,
 * which carry `sender`) never reach the page. Runs sandboxed, so it is bundled to CommonJS
 * and imports nothing but electron and the schema-free channel list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName, isIpcChannel, unknownChannelFailure, type SciLedgerBridge } from '../../shared/ipc/channels';

const bridge: SciLedgerBridge = {
  invoke(channel, payload) {
    if (!isIpcChannel(channel)) return Promise.resolve(unknownChannelFailure(channel));
    return ipcRenderer.invoke(channel, payload);
  },
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
