/**
 * This machine as a sync node (DESIGN §Sync): its name (meta, never synced), its version vector,
 * and reading a bundle with the checks that depend on the local database.
 */
import { ledgerTableNames, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { readBundleFromSource, type ReadBundleResult } from '../../../../shared/sync';
import { bundleSource, type BundleInput } from './bundleInput';
import type { SciLedgerDb } from '../database';
import { metaKeys } from '../oplog';

export const DEFAULT_NODE_NAME = '未命名电脑';
const MAX_NODE_NAME = 100; // manifestSchema nodeName max

export async function getNodeName(db: SciLedgerDb): Promise<string> {
  const entry = await db.meta.get(metaKeys.nodeName);
  return (entry?.value as string | undefined) || DEFAULT_NODE_NAME;
}

/** Trims and saves the name shown to other machines in bundles and messages. */
export async function setNodeName(db: SciLedgerDb, name: string): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('电脑名称不能为空');
  if (trimmed.length > MAX_NODE_NAME) throw new Error(`电脑名称不能超过 ${MAX_NODE_NAME} 个字`);
  await db.meta.put({ key: metaKeys.nodeName, value: trimmed });
  return trimmed;
}

/** This machine's nodeId; the database must be open (tracking started). */
export async function localNodeId(db: SciLedgerDb): Promise<string> {
  if (!db.isOpen()) await db.open();
  const id = db.tracker.nodeId;
  if (!id) throw new Error('数据库尚未打开');
  return id;
}

/**
 * The last opId per origin node in the local oplog (manifest `vector`, vector.ts): read from the
 * log's index keys only (opChunks.ts) — no op is deserialised.
 */
export async function getLocalVector(db: SciLedgerDb): Promise<Record<string, string>> {
  return db.oplog.vector();
}

/** Ledger tables this database has (a bundle naming another is refused, bundle.ts). */
export function localLedgerTables(db: SciLedgerDb): LedgerTableName[] {
  const present = new Set(db.tables.map((t) => t.name));
  return ledgerTableNames.filter((t) => present.has(t));
}

/**
 * readBundle with this database's schema version, node and tables, from bytes or a Blob read in
 * slices (bundleInput.ts). Throws BundleError before
 * anything is read from or written to the database (issue 4 "Bad input").
 * `forRestore`: a backup of this very machine is fine to restore from, so no same-node check.
 */
export async function readBundleFor(db: SciLedgerDb, input: BundleInput, forRestore = false): Promise<ReadBundleResult> {
  const nodeId = await localNodeId(db);
  return readBundleFromSource(bundleSource(input), {
    currentSchemaVersion: db.verno,
    // '' is never a nodeId (NODE_ID_PATTERN), so the same-node check cannot fire.
    localNodeId: forRestore ? '' : nodeId,
    knownTables: localLedgerTables(db),
    // An update made for a machine holding more than this one is refused (issue 10); a restore
    // reads a full bundle, which has no base.
    ...(forRestore ? {} : { localVector: await getLocalVector(db) }),
  });
}
