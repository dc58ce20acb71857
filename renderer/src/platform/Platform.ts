/**
 * Everything the renderer needs from outside the page. Two implementations: desktop.ts (the
 * preload API → IPC → electron/main services) and web.ts (downloads, file inputs, File System
 * Access API). Feature code imports only this interface via `usePlatform()` / `getPlatform()`.
 */
import type { ByteSource } from '../../../shared/sync/zipsource';

export interface FileFilter {
  /** Chinese label shown in the dialog, e.g. "Word 文档". */
  name: string;
  /** Extensions without the dot, e.g. ["docx"]. */
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  bytes: Uint8Array;
  filters?: FileFilter[];
}

export interface SaveFileResult {
  /** false when the user cancelled the dialog. */
  saved: boolean;
  /** Full path on desktop; the file name on web. */
  path?: string;
}

export interface OpenFilesRequest {
  filters?: FileFilter[];
  multiple?: boolean;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A file another process holds open and hands over a range at a time (desktop: the main process,
 * issue 10). Each read is a fresh copy, which `release` may free at once. Close it when done: the
 * main process also closes it when the page goes away or after 30 minutes without a read.
 */
export interface RangeFile extends ByteSource {
  close(): Promise<void>;
}

/** One file picked to be read in slices by the caller (a bundle): a File on web, a RangeFile on desktop. */
export interface PickedFile {
  name: string;
  content: Blob | Uint8Array | RangeFile;
}

export interface OpenDocumentResult {
  /** Where the document was written (desktop) or the downloaded file name (web). */
  path: string;
  /** true when the default application (Word / WPS) was asked to open it. */
  opened: boolean;
}

/** An attachment (附件) handed out of the app: its display name and bytes. */
export interface AttachmentFileRequest {
  name: string;
  bytes: Uint8Array;
}

export interface OpenAttachmentResult {
  /** Where the temp copy was written. */
  path: string;
  opened: boolean;
  /** Why the default program was not started (Chinese). */
  message?: string;
}

export interface AppInfo {
  kind: 'desktop' | 'web';
  version: string;
}

export interface SyncFolderInfo { label: string }                 // folder path (desktop) or name (web)
export interface SyncFolderEntry { nodeId: string; bundleId: string; size: number; modifiedAt: string }
export interface SyncFolder {
  /** Lets the clerk pick the folder (USB stick or shared drive); remembered across restarts. null = cancelled. */
  choose(): Promise<SyncFolderInfo | null>;
  /** The remembered folder, or null; on web, null also when permission must be re-granted (then call choose()). */
  current(): Promise<SyncFolderInfo | null>;
  /** Every outbox/<nodeId>/<bundleId>.sclb in the folder (all nodes), skipping temp/half-written/foreign files;
   *  `skipped` lists what was skipped and why, in Chinese. */
  list(): Promise<{ entries: SyncFolderEntry[]; skipped: { name: string; reason: string }[] }>;
  /**
   * A bundle of the folder, to be read in slices (issue 10): the File itself on web, a RangeFile
   * the main process reads on desktop (close it when done). Never the whole file in the page.
   */
  open(entry: Pick<SyncFolderEntry, 'nodeId' | 'bundleId'>): Promise<Blob | RangeFile>;
  /** Atomic write (temp + rename) of outbox/<ownNodeId>/<bundleId>.sclb; never touches another node's files.
   *  Desktop: the main process registers ownNodeId on the first write and refuses any other id afterwards. */
  write(ownNodeId: string, bundleId: string, bytes: Uint8Array): Promise<void>;
}
export type BackupReason = 'daily' | 'before-import' | 'before-restore' | 'manual';
export interface BackupEntry { id: string; reason: BackupReason; createdAt: string; size: number }
export interface Backups {
  /** Rotation applied after writing, by the retention the desktop app keeps itself. */
  write(bytes: Uint8Array, reason: BackupReason): Promise<BackupEntry>;
  /** 备份最多保留 N 份. */
  retention(): Promise<{ maxTotal: number }>;
  /** Asks the clerk in a desktop dialog; changed = false when they declined. */
  setRetention(maxTotal: number): Promise<{ maxTotal: number; changed: boolean }>;
  list(): Promise<BackupEntry[]>;                                          // newest first
  /**
   * A backup to restore from, read in slices (issue 10): a RangeFile the main process holds open
   * — close it when the restore is done with it. Never the whole file in the page.
   */
  open(id: string): Promise<RangeFile>;
}

export interface Platform {
  readonly kind: 'desktop' | 'web';
  /** 保存: a save dialog, then an atomic write; the dialog starts in the last folder used. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** An open dialog; resolves to [] when cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  /**
   * One file whose reader takes it in slices (数据交换 bundles, issue 10): web gives the File
   * itself, unread; desktop a RangeFile the main process reads — a large bundle is never held in
   * the page whole. Absent (test doubles): openFiles and its bytes are used.
   */
  pickFile?(request: Omit<OpenFilesRequest, 'multiple'>): Promise<PickedFile | null>;
  /**
   * 打印: desktop writes the file into the user's documents folder (SciLedger subfolder) and
   * opens it with the default word processor; web downloads it.
   */
  openDocument(request: SaveFileRequest): Promise<OpenDocumentResult>;
  /** Prints the current view to a PDF chosen by the user (desktop); web uses window.print(). */
  printViewToPdf(suggestedName: string): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  /** 同步文件夹: outbox/<nodeId>/<bundleId>.sclb on a USB stick or shared drive (DESIGN §Sync). */
  readonly syncFolder: SyncFolder;
  /**
   * 附件 另存为: desktop shows a save dialog for the file's own kind (documents, images and
   * archives only); web downloads it. Optional only so that test doubles need not implement it.
   */
  saveAttachment?(request: AttachmentFileRequest): Promise<SaveFileResult>;
  /**
   * 附件 打开 with the OS default program, from a temp copy (desktop only: a browser cannot start
   * programs; there the clerk uses 另存为).
   */
  readonly openAttachment?: (request: AttachmentFileRequest) => Promise<OpenAttachmentResult>;
  /** Desktop only: automatic snapshots in the app's data folder. Web: undefined (manual download instead). */
  readonly backups?: Backups;
}
