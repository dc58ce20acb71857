/**
 * 附件 on records (issue 11): add, remove (tombstone), restore, read. The attachment record goes
 * through the tracked write path like every ledger record (oplog, audit trail, sync) and its bytes
 * are written into attachmentBlobs IN THE SAME TRANSACTION, so a record never exists without its
 * file on the machine that added it, and a failed write (disk full) leaves neither.
 */
import { attachmentLimitBytes, cleanAttachmentName, formatFileSize, mimeOf, type Attachment, type Sha256Hex } from '../../../../shared/attachments';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import type { SciLedgerDb } from '../database';
import { restoreDeletedRecord } from '../sync/deletedEdits';
import { blobBytes, blobOf, browserStorageEstimate, isQuotaError, webSha256Hex, type AttachmentBlobRow, type StorageEstimator } from './blobs';
import { readAttachmentSettings } from './settings';
import { countsOfTable } from './counts';

export type AttachmentErrorCode = 'too-large' | 'empty' | 'bad-name' | 'quota' | 'unknown-table' | 'not-found';

export class AttachmentError extends Error {
  constructor(
    readonly code: AttachmentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AttachmentError';
  }
}

export interface NewAttachmentFile {
  /** The name the file had where it came from (cleaned before it is stored). */
  name: string;
  bytes: Uint8Array;
}

export interface AddAttachmentsDeps {
  hash?: Sha256Hex;
  estimate?: StorageEstimator;
  /** Per-file limit in bytes; default this machine's 设置 (50 MB unless changed). */
  limitBytes?: number;
  now?: () => Date;
}

const isLive = (a: { deletedAt?: string | null }) => a.deletedAt === undefined || a.deletedAt === null;

/** Refuses the whole pick when one file is bad: the message names the file and the problem. */
function checkFile(file: NewAttachmentFile, limit: number): string {
  const cleaned = cleanAttachmentName(file.name);
  const shown = cleaned?.name ?? file.name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 60);
  if (!cleaned) throw new AttachmentError('bad-name', `文件名“${shown}”无效（只有路径符号或控制字符），请改名后再添加`);
  if (file.bytes.byteLength === 0) throw new AttachmentError('empty', `“${shown}”是空文件（0 字节），未添加`);
  if (file.bytes.byteLength > limit) {
    throw new AttachmentError('too-large', `“${shown}”有 ${formatFileSize(file.bytes.byteLength)}，超过每个附件 ${formatFileSize(limit)} 的上限（可在“设置”中修改），未添加`);
  }
  return cleaned.name;
}

/** "还需要约 120 MB，可用约 30 MB": what the clerk must free, when the browser can tell. */
export function spaceMessage(needed: number, estimate: { usage?: number; quota?: number } | null): string {
  const free = estimate?.quota !== undefined && estimate.usage !== undefined ? Math.max(0, estimate.quota - estimate.usage) : undefined;
  return `磁盘空间不足，附件未保存：需要约 ${formatFileSize(needed)}${free !== undefined ? `，当前可用约 ${formatFileSize(free)}` : ''}。请清理磁盘后重试。`;
}

/**
 * Adds files to one record. All or nothing: every file is checked and hashed first, a file
 * already stored (same SHA-256) is linked, not stored again, and the new bytes and the records
 * are written in one transaction. Returns the new attachment records.
 */
export async function addAttachments(db: SciLedgerDb, table: LedgerTableName, recordId: string, files: readonly NewAttachmentFile[], deps: AddAttachmentsDeps = {}): Promise<Attachment[]> {
  if (!(table in ledgerTables) || table === 'attachments') throw new AttachmentError('unknown-table', `不能给“${table}”添加附件`);
  if (files.length === 0) return [];
  const limit = deps.limitBytes ?? attachmentLimitBytes((await readAttachmentSettings(db)).limitMb);
  const names = files.map((f) => checkFile(f, limit));
  const hash = deps.hash ?? webSha256Hex;
  const hashes: string[] = [];
  for (const f of files) hashes.push(await hash(f.bytes));

  const distinct = [...new Set(hashes)];
  const present = new Set((await db.attachmentBlobs.where('sha256').anyOf(distinct).primaryKeys()) as string[]);
  const newBytes = distinct.filter((h) => !present.has(h)).reduce((n, h) => n + files[hashes.indexOf(h)].bytes.byteLength, 0);
  const estimate = newBytes > 0 ? await (deps.estimate ?? browserStorageEstimate)() : null;
  if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.quota - estimate.usage < newBytes) {
    throw new AttachmentError('quota', spaceMessage(newBytes, estimate));
  }

  const now = (deps.now?.() ?? new Date(db.tracker.nowMs())).toISOString();
  const operator = db.currentOperator;
  const records: Attachment[] = files.map((f, i) => ({
    id: crypto.randomUUID(),
    table,
    recordId,
    name: names[i],
    mime: mimeOf(names[i], f.bytes),
    size: f.bytes.byteLength,
    sha256: hashes[i],
    addedBy: operator,
    addedAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  // Blobs are made before the transaction: IndexedDB commits a transaction that waits on anything else.
  const rows = new Map<string, AttachmentBlobRow>();
  files.forEach((f, i) => {
    if (!present.has(hashes[i]) && !rows.has(hashes[i])) rows.set(hashes[i], { sha256: hashes[i], size: f.bytes.byteLength, blob: blobOf(f.bytes, records[i].mime), storedAt: now });
  });
  try {
    await db.transaction('rw', [db.attachments, db.attachmentBlobs], async () => {
      // Another window may have stored one meanwhile: a stored file is never rewritten.
      const stored = new Set((await db.attachmentBlobs.where('sha256').anyOf([...rows.keys()]).primaryKeys()) as string[]);
      const fresh = [...rows.values()].filter((r) => !stored.has(r.sha256));
      if (fresh.length > 0) await db.attachmentBlobs.bulkAdd(fresh);
      await db.attachments.bulkAdd(records);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new AttachmentError('quota', spaceMessage(newBytes, await (deps.estimate ?? browserStorageEstimate)()));
    throw error;
  }
  return records;
}

/** 删除: a tombstone (restorable with 恢复, synced as a delete). The bytes stay. */
export async function removeAttachment(db: SciLedgerDb, id: string): Promise<void> {
  await db.attachments.delete(id);
}

/** 恢复 a removed attachment: an ordinary tracked edit, synced like any change. */
export async function restoreAttachment(db: SciLedgerDb, id: string): Promise<void> {
  await restoreDeletedRecord(db, 'attachments', id);
}

export interface AttachmentView extends Attachment {
  /** False: the record arrived by sync, its bytes not yet (文件未同步). */
  available: boolean;
}

/** The attachments of one record, live first by time added, then the removed ones. */
export async function listAttachments(db: SciLedgerDb, table: LedgerTableName, recordId: string): Promise<AttachmentView[]> {
  return db.transaction('r', [db.attachments, db.attachmentBlobs], async () => {
    const rows = (await db.attachments.where('[table+recordId]').equals([table, recordId]).toArray()) as Attachment[];
    const held = new Set((await db.attachmentBlobs.where('sha256').anyOf([...new Set(rows.map((r) => r.sha256))]).primaryKeys()) as string[]);
    return rows
      .map((r) => ({ ...r, available: held.has(r.sha256) }))
      .sort((a, b) => Number(!isLive(a)) - Number(!isLive(b)) || a.addedAt.localeCompare(b.addedAt) || a.name.localeCompare(b.name));
  });
}

/** Live attachments per record of `table` (records without any are absent), from the derived counts. */
export async function attachmentCounts(db: SciLedgerDb, table: LedgerTableName, recordIds?: readonly string[]): Promise<Map<string, number>> {
  return countsOfTable(db, table, recordIds);
}

/** The bytes of a stored file, or null when they have not arrived on this machine (文件未同步). */
export async function readAttachmentBytes(db: SciLedgerDb, sha256: string): Promise<Uint8Array | null> {
  const row = await db.attachmentBlobs.get(sha256);
  return row ? blobBytes(row.blob) : null;
}

/** The Blob itself (for a preview URL without copying the bytes into the page). */
export async function readAttachmentBlob(db: SciLedgerDb, sha256: string): Promise<Blob | null> {
  return (await db.attachmentBlobs.get(sha256))?.blob ?? null;
}
