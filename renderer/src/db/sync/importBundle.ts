/**
 * Import of a bundle (DESIGN §Sync "Import"; shared/sync/index.ts steps 1–3):
 *   1. readBundle verifies everything first — a BundleError leaves the database untouched;
 *   2. the attachment files this machine lacks are stored ahead, a batch per transaction
 *      (attachmentFiles.ts storeFilesAhead) — invisible until a record names them, and dropped
 *      again if the next step does not commit;
 *   3. ONE rw transaction, marked self-logged (the ops keep their opIds and are written to the
 *      oplog here, not re-logged by the middleware): load the slice, applyOps, refuse a large
 *      delete before writing anything, write back records, clocks, oplog, conflicts, bundleId;
 *   4. the HLC receives the newest op inside the same transaction, so no local edit made after
 *      the import can sort before (or name as `prev`) an op it has seen.
 * previewBundle runs the same merge in a read-only transaction and writes nothing.
 */
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { decodeHlc } from '../../../../shared/sync/hlc';
import { applyOps, type BundleManifest, type MergeSummary, type SyncOp } from '../../../../shared/sync';
import type { SciLedgerDb } from '../database';
import { markTransactionSelfLogged } from '../tracking';
import { localNodeId, readBundleFor } from './node';
import { bundleSize, type BundleInput } from './bundleInput';
import { importScope, loadSlice, writeMerge } from './slice';
import { closeAnsweredConflicts } from './conflicts';
import { describeDeletedWithEdits } from './deletedEdits';
import type { AppliedBundleRow, ImportPreview, ImportResult, TableCounts } from './types';
import { dropUnreferencedFiles, storeFilesAhead } from './attachmentFiles';
import { browserStorageEstimate, isQuotaError } from '../attachments/blobs';
import { spaceMessage } from '../attachments/store';

/** Issue 4 / brief: a clock more than 10 minutes ahead is worth a warning naming the machine. */
export const SKEW_WARNING_MS = 10 * 60 * 1000;
export const DEFAULT_DELETE_SHARE_LIMIT = 0.2;

export interface LargeDeleteTable {
  table: string;
  label: string;
  deleted: number;
  live: number;
  share: number;
}

/** DESIGN §Sync: "An import that would delete more than a set share of records asks first." */
export class LargeDeleteError extends Error {
  readonly code = 'LARGE_DELETE';
  constructor(readonly tables: LargeDeleteTable[]) {
    const what = tables.map((t) => `${t.label}将删除 ${t.deleted} 条（现有 ${t.live} 条的 ${Math.round(t.share * 100)}%）`).join('；');
    super(`此数据包会删除大量记录：${what}。请确认后再导入。`);
    this.name = 'LargeDeleteError';
  }
}

const isLive = (r: Record<string, unknown>) => r.deletedAt === undefined || r.deletedAt === null;

/** Per table with deletes: deleted ÷ live records now (read in the caller's transaction). */
async function deleteShares(db: SciLedgerDb, perTable: MergeSummary['perTable']): Promise<Record<string, { deleted: number; live: number; share: number }>> {
  const out: Record<string, { deleted: number; live: number; share: number }> = {};
  for (const [table, counts] of Object.entries(perTable) as [string, TableCounts][]) {
    if (counts.deleted === 0) {
      out[table] = { deleted: 0, live: 0, share: 0 };
      continue;
    }
    const live = await db.table(table).filter(isLive).count();
    out[table] = { deleted: counts.deleted, live, share: live === 0 ? 0 : counts.deleted / live };
  }
  return out;
}

const newestOp = (ops: readonly SyncOp[]): SyncOp | undefined => ops[ops.length - 1]; // readBundle sorts by opId

/** The name to show for the node that wrote `opId`: the sender, or a relayed node we know. */
async function nodeNameOf(db: SciLedgerDb, opId: string, manifest: BundleManifest): Promise<string> {
  const nodeId = decodeHlc(opId).nodeId;
  if (nodeId === manifest.nodeId) return manifest.nodeName;
  const known = await db.appliedBundles.where('nodeId').equals(nodeId).last();
  return known?.nodeName ?? `经“${manifest.nodeName}”转来的电脑（${nodeId.slice(0, 8)}）`;
}

export async function previewBundle(db: SciLedgerDb, input: BundleInput, { deleteShareLimit = DEFAULT_DELETE_SHARE_LIMIT } = {}): Promise<ImportPreview> {
  const { manifest, ops } = await readBundleFor(db, input);
  const nodeId = await localNodeId(db);
  return db.transaction('r', importScope(db, ops), async (tx) => {
    markTransactionSelfLogged(db.tracker, tx); // loadSlice reads rows as stored, clocks included
    const alreadyApplied = (await db.appliedBundles.get(manifest.bundleId)) !== undefined;
    const result = applyOps(await loadSlice(db, ops), ops, { localNodeId: nodeId, senderVector: manifest.vector });
    const shares = await deleteShares(db, result.summary.perTable);
    const newest = newestOp(ops);
    return {
      manifest,
      opCount: ops.length,
      newOps: result.summary.applied,
      alreadyApplied,
      perTable: result.summary.perTable as Record<string, TableCounts>,
      deleteShares: Object.fromEntries(Object.entries(shares).map(([t, s]) => [t, s.share])),
      needsDeleteConfirmation: Object.values(shares).some((s) => s.share > deleteShareLimit),
      conflicts: result.summary.conflicts.length,
      skewMs: newest ? decodeHlc(newest.opId).wallMs - db.tracker.nowMs() : 0,
    };
  });
}

export interface ImportOptions {
  confirmLargeDelete?: boolean;
  deleteShareLimit?: number;
}

/** `input`: the bundle's bytes, or its File/Blob (read in slices; its files stored as slices of it). */
export async function importBundle(db: SciLedgerDb, input: BundleInput, options: ImportOptions = {}): Promise<ImportResult> {
  const { manifest, ops, files } = await readBundleFor(db, input);
  // Cheap early exit, outside any write transaction: importing twice writes nothing at all.
  if (await db.appliedBundles.get(manifest.bundleId)) return unchangedResult(manifest, ops);
  // Attachment bytes this machine lacks, verified by readBundleFor, stored ahead one batch at a
  // time (issue 11: the bundle is not held in memory a second and third time). They stay
  // invisible until the records below name them; if those are not written, they are dropped.
  let written: string[] = [];
  try {
    written = await storeFilesAhead(db, files, ops, new Date(db.tracker.nowMs()).toISOString(), { bundle: input });
    const result = await applyBundle(db, manifest, ops, options);
    return { ...result, filesStored: result.alreadyApplied ? 0 : written.length };
  } catch (error) {
    // The transaction rolled back: nothing of the bundle is stored. Say how much space it needs.
    await dropUnreferencedFiles(db, written);
    if (isQuotaError(error)) throw new Error(spaceMessage(files.reduce((n, f) => n + f.size, 0) + bundleSize(input), await browserStorageEstimate()));
    throw error;
  }
}

const unchangedResult = (manifest: BundleManifest, ops: readonly SyncOp[]): ImportResult => ({
  bundleId: manifest.bundleId,
  nodeName: manifest.nodeName,
  applied: 0,
  skipped: ops.length,
  perTable: {},
  conflicts: 0,
  alreadyApplied: true,
});

async function applyBundle(
  db: SciLedgerDb,
  manifest: BundleManifest,
  ops: SyncOp[],
  { confirmLargeDelete = false, deleteShareLimit = DEFAULT_DELETE_SHARE_LIMIT }: ImportOptions,
): Promise<ImportResult> {
  const nodeId = await localNodeId(db);
  const base = { bundleId: manifest.bundleId, nodeName: manifest.nodeName };
  const unchanged = unchangedResult(manifest, ops);
  return db.transaction('rw', importScope(db, ops), async (tx) => {
    markTransactionSelfLogged(db.tracker, tx);
    if (await db.appliedBundles.get(manifest.bundleId)) return unchanged; // imported meanwhile
    const slice = await loadSlice(db, ops);
    const result = applyOps(slice, ops, { localNodeId: nodeId, senderVector: manifest.vector });
    const { summary } = result;
    if (!confirmLargeDelete) {
      const shares = await deleteShares(db, summary.perTable);
      const over = Object.entries(shares)
        .filter(([, s]) => s.share > deleteShareLimit)
        .map(([table, s]) => ({ table, label: ledgerTables[table as LedgerTableName]?.label ?? table, ...s }));
      if (over.length > 0) throw new LargeDeleteError(over); // aborts: nothing written
    }
    const now = new Date(db.tracker.nowMs()).toISOString();
    const written = await writeMerge(db, result, now, slice);
    const closed = await closeAnsweredConflicts(db, result.changes.appliedOps, (table, id) => result.state.history.get(table as LedgerTableName)?.get(id) ?? [], now);
    const row: AppliedBundleRow = {
      bundleId: manifest.bundleId,
      nodeId: manifest.nodeId,
      nodeName: manifest.nodeName,
      kind: manifest.kind,
      createdAt: manifest.createdAt,
      appliedAt: now,
      opCount: ops.length,
      applied: summary.applied,
      skipped: summary.skipped,
      vector: manifest.vector,
    };
    await db.appliedBundles.put(row);
    let skewWarning: ImportResult['skewWarning'];
    if (summary.maxOpId) {
      const skewMs = db.tracker.receive(summary.maxOpId);
      if (skewMs > SKEW_WARNING_MS) skewWarning = { nodeName: await nodeNameOf(db, summary.maxOpId, manifest), skewMs };
    }
    return {
      ...base,
      applied: summary.applied,
      skipped: summary.skipped,
      perTable: summary.perTable as Record<string, TableCounts>,
      // A conflict whose resolution came in the same bundle is recorded closed, not to review.
      conflicts: summary.conflicts.filter((c) => !closed.has(c.key)).length,
      ...(skewWarning ? { skewWarning } : {}),
      alreadyApplied: false,
      pending: written.pending,
      completed: written.completed,
      deletedWithEdits: await describeDeletedWithEdits(db, summary.deletedWithEdits, manifest, nodeId),
      filesStored: 0, // set by importBundle: the files were stored ahead
    };
  });
}
