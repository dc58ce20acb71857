export * from './channels';
export {
  MAX_FILE_BYTES,
  fileFilterSchema,
  ipcContract,
  IpcError,
  createIpcClient,
  type IpcContract,
  type IpcRequest,
  type IpcResponse,
  type IpcHandlers,
  type IpcInvoke,
  type IpcClient,
} from './contract';
