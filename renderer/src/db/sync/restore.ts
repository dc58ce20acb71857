/**
 * Restore from a backup or a full export (issue 4 "Backup"): make the ledgers equal to the
 * records the bundle's ops produce, by ordinary TRACKED local writes in one transaction — puts
 * of the snapshot values, and a tombstone for every live record the snapshot lacks (DESIGN
 * §Sync: deletes are tombstones). Being local edits with new opIds, the restore syncs to the
 * other machines like any change and can itself be undone by restoring the backup the UI takes
 * just before.
 */
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { applyOps, emptyMergeState, jsonEqual, type BundleFile, type BundleManifest, type LedgerRow, type SyncOp } from '../../../../shared/sync';
import { dropUnreferencedFiles, storeFilesAhead } from './attachmentFiles';
import type { SciLedgerDb } from '../database';
import { localLedgerTables, readBundleFor } from './node';
import type { BundleInput } from './bundleInput';
import type { RestorePreview, TableCounts } from './types';

export class RestoreError extends Error {
  constructor(
    readonly code: 'NOT_FULL',
    message: string,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

const isLive = (r: Record<string, unknown> | undefined) => r !== undefined && (r.deletedAt === undefined || r.deletedAt === null);

const isFilesPart = (manifest: BundleManifest, ops: readonly SyncOp[], files: readonly BundleFile[]) =>
  manifest.kind === 'incremental' && manifest.base === undefined && files.length > 0 && ops.every((op) => op.table === 'attachments');

interface Snapshot {
  /** A later part of a split backup: only its files are restored. */
  filesOnly?: boolean;
  manifest: BundleManifest;
  ops: SyncOp[];
  files: BundleFile[];
  records: ReadonlyMap<LedgerTableName, ReadonlyMap<string, LedgerRow>>;
}

/**
 * The records a FULL bundle describes. An incremental bundle holds only some ops of some
 * records: "absent = deleted" would wipe everything else, so it is refused.
 */
async function snapshotOf(db: SciLedgerDb, input: BundleInput): Promise<Snapshot> {
  // A backup of this very machine is the usual case: no same-node refusal here.
  const { manifest, ops, files } = await readBundleFor(db, input, true);
  // A later part of a split backup (issue 11) carries attachment files and the ops naming them:
  // restoring it only brings those files back; no record is touched.
  if (isFilesPart(manifest, ops, files)) return { manifest, ops, files, records: new Map(), filesOnly: true };
  if (manifest.kind !== 'full') throw new RestoreError('NOT_FULL', '只能从完整备份或完整导出的数据包恢复，此文件是增量数据包');
  return { manifest, ops, files, records: applyOps(emptyMergeState(), ops).state.records };
}

interface Plan {
  perTable: Record<string, TableCounts>;
  writes: Map<LedgerTableName, Record<string, unknown>[]>;
}

/** What must be written to reach the snapshot; reads the ledgers in the caller's transaction. */
async function plan(db: SciLedgerDb, snapshot: Snapshot, now: string): Promise<Plan> {
  const perTable: Record<string, TableCounts> = {};
  const writes = new Map<LedgerTableName, Record<string, unknown>[]>();
  if (snapshot.filesOnly) return { perTable, writes };
  for (const table of localLedgerTables(db)) {
    const target = snapshot.records.get(table) ?? new Map<string, LedgerRow>();
    const current = new Map(((await db.table(table).toArray()) as LedgerRow[]).map((r) => [r.id, r]));
    const counts: TableCounts = { added: 0, changed: 0, deleted: 0 };
    const puts: Record<string, unknown>[] = [];
    for (const [id, want] of target) {
      const have = current.get(id);
      if (have !== undefined && jsonEqual(have, want)) continue;
      puts.push(want);
      if (isLive(want) && !isLive(have)) counts.added++;
      else if (!isLive(want) && isLive(have)) counts.deleted++;
      else if (isLive(want)) counts.changed++;
    }
    for (const [id, have] of current) {
      if (target.has(id) || !isLive(have)) continue;
      puts.push({ ...have, deletedAt: now, updatedAt: now });
      counts.deleted++;
    }
    if (puts.length > 0) writes.set(table, puts);
    if (counts.added + counts.changed + counts.deleted > 0) perTable[table] = counts;
  }
  return { perTable, writes };
}

/** What a restore from `input` (bytes or a Blob) would change, per table; writes nothing. */
export async function previewRestore(db: SciLedgerDb, input: BundleInput): Promise<RestorePreview> {
  const snapshot = await snapshotOf(db, input);
  const { perTable } = await db.transaction('r', localLedgerTables(db), () => plan(db, snapshot, new Date(db.tracker.nowMs()).toISOString()));
  return { manifest: snapshot.manifest, perTable, files: snapshot.files.length, filesOnly: snapshot.filesOnly ?? false };
}

/**
 * Restores the ledgers to the snapshot, and the attachment files the backup carries (issue 11:
 * "restoring a backup restores them"; a file already here is not rewritten). Returns the number
 * of records written.
 */
export async function restoreFromBundle(db: SciLedgerDb, input: BundleInput): Promise<{ changed: number; filesStored: number }> {
  const snapshot = await snapshotOf(db, input);
  // The files first, a batch per transaction (as an import, attachmentFiles.ts): dropped again
  // if the records are then not written.
  const written = await storeFilesAhead(db, snapshot.files, snapshot.ops, new Date(db.tracker.nowMs()).toISOString(), { bundle: input });
  try {
    return await db.transaction('rw', localLedgerTables(db), async () => {
      const { writes } = await plan(db, snapshot, new Date(db.tracker.nowMs()).toISOString());
      let changed = 0;
      for (const [table, rows] of writes) {
        await db.table(table).bulkPut(rows); // tracked: oplog entries with prev, like any edit
        changed += rows.length;
      }
      return { changed, filesStored: written.length };
    });
  } catch (error) {
    await dropUnreferencedFiles(db, written);
    throw error;
  }
}
