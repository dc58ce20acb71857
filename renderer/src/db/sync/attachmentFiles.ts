/**
 * Attachment bytes in bundles (issue 11; DESIGN §Sync "files/<sha256>"): which files an export
 * carries, and storing the verified files of an import. readBundle has already checked every
 * file against its hash, so this side only decides what is new and writes it — ahead of the
 * import's own transaction, a batch at a time, never rewriting a file that is already here —
 * and drops what it wrote when the import then does not happen.
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

/** Blobs written per transaction while storing ahead: bounds what a transaction holds. */
const AHEAD_BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Stores the verified files of a bundle that this machine lacks, BEFORE the import's own
 * transaction, a few MB per transaction (issue 11: a large bundle must not be held in memory
 * three times — each file becomes a Blob, is written and dropped, so the peak is the bundle
 * plus one batch). Content-addressed bytes are invisible until an attachment record names them,
 * so nothing stored changes meaning; if the import then fails or is refused, the caller drops
 * what this wrote and nothing references (dropUnreferencedFiles). Returns the files written.
 */
export async function storeFilesAhead(db: SciLedgerDb, files: readonly BundleFile[], ops: readonly SyncOp[], now: string): Promise<string[]> {
  if (files.length === 0 || blobStoreNames(db).length === 0) return [];
  const present = new Set((await db.attachmentBlobs.where('sha256').anyOf(files.map((f) => f.sha256)).primaryKeys()) as string[]);
  const mimes = mimeByFile(ops);
  const written: string[] = [];
  let batch: AttachmentBlobRow[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    batchBytes = 0;
    const stored = await db.transaction('rw', db.attachmentBlobs, async () => {
      // Another window may have stored one meanwhile: a stored file is never rewritten.
      const there = new Set((await db.attachmentBlobs.where('sha256').anyOf(rows.map((r) => r.sha256)).primaryKeys()) as string[]);
      const fresh = rows.filter((r) => !there.has(r.sha256));
      if (fresh.length > 0) await db.attachmentBlobs.bulkAdd(fresh);
      return fresh.map((r) => r.sha256);
    });
    written.push(...stored);
  };
  try {
    for (const f of files) {
      if (present.has(f.sha256)) continue;
      present.add(f.sha256);
      batch.push({ sha256: f.sha256, size: f.size, blob: blobOf(await f.bytes(), mimes.get(f.sha256) ?? 'application/octet-stream'), storedAt: now });
      batchBytes += f.size;
      if (batchBytes >= AHEAD_BATCH_BYTES) await flush();
    }
    await flush();
  } catch (error) {
    await dropUnreferencedFiles(db, written);
    throw error;
  }
  return written;
}

/**
 * Deletes those of `sha256s` that no attachment record references — live, removed or waiting
 * in 待补全 —: the files an import stored ahead when its records were then not written. A file
 * an existing record was waiting for (文件未同步) stays: it is that record's file.
 */
export async function dropUnreferencedFiles(db: SciLedgerDb, sha256s: readonly string[]): Promise<number> {
  if (sha256s.length === 0) return 0;
  return db.transaction('rw', [db.attachmentBlobs, db.attachments, db.pendingRecords], async () => {
    const referenced = new Set((await db.attachments.where('sha256').anyOf([...sha256s]).toArray()).map((a) => a.sha256));
    const pending = await db.pendingRecords.where('[table+id]').between(['attachments', ''], ['attachments', '\uffff']).toArray();
    for (const p of pending) {
      const sha = (p.record as { sha256?: unknown } | undefined)?.sha256;
      if (typeof sha === 'string') referenced.add(sha);
    }
    const orphans = sha256s.filter((s) => !referenced.has(s));
    if (orphans.length > 0) await db.attachmentBlobs.bulkDelete(orphans);
    return orphans.length;
  });
}
