/**
 * The bytes of attachments in IndexedDB (DESIGN §Data 附件): one row per distinct file by its
 * SHA-256, the content as a Blob (both platforms: Chromium keeps large blobs on disk, not in the
 * page's heap). Rows are local; what travels is `files/<sha256>` in bundles and backups.
 */
import type { Sha256Hex } from '../../../../shared/attachments';
import { sha256HexAsync } from '../../../../shared/sync/bundle';

export interface AttachmentBlobRow {
  sha256: string;
  size: number;
  blob: Blob;
  /** When this machine stored it (ISO): shown nowhere, useful when tracing a sync. */
  storedAt: string;
}

/** WebCrypto SHA-256 (crypto.subtle), the pure one where a runtime has none. */
export const webSha256Hex: Sha256Hex = (bytes) => sha256HexAsync(bytes, true);

/** A Blob holding exactly these bytes (a view over a larger buffer contributes only its range). */
export function blobOf(bytes: Uint8Array, mime: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
}

export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** True for the errors IndexedDB raises when the disk or the browser's quota is full. */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface StorageEstimate {
  usage?: number;
  quota?: number;
}
export type StorageEstimator = () => Promise<StorageEstimate | null>;

/** navigator.storage.estimate() where the runtime has it (what the browser/OS grants this app). */
export const browserStorageEstimate: StorageEstimator = async () => {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<StorageEstimate> } } }).navigator?.storage;
  if (!storage?.estimate) return null;
  try {
    return await storage.estimate();
  } catch {
    return null;
  }
};
