/**
 * Attachment bytes in bundles (issue 11; DESIGN §Sync "files/<sha256>"): which files an export
 * carries, and writing the verified files of an import. readBundle has already checked every
 * file against its hash, so this side only decides what is new and writes it — inside the
 * import's own transaction, never rewriting a file that is already here.
 */
import type { BundleFile, BundleFileSource, SyncOp } from '../../../../shared/sync';
import type { SciLedgerDb } from '../database';
import { blobBytes, blobOf, type AttachmentBlobRow } from '../attachments/blobs';

/**
 * The blob store's name when this database has it (schema ≥ v10); migration tests open older
 * versions, which have no attachments and nothing to write.
 */
export function blobStoreNames(db: SciLedgerDb): string[] {
  return db.tables.some((t) => t.name === 'attachmentBlobs') ? ['attachmentBlobs'] : [];
}

/** sha256 → size of the referenced files this machine holds. */
export async function heldFiles(db: SciLedgerDb, ops: readonly SyncOp[]): Promise<Map<string, number>> {
  const wanted = new Set<string>();
  for (const op of ops) {
    const sha = op.table === 'attachments' && !op.deleted ? (op.fields as { sha256?: unknown }).sha256 : undefined;
    if (typeof sha === 'string') wanted.add(sha);
  }
  if (wanted.size === 0 || blobStoreNames(db).length === 0) return new Map();
  const out = new Map<string, number>();
  // Sizes from the rows; the Blob handles are cheap (the bytes stay on disk until read).
  const rows = await db.attachmentBlobs.bulkGet([...wanted]);
  for (const r of rows) if (r) out.set(r.sha256, r.size);
  return out;
}

/** Sources for writeBundleWithFiles: each file's bytes are read only when the zip needs them. */
export function fileSources(db: SciLedgerDb, files: readonly string[], held: ReadonlyMap<string, number>): BundleFileSource[] {
  return files.map((sha256) => ({
    sha256,
    size: held.get(sha256) as number,
    async read() {
      const row = await db.attachmentBlobs.get(sha256);
      if (!row) throw new Error(`附件文件 ${sha256.slice(0, 12)}… 在导出时已不在本机`);
      return blobBytes(row.blob);
    },
  }));
}

const mimeByFile = (ops: readonly SyncOp[]) => {
  const out = new Map<string, string>();
  for (const op of ops) {
    const { sha256, mime } = op.fields as { sha256?: unknown; mime?: unknown };
    if (op.table === 'attachments' && typeof sha256 === 'string' && typeof mime === 'string') out.set(sha256, mime);
  }
  return out;
};

/**
 * The rows to store for the files of a verified bundle that this machine lacks. Made before the
 * import transaction (IndexedDB would commit a transaction that awaits anything else); a file
 * is inflated or viewed one at a time and turned into a Blob.
 */
export async function prepareFileRows(db: SciLedgerDb, files: readonly BundleFile[], ops: readonly SyncOp[], now: string): Promise<AttachmentBlobRow[]> {
  if (files.length === 0 || blobStoreNames(db).length === 0) return [];
  const present = new Set((await db.attachmentBlobs.where('sha256').anyOf(files.map((f) => f.sha256)).primaryKeys()) as string[]);
  const mimes = mimeByFile(ops);
  const rows: AttachmentBlobRow[] = [];
  for (const f of files) {
    if (present.has(f.sha256)) continue;
    rows.push({ sha256: f.sha256, size: f.size, blob: blobOf(await f.bytes(), mimes.get(f.sha256) ?? 'application/octet-stream'), storedAt: now });
  }
  return rows;
}

/** Inside the import transaction: stores the rows whose file is still absent; returns how many. */
export async function writeFileRows(db: SciLedgerDb, rows: readonly AttachmentBlobRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const present = new Set((await db.attachmentBlobs.where('sha256').anyOf(rows.map((r) => r.sha256)).primaryKeys()) as string[]);
  const fresh = rows.filter((r) => !present.has(r.sha256));
  if (fresh.length > 0) await db.attachmentBlobs.bulkAdd(fresh);
  return fresh.length;
}
