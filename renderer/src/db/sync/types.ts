/**
 * Types of the Dexie side of 数据交换 (DESIGN §Sync, issue 4). The pure merge and bundle types
 * come from shared/sync; these add what the local database stores and what the UI is shown.
 */
import type { BundleManifest, Conflict, ConflictSide } from '../../../../shared/sync';
import type { DeletedRecordEdit } from './deletedEdits';

/** A conflict as stored in the local `conflicts` table (by Conflict.key). */
export interface ConflictRow extends Conflict {
  /** When this machine recorded it (ISO). */
  foundAt: string;
  resolvedAt?: string;
  /** mine = kept this machine's value, theirs = the other machine's, edited = a new value. */
  /** superseded: a later edit from another machine, made after seeing this value, arrived. */
  /** elsewhere: another machine resolved this conflict and its choice arrived (issue 10). */
  resolution?: 'mine' | 'theirs' | 'edited' | 'superseded' | 'elsewhere';
}

/** A side of a conflict with whether this machine wrote it (UI: 保留本机 / 采用对方). */
export type StoredConflictSide = ConflictSide & { isLocal: boolean };

/** What listConflicts returns: the stored conflict with `isLocal` on both sides. */
export type StoredConflict = Conflict & {
  winner: StoredConflictSide;
  loser: StoredConflictSide;
  foundAt: string;
  resolvedAt?: string;
  /** superseded: a later edit from another machine, made after seeing this value, arrived. */
  /** elsewhere: another machine resolved this conflict and its choice arrived (issue 10). */
  resolution?: 'mine' | 'theirs' | 'edited' | 'superseded' | 'elsewhere';
};

/**
 * A record an import built that fails its table's schema (issue 10: an update whose create has
 * not arrived). Never in the ledger table, so never shown as live; 数据交换 counts it as 待补全.
 */
export interface PendingRecordRow {
  table: string;
  id: string;
  record: Record<string, unknown>;
  /** Its field clocks (per field, the opId of the value it holds). */
  clocks?: Record<string, string>;
  /** The first schema problem, in Chinese (for the 待补全 list). */
  problem: string;
}

/** A bundle already imported here (importing it again changes nothing). */
export interface AppliedBundleRow {
  bundleId: string;
  nodeId: string;
  nodeName: string;
  kind: 'incremental' | 'full';
  createdAt: string;
  appliedAt: string;
  opCount: number;
  applied: number;
  skipped: number;
  /** What the sender held when it wrote the bundle: lets 导出 for that machine send only what it lacks. */
  vector?: Record<string, string>;
}

export interface TableCounts {
  added: number;
  changed: number;
  deleted: number;
}

export interface ImportPreview {
  manifest: BundleManifest;
  opCount: number;
  /** Ops this machine does not have yet. */
  newOps: number;
  /** The bundleId is recorded as applied: importing changes nothing. */
  alreadyApplied: boolean;
  perTable: Record<string, TableCounts>;
  /** Per table: records the import would delete ÷ live records of that table now. */
  deleteShares: Record<string, number>;
  /** Some table would lose more than deleteShareLimit of its live records. */
  needsDeleteConfirmation: boolean;
  /** New conflicts (same-value forks included). */
  conflicts: number;
  /** How far the bundle's newest op is ahead of this machine's clock (ms; negative = behind). */
  skewMs: number;
}

export interface ImportResult {
  bundleId: string;
  nodeName: string;
  applied: number;
  skipped: number;
  perTable: Record<string, TableCounts>;
  conflicts: number;
  /** Set when the newest op's clock is more than SKEW_WARNING_MS ahead of this machine. */
  skewWarning?: { nodeName: string; skewMs: number };
  alreadyApplied: boolean;
  /** Records this import left 待补全 (they fail their schema until missing ops arrive). */
  pending?: number;
  /** Records that were 待补全 and are now complete. */
  completed?: number;
  /** 已删除的记录在对方有修改: still deleted, the edit kept inside; the clerk may 恢复 them. */
  deletedWithEdits?: DeletedRecordEdit[];
  /** Attachment files this import stored (files already here are not rewritten). */
  filesStored?: number;
}

export interface ExportResult {
  bytes: Uint8Array;
  bundleId: string;
  /** e.g. SciLedger-南宁办公室-20261124-153000.sclb */
  fileName: string;
  opCount: number;
  /** Distinct records per table the bundle carries changes for (what the clerk is told it holds). */
  recordsPerTable: Record<string, number>;
  manifest: BundleManifest;
  /** Attachment files (files/<sha256>) this bundle carries. */
  fileCount: number;
  /** Set when the export was split (its files passed the size cap): this is part index of count. */
  part?: { index: number; count: number };
}

export interface ExportOptions {
  kind: 'incremental' | 'full';
  /** What the receiver holds (its getLocalVector / a manifest's vector); absent = everything. */
  receiverVector?: Record<string, string>;
  /** The machine an update is made for: named in the manifest and the file name (issue 10). */
  target?: { nodeId: string; nodeName: string };
  now?: Date;
  /** Largest bundle; an export whose attachment files pass it is split into parts (default 200 MB). */
  capBytes?: number;
}

export interface RestorePreview {
  manifest: BundleManifest;
  perTable: Record<string, TableCounts>;
  /** Attachment files the backup carries (restored when missing here). */
  files?: number;
  /** A later part of a split backup: it restores attachment files only, no record changes. */
  filesOnly?: boolean;
}

/** Every ledger table as plain JSON: rows sorted by id, keys sorted, undefined dropped. */
export type LedgerDump = Record<string, Record<string, unknown>[]>;
