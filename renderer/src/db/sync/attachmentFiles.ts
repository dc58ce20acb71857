/**
 * Attachment bytes in bundles (issue 11; DESIGN §Sync "files/<sha256>"): which files an export
 * carries, and storing the verified files of an import. readBundle has already checked every
 * file against its hash, so this side only decides what is new and writes it — ahead of the
 * import's own transaction, a batch at a time, never rewriting a file that is already here —
 * and drops what it wrote when the import then does not happen.
 */
import type { BundleFile, BundleFileSource, SyncOp } from '../../../../shared/sync';
import { Dexie, RangeSet } from 'dexie';
import type { SciLedgerDb } from '../database';
import { blobBytes, blobOf } from '../attachments/blobs';
import type { FileStoreRequest, FileStoreResponse, FileStoreRow } from './fileStoreProtocol';
import { bundleBlob, type BundleInput } from './bundleInput';

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

/** Bytes written per transaction while storing ahead: bounds what one batch holds. */
const AHEAD_BATCH_BYTES = 16 * 1024 * 1024;

interface PlannedFile {
  sha256: string;
  size: number;
  mime: string;
  storedAt: string;
  /** A copy of the verified bytes, or (`slice`) the verified range of the bundle's own Blob. */
  content: { bytes: Uint8Array } | { slice: Blob };
}

/** Writes one batch; returns the files it stored (those still absent). */
type BatchWriter = (db: SciLedgerDb, batch: PlannedFile[]) => Promise<string[]>;

/** On the page: fake-indexeddb in tests, and any runtime without workers. */
const writeOnPage: BatchWriter = (db, batch) =>
  db.transaction('rw', db.attachmentBlobs, async () => {
    // Another window may have stored one meanwhile: a stored file is never rewritten.
    const there = new Set((await db.attachmentBlobs.where('sha256').anyOf(batch.map((r) => r.sha256)).primaryKeys()) as string[]);
    const fresh = batch.filter((r) => !there.has(r.sha256));
    if (fresh.length > 0) await db.attachmentBlobs.bulkAdd(fresh.map((r) => ({ sha256: r.sha256, size: r.size, blob: 'slice' in r.content ? r.content.slice : blobOf(r.content.bytes, r.mime), storedAt: r.storedAt })));
    return fresh.map((r) => r.sha256);
  });

/**
 * In a worker of its own per batch (fileStore.worker.ts): the Blobs are made there and released
 * when it is terminated. On the page they would stay allocated until the page's garbage
 * collector ran — measured: an import of a 150 MB bundle held ~200 MB of them.
 */
const writeInWorker: BatchWriter = (db, batch) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./fileStore.worker.ts', import.meta.url), { type: 'module' });
    const finish = (fn: () => void) => {
      worker.terminate();
      fn();
    };
    worker.onmessage = (event: MessageEvent<FileStoreResponse>) => {
      const m = event.data;
      if (m.type === 'stored') finish(() => resolve(m.sha256s));
      else finish(() => reject(Object.assign(new Error(m.message), { name: m.name })));
    };
    worker.onerror = (event) => finish(() => reject(new Error(event.message || '写入附件文件的进程出错')));
    // Each file's bytes are copied out of the bundle and handed over (transferred, not copied again).
    const rows: FileStoreRow[] = batch.map((r) => ({ sha256: r.sha256, size: r.size, mime: r.mime, storedAt: r.storedAt, bytes: 'slice' in r.content ? r.content.slice : (r.content.bytes.slice().buffer as ArrayBuffer) }));
    const request: FileStoreRequest = { dbName: db.name, rows };
    worker.postMessage(request, rows.flatMap((r) => (r.bytes instanceof ArrayBuffer ? [r.bytes] : [])));
  });

/**
 * Live queries on the page (an attachment panel showing 文件未同步) learn of the worker's writes
 * as of any other: Dexie is told that the store changed.
 */
const writeInWorkerAndTell: BatchWriter = async (db, batch) => {
  const stored = await writeInWorker(db, batch);
  if (stored.length > 0) {
    const everything = () => new RangeSet(-Infinity, [[[]]]);
    Dexie.on.storagemutated.fire({ [`idb://${db.name}/attachmentBlobs/`]: everything(), [`idb://${db.name}/attachmentBlobs/:dels`]: everything() });
  }
  return stored;
};

const defaultWriter = (): BatchWriter => (typeof Worker === 'undefined' ? writeOnPage : writeInWorkerAndTell);

/**
 * Stores the verified files of a bundle that this machine lacks, BEFORE the import's own
 * transaction, ~16 MB per transaction (issue 11: a large bundle must not be held in memory
 * three times — the peak is the bundle plus one batch). Content-addressed bytes are invisible
 * until an attachment record names them, so nothing stored changes meaning; if the import then
 * fails or is refused, the caller drops what this wrote and nothing references
 * (dropUnreferencedFiles). Returns the files written.
 */
export async function storeFilesAhead(
  db: SciLedgerDb,
  files: readonly BundleFile[],
  ops: readonly SyncOp[],
  now: string,
  { write, bundle }: { write?: BatchWriter; bundle?: BundleInput } = {},
): Promise<string[]> {
  if (files.length === 0 || blobStoreNames(db).length === 0) return [];
  const present = new Set((await db.attachmentBlobs.where('sha256').anyOf(files.map((f) => f.sha256)).primaryKeys()) as string[]);
  const mimes = mimeByFile(ops);
  const written: string[] = [];
  let batch: PlannedFile[] = [];
  let batchBytes = 0;
  // Slices of the bundle's own Blob (a picked File) hold no bytes in the page — they name a range
  // of the file — so they are written on the page with no worker and no copy (issue 11: import
  // memory). Safe: the range is the one readBundleFromSource verified, and a Blob does not
  // change (a File changed on disk meanwhile fails to read, aborting the batch's transaction,
  // rather than giving other bytes). Measured at 100 MB: ~60 MB less than copies via a worker.
  const asBlob = bundleBlob(bundle);
  const writer = write ?? (asBlob ? writeOnPage : defaultWriter());
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    batchBytes = 0;
    written.push(...(await writer(db, rows)));
  };
  try {
    for (const f of files) {
      if (present.has(f.sha256)) continue;
      present.add(f.sha256);
      const mime = mimes.get(f.sha256) ?? 'application/octet-stream';
      const content = asBlob && f.range ? { slice: asBlob.slice(f.range.start, f.range.end, mime) } : { bytes: await f.bytes() };
      batch.push({ sha256: f.sha256, size: f.size, mime, storedAt: now, content });
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
