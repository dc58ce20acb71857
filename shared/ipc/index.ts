export * from './channels';
export {
  MAX_FILE_BYTES,
  FILE_READ_MAX_BYTES,
  fileHandleSchema,
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
