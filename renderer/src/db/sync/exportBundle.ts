/**
 * Export (DESIGN §Sync): "Export carries every op the receiver may lack, from ANY origin (A→B→C
 * relays)" — so every local op the receiver's vector does not cover, imported ops included
 * (opsToSend semantics); a full export (backup, upward report) carries every op.
 */
import { BUNDLE_EXTENSION, planBundleParts, writeBundleWithFiles, type SyncOp, type WriteBundleInput } from '../../../../shared/sync';
import { MAX_SYNC_BUNDLE_BYTES } from '../../../../shared/sync/folderLayout';
import { fileSources, heldFiles } from './attachmentFiles';
import type { SciLedgerDb } from '../database';
import { getNodeName, localNodeId } from './node';
import type { ExportOptions, ExportResult } from './types';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Characters Windows, macOS and USB sticks (FAT32) refuse in a file name. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]+/g;

const safeName = (name: string, fallback: string) => name.replace(UNSAFE_FILE_CHARS, '_').trim() || fallback;

/**
 * `SciLedger-<nodeName>-YYYYMMDD-HHmmss.sclb`, in this machine's local time (what the clerk sees);
 * an update made for one machine says so: `SciLedger-<nodeName>-给「<target>」-更新-…` (issue 10:
 * a USB stick carried to the wrong desk is noticed from the file name already).
 */
export function bundleFileName(nodeName: string, at: Date, targetName?: string, part?: { index: number; count: number }): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  const forWhom = targetName === undefined ? '' : `-给「${safeName(targetName, '对方')}」-更新`;
  const which = part ? `-第${part.index}包共${part.count}包` : '';
  return `SciLedger-${safeName(nodeName, 'node')}${forWhom}-${date}-${time}${which}${BUNDLE_EXTENSION}`;
}

/**
 * The bundle(s) of an export. Attachment files referenced by the ops travel with them
 * (`files/<sha256>`, issue 11); when they would pass `capBytes` (default: what a sync folder and
 * IPC accept) the export is split into parts that apply in any order (shared/sync/bundleParts.ts).
 * The result describes the first part; `parts` lists them all (just itself when not split).
 */
export async function exportBundle(db: SciLedgerDb, { kind, receiverVector, target, now = new Date(), capBytes = MAX_SYNC_BUNDLE_BYTES }: ExportOptions): Promise<ExportResult & { parts: ExportResult[] }> {
  const nodeId = await localNodeId(db);
  const nodeName = await getNodeName(db);
  // One read-only transaction: the ops and the vector describe the same moment. An update reads
  // only the chunks holding ops the receiver lacks (opChunks.ts since ≡ opsToSend).
  const { ops, vector } = await db.transaction('r', db.oplog.storeNames, async () => ({
    ops: kind === 'full' ? await db.oplog.toArray() : await db.oplog.since(receiverVector ?? {}),
    vector: await db.oplog.vector(),
  }));
  const held = await heldFiles(db, ops);
  const plans = planBundleParts(ops, held, capBytes, kind);
  const parts: ExportResult[] = [];
  for (const [i, plan] of plans.entries()) {
    // A later part of a full export holds only attachment ops: never a snapshot to restore from.
    const partKind = kind === 'full' && i > 0 ? 'incremental' : kind;
    const input: Omit<WriteBundleInput, 'files'> = {
      ops: plan.ops,
      nodeId,
      nodeName,
      schemaVersion: db.verno,
      bundleId: crypto.randomUUID(),
      createdAt: now.toISOString(),
      vector,
      kind: partKind,
      // The receiver must hold `base` for this update to leave no gap (checked on import).
      ...(kind === 'incremental' ? { base: receiverVector ?? {} } : {}),
      ...(kind === 'incremental' && target ? { target } : {}),
    };
    const { bytes, manifest } = await writeBundleWithFiles(input, fileSources(db, plan.files, held));
    const fileName = bundleFileName(nodeName, now, kind === 'incremental' ? target?.nodeName : undefined, plans.length > 1 ? { index: i + 1, count: plans.length } : undefined);
    parts.push({ bytes, bundleId: input.bundleId, fileName, opCount: plan.ops.length, recordsPerTable: recordsPerTable(plan.ops), manifest, fileCount: plan.files.length, ...(plans.length > 1 ? { part: { index: i + 1, count: plans.length } } : {}) });
  }
  return { ...parts[0], parts };
}

/** How many different records of each table the ops touch. */
export function recordsPerTable(ops: readonly SyncOp[]): Record<string, number> {
  const ids = new Map<string, Set<string>>();
  for (const op of ops) {
    const set = ids.get(op.table) ?? new Set<string>();
    set.add(op.id);
    ids.set(op.table, set);
  }
  return Object.fromEntries([...ids].map(([table, set]) => [table, set.size]));
}
