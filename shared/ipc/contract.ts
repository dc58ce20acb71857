/**
 * The one IPC contract between the renderer and the main process, in a handler-map style:
 * each channel names a zod schema for its request and its response. The main process
 * validates both directions against it (electron/main/ipc.ts); the renderer talks through the
 * typed client below. Pure TypeScript: no DOM, no Node.
 */
import { z } from 'zod';
import {
  ipcChannels,
  type IpcChannel,
  type IpcErrorCode,
  type IpcResult,
  ipcFailure,
  isIpcChannel,
  unknownChannelFailure,
} from './channels';
import { MAX_SYNC_BUNDLE_BYTES, SYNC_ID_PATTERN } from '../sync/folderLayout';

/** Files larger than this are refused both ways: a ledger export is never this big. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

// z.custom rather than z.instanceof: the latter infers Uint8Array<ArrayBuffer>, which a
// Buffer-backed or shared-memory Uint8Array from the Platform interface would not satisfy.
const bytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: '文件内容应为字节数组' })
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件超过 200 MB');

/** Only a name; the main process decides the folder and strips anything path-like. */
const suggestedName = z.string().trim().min(1, '请提供文件名').max(255, '文件名过长');

export const fileFilterSchema = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, '扩展名无效')).min(1).max(20),
  })
  .strict();

const saveFileRequest = z
  .object({
    suggestedName,
    bytes,
    filters: z.array(fileFilterSchema).max(20).optional(),
  })
  .strict();

const saveFileResult = z
  .object({
    saved: z.boolean(),
    path: z.string().optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Files read in ranges (issue 10): a bundle the clerk picked, or one in the sync folder, is opened
// by the main process and read a slice at a time — never copied whole through IPC. The renderer
// holds an opaque handle, never a path (electron/main/services/file-handles.ts).

/** The most one read may ask for: a slice, never the file. */
export const FILE_READ_MAX_BYTES = 4 * 1024 * 1024;

export const fileHandleSchema = z.string().regex(SYNC_ID_PATTERN, '文件句柄无效');

const openedFile = z
  .object({ handle: fileHandleSchema, size: z.number().int().nonnegative().max(MAX_FILE_BYTES) })
  .strict();

const offset = z.number().int('读取位置应为整数').nonnegative('读取位置不能为负').max(MAX_FILE_BYTES);

const readRangeRequest = z
  .object({ handle: fileHandleSchema, start: offset, end: offset })
  .strict()
  .refine((r) => r.end >= r.start, '读取范围的终点不能在起点之前')
  .refine((r) => r.end - r.start <= FILE_READ_MAX_BYTES, '单次读取不能超过 4 MB');

const rangeBytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: '文件内容应为字节数组' })
  .refine((b) => b.byteLength <= FILE_READ_MAX_BYTES, '单次读取超过 4 MB');

/** An attachment to open or save: its display name (checked again in main) and bytes. */
const attachmentFileRequest = z.object({ name: suggestedName, bytes }).strict();

// ---------------------------------------------------------------------------------------------
// Sync folder and backups (DESIGN §Sync). The folder layout and its naming rules live in
// shared/sync/folderLayout.ts, which the main-process service, the web platform and this gate
// all use.

/** nodeIds and bundleIds are UUIDs: see SYNC_ID_PATTERN. */
export const syncIdSchema = z.string().regex(SYNC_ID_PATTERN, '编号应为 UUID');

const syncBundleBytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: '文件内容应为字节数组' })
  .refine((b) => b.byteLength > 0, '数据包为空')
  .refine((b) => b.byteLength <= MAX_SYNC_BUNDLE_BYTES, '数据包超过 200 MB');

const syncFolderInfo = z.object({ label: z.string().min(1) }).strict();

const syncFolderEntry = z
  .object({
    nodeId: syncIdSchema,
    bundleId: syncIdSchema,
    size: z.number().int().nonnegative(),
    modifiedAt: z.string(),
  })
  .strict();

const syncBundleRef = z.object({ nodeId: syncIdSchema, bundleId: syncIdSchema }).strict();

export const backupReasons = ['daily', 'before-import', 'before-restore', 'manual'] as const;
export const backupReasonSchema = z.enum(backupReasons);

/**
 * A backup's id is its file name without ".sclb": a UTC timestamp to the millisecond (sorts
 * by time, safe on every file system) and the reason, e.g. "20250301T083015123Z-daily".
 */
export const BACKUP_ID_PATTERN = /^(\d{8}T\d{9}Z)-(daily|before-import|before-restore|manual)$/;
export const backupIdSchema = z.string().regex(BACKUP_ID_PATTERN, '备份编号无效');

const backupEntry = z
  .object({
    id: backupIdSchema,
    reason: backupReasonSchema,
    createdAt: z.string(),
    size: z.number().int().nonnegative(),
  })
  .strict();

export const MIN_BACKUP_RETENTION = 3;
export const MAX_BACKUP_RETENTION = 365;
const backupRetention = z
  .object({
    maxTotal: z
      .number()
      .int('份数应为整数')
      .min(MIN_BACKUP_RETENTION, `至少保留 ${MIN_BACKUP_RETENTION} 份`)
      .max(MAX_BACKUP_RETENTION, `最多保留 ${MAX_BACKUP_RETENTION} 份`),
  })
  .strict();

/** No parameters (requests) or nothing to report (responses). */
const empty = z.object({}).strict();

export const ipcContract = {
  /** 保存: save dialog (starts in the last folder used) + atomic write. */
  'file:save': { request: saveFileRequest, response: saveFileResult },
  /** Open dialog; [] when cancelled. */
  'file:open': {
    request: z
      .object({
        filters: z.array(fileFilterSchema).max(20).optional(),
        multiple: z.boolean().optional(),
      })
      .strict(),
    response: z.array(z.object({ name: z.string(), bytes }).strict()),
  },
  /**
   * Open dialog for one file read in ranges (数据交换 导入): null when cancelled. The main
   * process opens the file the clerk chose and keeps it; the page gets a handle, its name, its size.
   */
  'file:pick': {
    request: z.object({ filters: z.array(fileFilterSchema).max(20).optional() }).strict(),
    response: openedFile.extend({ name: z.string() }).strict().nullable(),
  },
  /** Bytes [start, end) of a file this page opened (file:pick, syncFolder:open). */
  'file:readRange': { request: readRangeRequest, response: rangeBytes },
  /** Done with a file; closing one already closed is fine. */
  'file:close': { request: z.object({ handle: fileHandleSchema }).strict(), response: empty },
  /** 打印: write into 文档/SciLedger and open with the default word processor. */
  'file:openDocument': {
    request: saveFileRequest,
    response: z
      .object({
        path: z.string(),
        opened: z.boolean(),
        /** Why the default application could not be started (Chinese), when opened is false. */
        message: z.string().optional(),
      })
      .strict(),
  },
  /** The sender's current view as PDF, saved where the user chooses. */
  'window:printToPdf': {
    request: z.object({ suggestedName }).strict(),
    response: saveFileResult,
  },
  'app:info': {
    request: z.object({}).strict(),
    response: z.object({ kind: z.literal('desktop'), version: z.string() }).strict(),
  },
  /** Folder dialog for the sync folder (USB stick / shared drive); null when cancelled. */
  'syncFolder:choose': { request: empty, response: syncFolderInfo.nullable() },
  'syncFolder:current': { request: empty, response: syncFolderInfo.nullable() },
  /** Every outbox/<nodeId>/<bundleId>.sclb, plus what was skipped and why. */
  'syncFolder:list': {
    request: empty,
    response: z
      .object({
        entries: z.array(syncFolderEntry),
        skipped: z.array(z.object({ name: z.string(), reason: z.string() }).strict()),
      })
      .strict(),
  },
  /**
   * Ids only: the main process builds the path, the renderer never names one. Opened to be read
   * in ranges (file:readRange), like a picked file.
   */
  'syncFolder:open': { request: syncBundleRef, response: openedFile },
  'syncFolder:write': {
    request: z.object({ ownNodeId: syncIdSchema, bundleId: syncIdSchema, bytes: syncBundleBytes }).strict(),
    response: empty,
  },
  /**
   * Snapshot into userData/backups, then rotation. The retention is the main process's own
   * setting (backups:setRetention), never a field of the write: a page must not be able to
   * thin out the backups by writing.
   */
  'backups:write': {
    request: z.object({ bytes: syncBundleBytes, reason: backupReasonSchema }).strict(),
    response: backupEntry,
  },
  /** 备份最多保留 N 份, as the main process applies it. */
  'backups:retention': { request: empty, response: backupRetention },
  /**
   * Asks the clerk in a main-process dialog; `changed` is false when they declined (or the
   * value was already set). The renderer cannot change the retention any other way.
   */
  'backups:setRetention': {
    request: backupRetention,
    response: backupRetention.extend({ changed: z.boolean() }).strict(),
  },
  /** Newest first. */
  'backups:list': { request: empty, response: z.array(backupEntry) },
  /**
   * 恢复 from a backup: the id only (the main process builds the path inside its backups folder),
   * opened to be read in ranges (file:readRange) like a picked file, never handed over whole.
   */
  'backups:open': { request: z.object({ id: backupIdSchema }).strict(), response: openedFile },
  /**
   * 附件 打开: a temp copy (never the stored original) opened with the OS default program. Only
   * the attachment's display name crosses: the main process picks the folder and checks the kind.
   */
  'attachment:open': {
    request: attachmentFileRequest,
    response: z.object({ path: z.string(), opened: z.boolean(), message: z.string().optional() }).strict(),
  },
  /** 附件 另存为: a save dialog for the attachment's own kind. */
  'attachment:saveAs': { request: attachmentFileRequest, response: saveFileResult },
} as const satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>;
// `satisfies` rejects both a missing and an extra channel, so channels.ts cannot drift.

export type IpcContract = typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.input<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<IpcContract[C]['response']>;

/**
 * What the main process implements: one async function per channel. The optional context
 * (e.g. the sending webContents) is supplied by whoever registers the handlers.
 */
export type IpcHandlers<Context = undefined> = {
  [C in IpcChannel]: (request: z.output<IpcContract[C]['request']>, context: Context) => Promise<IpcResponse<C>>;
};

/** A failed IPC call, carrying the envelope's code so callers can react to it. */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['INVALID_REQUEST', 'FORBIDDEN_SENDER', 'UNKNOWN_CHANNEL', 'HANDLER_FAILED']),
      message: z.string(),
    }),
  }),
]);

export type IpcInvoke = (channel: IpcChannel, payload: unknown) => Promise<unknown>;

export interface IpcClient {
  send<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
}

/**
 * The typed side of the bridge. The response is validated again here: the renderer should
 * not trust a shape only because it came from our own main process (a version skew after an
 * update would otherwise surface as a confusing crash deep in a feature).
 */
export function createIpcClient(invoke: IpcInvoke): IpcClient {
  return {
    async send(channel, request) {
      if (!isIpcChannel(channel)) {
        const failure = unknownChannelFailure(channel);
        throw new IpcError(failure.error.code, failure.error.message);
      }
      const raw = await invoke(channel, request);
      const envelope = envelopeSchema.safeParse(raw);
      if (!envelope.success) {
        throw new IpcError('HANDLER_FAILED', '主进程返回了无法识别的结果');
      }
      if (!envelope.data.ok) {
        throw new IpcError(envelope.data.error.code, envelope.data.error.message);
      }
      const value = ipcContract[channel].response.safeParse(envelope.data.value);
      if (!value.success) {
        throw new IpcError('HANDLER_FAILED', '主进程返回的数据格式不正确');
      }
      return value.data as IpcResponse<typeof channel>;
    },
  };
}

export { ipcChannels, ipcFailure, isIpcChannel, unknownChannelFailure };
export type { IpcChannel, IpcErrorCode, IpcResult };
