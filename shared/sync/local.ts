/**
 * How a LOCAL write becomes a SyncOp, so the change-tracking middleware fills `prev` exactly the
 * way the merge expects (DESIGN §Data: one oplog entry per changed record, same transaction).
 *
 * The middleware, for each changed record, inside its transaction:
 *   const clocks = await fieldClocks.get([table, id])         // undefined if never written
 *   const op = localOpFromChange({ table, id, before, after, clocks, opId, nodeId, operator, at })
 *   if (op) { oplog.add(op); fieldClocks.put(advanceClocks(clocks, op)) }
 * A local op never needs conflict detection: its prev is the local winner of each field, and a
 * sibling of that prev already applied here would itself be the local winner (merge.ts).
 */
import type { LedgerTableName } from '../domain/ledgerTables';
import { jsonEqual } from './json';
import type { FieldClocks } from './merge';
import { fieldWrites, type SyncOp } from './op';
import { PRIMARY_KEY } from './tables';

export interface FieldDiff {
  fields: Record<string, unknown>;
  unset: string[];
}

/**
 * Top-level diff, the unit of per-field LWW (same semantics as renderer/src/db/oplog.ts
 * diffRecords): `undefined` counts as absent; `before === undefined` is an insert.
 */
export function diffFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): FieldDiff {
  const fields: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [k, v] of Object.entries(after)) {
    if (k === PRIMARY_KEY || v === undefined) continue;
    if (!before || !jsonEqual(before[k], v)) fields[k] = v;
  }
  if (before) {
    for (const [k, v] of Object.entries(before)) {
      if (k !== PRIMARY_KEY && v !== undefined && after[k] === undefined) unset.push(k);
    }
  }
  return { fields, unset };
}

export interface LocalChange {
  table: LedgerTableName;
  id: string;
  /** The record before the write; undefined for an insert. */
  before: Record<string, unknown> | undefined;
  /** The record after the write; undefined for a hard delete. */
  after: Record<string, unknown> | undefined;
  /** The record's field clocks before the write (fieldClocks table); undefined if none. */
  clocks: FieldClocks | undefined;
  /** From the node's HLC (ChangeTracker.nextOpId). */
  opId: string;
  nodeId: string;
  operator: string;
  at: string;
  /**
   * Fields written even when unchanged (a conflict resolution that keeps the current value must
   * still be an op that travels, issue 10): their value in `after`, or removed when absent.
   */
  force?: readonly string[];
}

/**
 * The op for one local change, with `prev[f] = clocks[f]` for every written field that has a
 * clock; null when nothing changed (an unchanged put logs nothing).
 */
export function localOpFromChange(change: LocalChange): SyncOp | null {
  const { table, id, before, after, clocks, opId, nodeId, operator, at } = change;
  let op: SyncOp;
  if (after === undefined) {
    if (before === undefined) return null;
    op = { opId, nodeId, table, id, fields: {}, deleted: true, operator, at };
  } else {
    const { fields, unset } = diffFields(before, after);
    for (const f of change.force ?? []) {
      if (f === PRIMARY_KEY || Object.prototype.hasOwnProperty.call(fields, f) || unset.includes(f)) continue;
      if (after[f] !== undefined) fields[f] = after[f];
      else unset.push(f);
    }
    if (Object.keys(fields).length === 0 && unset.length === 0) return null;
    op = { opId, nodeId, table, id, fields, deleted: false, operator, at };
    if (unset.length > 0) op.unset = unset;
  }
  const prev: Record<string, string> = {};
  for (const w of fieldWrites(op)) {
    const c = clocks?.[w.field];
    if (c !== undefined) prev[w.field] = c;
  }
  op.prev = prev;
  return op;
}

/** The record's clocks after applying `op` (LWW per field: a clock only moves forward). */
export function advanceClocks(clocks: FieldClocks | undefined, op: SyncOp): FieldClocks {
  const next: FieldClocks = { ...(clocks ?? {}) };
  for (const w of fieldWrites(op)) {
    const c = next[w.field];
    if (c === undefined || op.opId > c) next[w.field] = op.opId;
  }
  return next;
}
