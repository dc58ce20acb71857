/** Messages between the page and fileStore.worker.ts (one batch per worker). */
export interface FileStoreRow {
  sha256: string;
  size: number;
  mime: string;
  storedAt: string;
  /** The file's bytes, transferred (a copy of the bundle's range, never the bundle itself), or a slice of the bundle's Blob. */
  bytes: ArrayBuffer | Blob;
}

export interface FileStoreRequest {
  dbName: string;
  rows: FileStoreRow[];
}

export type FileStoreResponse = { type: 'stored'; sha256s: string[] } | { type: 'error'; name: string; message: string };
