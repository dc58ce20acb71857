import type { Transaction } from 'dexie';
import { ledgerTables, type LedgerTableName } from '../../../shared/domain/ledgerTables';

/**
 * Dexie versions of the `sciledger` database, oldest first. DESIGN §Data: "Schema changes are
 * Dexie versions with upgrade functions, each tested on data of the old shape. Never reuse or
 * reorder a version." So this list is append-only: a later change adds
 * `{ version: N + 1, stores: {...only what changes...}, upgrade }` at the end and a test that
 * opens a database of version N with old-shaped data.
 *
 * Each version spells out its stores literally, so editing shared/domain/ledgerTables.ts can
 * never silently change a released version. `ledgerStoreSpecs()` derives what the registry
 * wants now; a test compares it with the stores the versions add up to, so a table or index
 * declared in the registry without a new version here fails `npm test`.
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
  oplog: 'opId, [table+id], operator, at',
  /** Key-value facts of this installation: nodeId, operatorName, nodeName. */
  meta: 'key',
  /**
   * Sync (DESIGN §Sync, shared/sync/index.ts): per record, the opId of the value each field
   * holds — `{table, id, clocks}` under the compound key [table+id]. LWW and `prev` read it.
   */
  fieldClocks: '[table+id]',
  /** Same-field concurrent edits found by an import, by Conflict.key, until the clerk resolves them. */
  conflicts: 'key, [table+id], resolvedAt',
  /** Bundles already imported (importing one twice changes nothing). */
  appliedBundles: 'bundleId, nodeId, appliedAt',
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
  {
    version: 1,
    stores: {
      settings: 'id',
      advisors: 'id, name, status, updatedAt',
      advisorActivities: 'id, advisorId, date',
      advisorSuggestions: 'id, advisorId, date, feedbackStatus',
      advisorStipends: 'id, advisorId, year',
      commissioners: 'id, name, status, teamId',
      commissionerTeams: 'id, name',
      hostEnterprises: 'id, name, creditCode',
      cooperationAgreements: 'id, enterpriseId, commissionerId, teamId',
      serviceLogs: 'id, commissionerId, date',
      commissionerAssessments: 'id, commissionerId, year',
      consultationRounds: 'id, city, year',
      consultationTopics: 'id, roundId, domain',
      consultationProgress: 'id, roundId, topicId, [year+quarter]',
      rectificationItems: 'id, seq, status',
      oplog: 'opId, table, id, [table+id], operator, at',
      meta: 'key',
    },
  },
  {
    // 科技顾问 module: plans, evaluations and the certificate register. New tables only, so
    // there is no data to transform.
    version: 2,
    stores: {
      advisorPlans: 'id, advisorId, startYear',
      advisorEvaluations: 'id, advisorId, year',
      appointmentCertificates: 'id, advisorId, number, issuedOn',
    },
  },
  {
    // 数据交换 (issue 4): local sync bookkeeping. fieldClocks is rebuilt from the oplog so that
    // records written before sync merge by last-writer-wins with their real clocks instead of
    // losing every field to the first imported op (DESIGN §Sync).
    version: 3,
    stores: {
      fieldClocks: '[table+id]',
      conflicts: 'key, [table+id], resolvedAt',
      appliedBundles: 'bundleId, nodeId, appliedAt',
    },
    upgrade: rebuildFieldClocks,
  },
  {
    // Every tracked write adds an oplog entry, and each index is one more B-tree write. No query
    // uses the single `table` or `id` indexes ([table+id] serves both the sync slice and any
    // per-table scan), so they go.
    version: 4,
    stores: { oplog: 'opId, [table+id], operator, at' },
  },
  {
    // 科技特派员 module (issue 12): 派出单位, outcomes, subsidies, change requests and quarterly
    // reports; the service log gets compound indexes so one commissioner-year, enterprise-year
    // or agreement is an index range (the log screen pages; compliance never scans the table).
    version: 11,
    stores: {
      dispatchUnits: 'id, name',
      serviceLogs: 'id, date, [commissionerId+date], [enterpriseId+date], [agreementId+date]',
      cooperationAgreements: 'id, enterpriseId, commissionerId, teamId, status',
      commissionerAssessments: 'id, commissionerId, teamId, year',
      commissionerOutcomes: 'id, agreementId, enterpriseId, kind',
      commissionerSubsidies: 'id, agreementId, year',
      commissionerChangeRequests: 'id, agreementId, requestDate',
      commissionerQuarterlyReports: 'id, agreementId, [year+quarter]',
    },
    upgrade: commissionerRecordsV11,
  },
  // Append new versions here. Never edit or reorder the ones above once released.
];

/**
 * v11 upgrade, deterministic so every node computes the same values without change tracking:
 * - agreements without a status: 生效 when the service period is filled in, else 草拟;
 * - service logs without an enterpriseId take their agreement's, so the [enterpriseId+date]
 *   index finds them. Nothing else changes: a log whose days no longer fit (e.g. 3 days on one
 *   date) stays as stored and the form asks for a correction when it is next edited.
 */
async function commissionerRecordsV11(tx: Transaction): Promise<void> {
  const enterpriseOf = new Map<string, string>();
  await tx
    .table('cooperationAgreements')
    .toCollection()
    .modify((a: { id: string; enterpriseId?: string; status?: string; startDate?: string; endDate?: string }) => {
      if (a.enterpriseId) enterpriseOf.set(a.id, a.enterpriseId);
      if (!a.status) a.status = a.startDate && a.endDate ? '生效' : '草拟';
    });
  await tx
    .table('serviceLogs')
    .toCollection()
    .modify((l: { agreementId?: string | null; enterpriseId?: string }) => {
      if (!l.enterpriseId && l.agreementId && enterpriseOf.has(l.agreementId)) l.enterpriseId = enterpriseOf.get(l.agreementId);
    });
}

/**
 * v3 upgrade: fieldClocks of every record from its oplog history (per field, the largest opId
 * that wrote it — what shared/sync advanceClocks computes op by op). Walks the oplog in
 * opId order with a cursor so memory is one entry per record, not per op.
 */
async function rebuildFieldClocks(tx: Transaction): Promise<void> {
  const clocks = new Map<string, { table: string; id: string; clocks: Record<string, string> }>();
  await tx
    .table('oplog')
    .orderBy(':id')
    .each((op: { opId: string; table: string; id: string; fields: Record<string, unknown>; unset?: string[]; deleted: boolean }) => {
      const key = `${op.table}\u0000${op.id}`;
      let row = clocks.get(key);
      if (!row) clocks.set(key, (row = { table: op.table, id: op.id, clocks: {} }));
      const written = op.deleted ? ['deletedAt'] : [...Object.keys(op.fields), ...(op.unset ?? [])];
      for (const f of written) row.clocks[f] = op.opId; // opId order: the last write wins
    });
  if (clocks.size > 0) await tx.table('fieldClocks').bulkPut([...clocks.values()]);
}

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1].version;

/** The stores all versions add up to (what an up-to-date database has). */
export function cumulativeStores(versions: readonly SchemaVersion[] = schemaVersions): Record<string, string> {
  const stores: Record<string, string | null> = {};
  for (const v of versions) Object.assign(stores, v.stores);
  return Object.fromEntries(Object.entries(stores).filter((entry): entry is [string, string] => entry[1] !== null));
}
