import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import { ledgerTableNames, type LedgerRecord, type LedgerTableName } from '../../../shared/domain/ledgerTables';
import { metaKeys, type MetaEntry } from './oplog';
import { OpLog } from './opChunks';
import { schemaVersions, type SchemaVersion } from './schema';
import { createLedgerKeysMiddleware, KeyChangeHub } from './ledgerKeys';
import { createServiceLogFactsMiddleware } from './serviceLogFacts';
import { createAdvisorDigestsMiddleware } from './advisorDigests';
import { createServiceYearSummariesMiddleware } from './serviceYearSummaries';
import { createAttachmentCountsMiddleware, type AttachmentCountRow } from './attachments/counts';
import { createCertificateNumbersMiddleware } from './certificateNumbers';
import type { AppliedBundleRow, ConflictRow, PendingRecordRow } from './sync/types';
import type { AttachmentBlobRow } from './attachments/blobs';
import { ChangeTracker, createChangeTrackingMiddleware, getCurrentOperator, setCurrentOperator } from './tracking';

export const DATABASE_NAME = 'sciledger';

export type LedgerTables = { [T in LedgerTableName]: EntityTable<LedgerRecord<T>, 'id'> };

export interface SciLedgerDbOptions extends Omit<DexieOptions, 'chromeTransactionDurability'> {
  /** Machine clock for the HLC; tests replace it to simulate wrong office clocks. */
  now?: () => number;
  /**
   * Versions to declare, default all of schema.ts. Migration tests open with a prefix
   * (`schemaVersions.slice(0, n)`) to write data of the old shape, then reopen with all.
   */
  versions?: readonly SchemaVersion[];
}

/**
 * The `sciledger` IndexedDB database (DESIGN §Data). Ledger tables are typed properties
 * (`db.advisors`, …) and change-tracked; `oplog`, `meta` and the sync tables are local.
 */
// Declaration merging gives the class one typed property per ledger table without listing them.
export interface SciLedgerDb extends LedgerTables {}
export class SciLedgerDb extends Dexie {
  /**
   * The change log (DESIGN §Data), stored in chunks since schema v14 (opChunks.ts): count, all
   * ops, per-record history, ops since a vector, the newest ops. Defined before Dexie declares
   * the stores, so it is never replaced by a Table (an old-version database has an `oplog` store).
   */
  readonly oplog: OpLog = new OpLog(this);
  declare meta: Table<MetaEntry, string>;
  /** Sync bookkeeping (schema v3, DESIGN §Sync; renderer/src/db/sync): local, never synced. */
  declare conflicts: Table<ConflictRow, string>;
  declare appliedBundles: Table<AppliedBundleRow, string>;
  /** 待补全: imported records that fail their schema until the missing ops arrive (schema v7). */
  declare pendingRecords: Table<PendingRecordRow, [string, string]>;
  readonly tracker: ChangeTracker;
  /** Committed changes of derived ledger keys (paged ledgers on screen listen). */
  readonly keyChanges = new KeyChangeHub();
  /** 附件 bytes by SHA-256 (schema v10, renderer/src/db/attachments): local, never a synced table. */
  declare attachmentBlobs: Table<AttachmentBlobRow, string>;
  /** Live attachments per record (schema v17, attachments/counts.ts): derived, local. */
  declare attachmentCounts: Table<AttachmentCountRow, [string, string]>;

  constructor(name: string = DATABASE_NAME, options: SciLedgerDbOptions = {}) {
    const { now, versions = schemaVersions, ...dexieOptions } = options;
    // Office PCs lose power: a committed write must be on disk, not in the OS cache (DESIGN §Data).
    super(name, { ...dexieOptions, chromeTransactionDurability: 'strict' });
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    this.tracker = new ChangeTracker(now);
    // Registered BEFORE change tracking, so it sits below it: it adds each keyed record's ledger
    // key to the row as stored (ledgerKeys.ts), after the tracker has diffed and logged the
    // record without it; the tracker hides the key from every read, as it hides the clocks.
    this.use(createLedgerKeysMiddleware(this.keyChanges));
    this.use(createChangeTrackingMiddleware(this.tracker, new Set<string>(ledgerTableNames)));
    // Likewise above the tracker: service-log facts are local and derived, never logged.
    this.use(createServiceLogFactsMiddleware());
    // Above the facts: a log write's facts are on file when its agreement's summaries are recomputed.
    this.use(createServiceYearSummariesMiddleware());
    // And the advisors' digests (roster 提醒 and year figures), local and derived too.
    this.use(createAdvisorDigestsMiddleware());
    // Likewise: 附件 counts per record are local and derived (有/无附件 filters).
    this.use(createAttachmentCountsMiddleware());
    // And the 聘书 numbers ever recorded, local and derived (issuing reads a year's numbers as keys).
    this.use(createCertificateNumbersMiddleware());
    // Sticky: runs on every open, including a reopen after close().
    this.on('ready', (vipDb) => startTracking(vipDb as SciLedgerDb, this.tracker), true);
    this.on('close', () => this.tracker.stop());
  }

  /** 操作员 recorded in the oplog from now on (not persisted; see meta.ts setOperatorName). */
  setCurrentOperator(name: string | null | undefined): void {
    setCurrentOperator(name);
  }

  get currentOperator(): string {
    return getCurrentOperator();
  }

  ledger<T extends LedgerTableName>(table: T): EntityTable<LedgerRecord<T>, 'id'> {
    return this.table(table) as unknown as EntityTable<LedgerRecord<T>, 'id'>;
  }
}

/**
 * The nodeId is created once per installation (DESIGN §Sync: ops carry it; bundles live under
 * outbox/<nodeId>/) and the clock resumes after the newest op, so op ids keep increasing across
 * restarts even if the machine clock was set back while the app was closed.
 */
async function startTracking(db: SciLedgerDb, tracker: ChangeTracker): Promise<void> {
  await db.transaction('rw', [db.meta.name, ...db.oplog.storeNames], async () => {
    let nodeId = (await db.meta.get(metaKeys.nodeId))?.value as string | undefined;
    if (!nodeId) {
      nodeId = crypto.randomUUID();
      await db.meta.put({ key: metaKeys.nodeId, value: nodeId });
    }
    const operator = (await db.meta.get(metaKeys.operatorName))?.value as string | undefined;
    if (operator) setCurrentOperator(operator);
    tracker.start(nodeId, await db.oplog.lastOpId());
  });
}

/** A database object (opens lazily on first use). Tests pass a fresh name per test. */
export function createSciLedgerDb(name: string = DATABASE_NAME, options?: SciLedgerDbOptions): SciLedgerDb {
  return new SciLedgerDb(name, options);
}

/** Opens the database (creating or upgrading it) and starts change tracking. */
export async function openSciLedgerDb(name: string = DATABASE_NAME, options?: SciLedgerDbOptions): Promise<SciLedgerDb> {
  const db = new SciLedgerDb(name, options);
  await db.open();
  return db;
}
