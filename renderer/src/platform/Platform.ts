/**
 * Everything the renderer needs from outside the page. Two implementations: desktop.ts (the
 * preload API → IPC → electron/main services) and web.ts (downloads, file inputs, File System
 * Access API). Feature code imports only this interface via `usePlatform()` / `getPlatform()`.
 */
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

export interface OpenDocumentResult {
  /** Where the document was written (desktop) or the downloaded file name (web). */
  path: string;
  /** true when the default application (Word / WPS) was asked to open it. */
  opened: boolean;
}

export interface AppInfo {
  kind: 'desktop' | 'web';
  version: string;
}

export interface Platform {
  readonly kind: 'desktop' | 'web';
  /** 保存: a save dialog, then an atomic write; the dialog starts in the last folder used. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** An open dialog; resolves to [] when cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  /**
   * 打印: desktop writes the file into the user's documents folder (SciLedger subfolder) and
   * opens it with the default word processor; web downloads it.
   */
  openDocument(request: SaveFileRequest): Promise<OpenDocumentResult>;
  /** Prints the current view to a PDF chosen by the user (desktop); web uses window.print(). */
  printViewToPdf(suggestedName: string): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
}
