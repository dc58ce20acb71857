import type { Transaction } from 'dexie';
import { ledgerTables, type LedgerTableName } from '../../../shared/domain/ledgerTables';

/**
 * Dexie versions of the `sciledger` database, oldest first. DESIGN §Data: "Schema changes are
 * Dexie versions with upgrade functions, each tested on data of the old shape. Never reuse or
 * reorder a version." So this list is append-only: a later change adds
 * `{ version: N + 1, stores: {...only what changes...}, upgrade }` at the end and a test that
 * opens a database of version N with old-shaped data.
 *
 * The ledger stores are derived from shared/domain/ledgerTables.ts (primary key `id` plus the
 * declared secondary indexes), so declaring a table there both creates it and puts it under
 * change tracking. Until the first release version 1 simply follows that registry. After a
 * release, adding a table or index there without appending a version still works — Dexie 4
 * notices that the installed schema lacks it and adds it in place ("SchemaDiff" console
 * warning) — but anything that needs data to be transformed must be a new version with an
 * upgrade function.
 */

/** Dexie store spec of one ledger table: `id` first (inbound UUID primary key), then indexes. */
export function ledgerStoreSpec(table: LedgerTableName): string {
  return ['id', ...ledgerTables[table].indexes].join(', ');
}

export function ledgerStoreSpecs(): Record<LedgerTableName, string> {
  return Object.fromEntries(
    (Object.keys(ledgerTables) as LedgerTableName[]).map((t) => [t, ledgerStoreSpec(t)]),
  ) as Record<LedgerTableName, string>;
}

/** Local, never-synced tables. Their names must not collide with a ledger table. */
export const localStores = {
  /** Change log (renderer/src/db/tracking.ts); opId is an HLC string, so key order = causal order. */
  oplog: 'opId, table, id, [table+id], operator, at',
  /** Key-value facts of this installation: nodeId, operatorName. */
  meta: 'key',
} as const;
export type LocalTableName = keyof typeof localStores;

export interface SchemaVersion {
  version: number;
  /** Dexie `stores()` argument: only the stores this version adds or changes (null deletes). */
  stores: Record<string, string | null>;
  /** Data migration run inside the versionchange transaction (not change-tracked: every node runs it itself). */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const schemaVersions: readonly SchemaVersion[] = [
  { version: 1, stores: { ...ledgerStoreSpecs(), ...localStores } },
  // Append new versions here. Never edit or reorder the ones above once released.
];

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1].version;
