/**
 * The names of the IPC channels and the failure envelope, without any schema library, so the
 * sandboxed preload can allow-list channels without bundling zod. contract.ts checks that its
 * schema map covers exactly these names.
 */
export const ipcChannels = [
  'file:save',
  'file:open',
  'file:pick',
  'file:readRange',
  'file:close',
  'file:openDocument',
  'window:printToPdf',
  'app:info',
  'syncFolder:choose',
  'syncFolder:current',
  'syncFolder:list',
  'syncFolder:open',
  'syncFolder:write',
  'backups:write',
  'backups:list',
  'backups:open',
  'backups:retention',
  'backups:setRetention',
  'attachment:open',
  'attachment:saveAs',
] as const;

export type IpcChannel = (typeof ipcChannels)[number];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (ipcChannels as readonly string[]).includes(value);
}

export type IpcErrorCode = 'INVALID_REQUEST' | 'FORBIDDEN_SENDER' | 'UNKNOWN_CHANNEL' | 'HANDLER_FAILED';

export interface IpcFailure {
  ok: false;
  error: { code: IpcErrorCode; message: string };
}

export type IpcResult<T> = { ok: true; value: T } | IpcFailure;

export function ipcFailure(code: IpcErrorCode, message: string): IpcFailure {
  return { ok: false, error: { code, message } };
}

export function unknownChannelFailure(channel: unknown): IpcFailure {
  return ipcFailure('UNKNOWN_CHANNEL', `未知的通信通道：${String(channel).slice(0, 80)}`);
}

/**
 * What the preload exposes on `window.sciledger`. Deliberately one untyped function: the
 * typed surface is built on top of it by createIpcClient, so the bridge itself stays narrow
 * and never hands ipcRenderer (or its event objects) to the page.
 */
export interface SciLedgerBridge {
  readonly invoke: (channel: string, payload: unknown) => Promise<unknown>;
}

/** The global name the preload uses with contextBridge.exposeInMainWorld. */
export const bridgeGlobalName = 'sciledger';
