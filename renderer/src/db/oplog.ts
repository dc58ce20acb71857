import type { SyncOp } from '../../../shared/sync/op';

/**
 * One change to one ledger record (DESIGN §Data: `{opId, nodeId, table, id, fields, deleted}`),
 * written by the change-tracking middleware in the same transaction as the change itself.
 * This local table is what 数据交换 exports and what 操作记录 shows. It is exactly the sync op
 * (shared/sync/op.ts): local and imported ops share one table and one shape. `prev` is absent on
 * entries written before schema v3.
 */
export type OplogEntry = SyncOp;

/** Local key-value table: per-installation facts that are never synced. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export const metaKeys = {
  nodeId: 'nodeId',
  operatorName: 'operatorName',
  /** This machine's name in bundles and sync messages (数据交换). */
  nodeName: 'nodeName',
} as const;

/** Default operator name until the clerk sets one in 设置. */
export const DEFAULT_OPERATOR = '未设置';

/** Structural equality for structured-cloneable values (what IndexedDB stores). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.every((v, i) => v === y[i]);
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && deepEqual(ao[k], bo[k]));
}

export interface RecordDiff {
  fields: Record<string, unknown>;
  unset: string[];
}

/**
 * Top-level field diff, the unit of per-field last-writer-wins in DESIGN §Sync. A field whose
 * value is `undefined` counts as absent (IndexedDB would store it, JSON would drop it).
 * `before === undefined` means an insert: every field is "changed".
 */
export function diffRecords(before: Record<string, unknown> | undefined, after: Record<string, unknown>, primaryKey: string): RecordDiff {
  const fields: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [k, v] of Object.entries(after)) {
    if (k === primaryKey || v === undefined) continue;
    if (!before || !deepEqual(before[k], v)) fields[k] = v;
  }
  if (before) {
    for (const [k, v] of Object.entries(before)) {
      if (k !== primaryKey && v !== undefined && after[k] === undefined) unset.push(k);
    }
  }
  return { fields, unset };
}
