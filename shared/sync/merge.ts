/**
 * THE merge (DESIGN §Sync import; issue 4 "pure core … used by external checks too"): a pure
 * function from a state and a batch of ops to a new state, a summary and the list of changes.
 * The Dexie applier must reach exactly the same result (it can call this very function on the
 * slice of the database the ops touch — see index.ts).
 *
 * Rules
 * - An op whose opId was already applied is skipped (import twice = no change).
 * - Each FIELD is last-writer-wins by opId: plain string order of `wall-counter-nodeId` is HLC
 *   order with the nodeId as tie-breaker (hlc.ts). Max is commutative, associative and
 *   idempotent, so records do not depend on the order ops arrive in.
 * - A delete is the tombstone field `deletedAt`, merged like any field; a hard `deleted: true` op
 *   writes `deletedAt = op.at` (DESIGN §Sync: "Deletes are tombstones, never inferred").
 * - Conflicts. For a field f, `op.prev[f]` points at the op whose value the author overwrote
 *   (absent = "never set before", a root). Following prev links gives each op's ANCESTRY: the
 *   chain of values its author had seen overwritten, back to a root. Two ops on the same
 *   (table, id, field) are CONCURRENT when neither is in the other's ancestry. Their chains then
 *   fork at one point: two ops with the SAME prev on that field (siblings). Siblings are always
 *   concurrent (had one author seen the other op, its clock for f would have been past the
 *   shared prev — LWW only moves forward and an op sorts after its prev), so:
 *     a Conflict is reported for every pair of sibling ops on a field.
 *   This is exactly the fork of every concurrent pair, never a sequential pair, and it depends
 *   only on the two ops — not on arrival order nor on ops in between that may not have arrived
 *   yet — so the set of conflicts is order-independent and each is reported once, when the
 *   second sibling is applied. Ops without `prev` (oplog from before sync) take no part.
 *   createdAt/updatedAt are never reported (app-maintained; every edit touches updatedAt).
 *   A pair whose values are equal (for deletedAt: both deleted, or both live) is still reported,
 *   with `sameValue: true`, so the fork stays visible; the UI need not ask about it.
 */
import type { LedgerTableName } from '../domain/ledgerTables';
import { jsonEqual } from './json';
import { fieldWrites, type FieldWrite, type SyncOp } from './op';
import { TOMBSTONE_FIELD, UNREPORTED_CONFLICT_FIELDS } from './tables';

/** A ledger record as stored: `id` plus JSON fields. */
export type LedgerRow = { id: string } & Record<string, unknown>;
/** For each field of one record: the opId of the value it holds (also for a removed field). */
export type FieldClocks = Record<string, string>;

/**
 * Everything the merge reads. Maps keyed by table, then by record id. Treated as immutable:
 * applyOps copies what it changes (copy-on-write) and shares the rest.
 */
export interface MergeState {
  records: ReadonlyMap<LedgerTableName, ReadonlyMap<string, LedgerRow>>;
  clocks: ReadonlyMap<LedgerTableName, ReadonlyMap<string, FieldClocks>>;
  /** Applied ops per record (the oplog grouped by [table+id]); conflict detection reads it. */
  history: ReadonlyMap<LedgerTableName, ReadonlyMap<string, readonly SyncOp[]>>;
  appliedOpIds: ReadonlySet<string>;
}

export interface ConflictSide {
  opId: string;
  nodeId: string;
  operator: string;
  at: string;
  /** The value this op wrote; undefined when it removed the field. */
  value: unknown;
  unset: boolean;
}

export interface Conflict {
  /** `table|id|field|winnerOpId|loserOpId` — the same on every node, whatever the order. */
  key: string;
  table: LedgerTableName;
  id: string;
  field: string;
  /** The sibling with the larger opId (kept by LWW at the fork; a later edit may follow). */
  winner: ConflictSide;
  loser: ConflictSide;
  /** Both wrote the same value (nothing was lost); shown without asking. */
  sameValue: boolean;
}

export interface TableSummary {
  added: number;
  changed: number;
  deleted: number;
}

/** One side of a delete/edit clash: who did it, when. */
export interface OpAuthor {
  opId: string;
  nodeId: string;
  operator: string;
  at: string;
}

/**
 * A record that stays deleted although another machine edited it without having seen the
 * delete (issue 10 "已删除的记录在对方有修改"): the edit is kept inside the tombstone — by LWW, as
 * designed — and the clerk is told, so it can be restored.
 */
export interface DeletedWithEdits {
  table: LedgerTableName;
  id: string;
  deletedBy: OpAuthor;
  /** The concurrent edits, oldest first, with the fields each wrote. */
  edits: (OpAuthor & { fields: string[] })[];
}

export interface MergeSummary {
  perTable: Partial<Record<LedgerTableName, TableSummary>>;
  /** Ops applied now. */
  applied: number;
  /** Ops skipped because they were already applied (or repeated in the batch). */
  skipped: number;
  /** New conflicts, sorted by key. */
  conflicts: Conflict[];
  /** Conflicts (sameValue false) in which an edit of `localNodeId` lost. */
  lostLocalEdits: number;
  /** Largest applied opId: pass it to the HLC `receive` so later local edits sort after. */
  maxOpId: string | null;
  /** Records deleted on one side and edited on the other, concurrently; still deleted. */
  deletedWithEdits: DeletedWithEdits[];
}

export interface RecordChange {
  table: LedgerTableName;
  id: string;
  record: LedgerRow;
  clocks: FieldClocks;
}

export interface MergeResult {
  state: MergeState;
  summary: MergeSummary;
  /** What to write back: every record touched (new value and clocks), and the applied ops in opId order. */
  changes: { records: RecordChange[]; appliedOps: SyncOp[] };
}

export interface ApplyOptions {
  /** This machine; only used to count `lostLocalEdits`. */
  localNodeId?: string;
  /**
   * What the sender of the batch held when it wrote it (the bundle manifest's vector): tells a
   * delete whose author had not seen an edit already here (deleteEditClash).
   */
  senderVector?: Readonly<Record<string, string>>;
}

export function emptyMergeState(): MergeState {
  return { records: new Map(), clocks: new Map(), history: new Map(), appliedOpIds: new Set() };
}

const isLive = (row: LedgerRow | undefined) => row !== undefined && (row[TOMBSTONE_FIELD] === undefined || row[TOMBSTONE_FIELD] === null);
const isTombstoneValue = (v: unknown) => v !== undefined && v !== null;

export function conflictKey(table: string, id: string, field: string, winnerOpId: string, loserOpId: string): string {
  return `${table}|${id}|${field}|${winnerOpId}|${loserOpId}`;
}

interface Slot {
  table: LedgerTableName;
  id: string;
  before: LedgerRow | undefined;
  row: LedgerRow;
  clocks: FieldClocks;
  history: SyncOp[];
  /** field → earlier writes of it, built on first use from history. */
  writes: Map<string, { op: SyncOp; write: FieldWrite }[]> | null;
}

function writesOf(slot: Slot, field: string): { op: SyncOp; write: FieldWrite }[] {
  if (!slot.writes) {
    slot.writes = new Map();
    for (const op of slot.history) for (const write of fieldWrites(op)) pushWrite(slot.writes, op, write);
  }
  return slot.writes.get(field) ?? [];
}

function pushWrite(index: Map<string, { op: SyncOp; write: FieldWrite }[]>, op: SyncOp, write: FieldWrite): void {
  const list = index.get(write.field);
  if (list) list.push({ op, write });
  else index.set(write.field, [{ op, write }]);
}

const side = (op: SyncOp, w: FieldWrite): ConflictSide => ({ opId: op.opId, nodeId: op.nodeId, operator: op.operator, at: op.at, value: w.value, unset: w.unset });

function makeConflict(slot: Slot, a: SyncOp, aw: FieldWrite, b: SyncOp, bw: FieldWrite): Conflict {
  const [win, winW, lose, loseW] = a.opId > b.opId ? [a, aw, b, bw] : [b, bw, a, aw];
  const sameValue =
    aw.field === TOMBSTONE_FIELD ? isTombstoneValue(aw.value) === isTombstoneValue(bw.value) : aw.unset === bw.unset && jsonEqual(aw.value, bw.value);
  return {
    key: conflictKey(slot.table, slot.id, aw.field, win.opId, lose.opId),
    table: slot.table,
    id: slot.id,
    field: aw.field,
    winner: side(win, winW),
    loser: side(lose, loseW),
    sameValue,
  };
}

const author = (op: SyncOp): OpAuthor => ({ opId: op.opId, nodeId: op.nodeId, operator: op.operator, at: op.at });
const NOT_AN_EDIT: ReadonlySet<string> = new Set([...UNREPORTED_CONFLICT_FIELDS, TOMBSTONE_FIELD]);

/**
 * For a record that ends deleted: the edits that did not see its delete. An op carries no record
 * of what its author had seen beyond `prev`, so concurrency is told from what the import knows:
 *  - an edit arriving now, while the delete was already here: the delete's author lacked it
 *    (a bundle carries every op its receiver lacks, so it would have come with the delete);
 *  - an edit sorting after the delete: its author had not seen it (the UI edits live records
 *    only, and HLC puts whatever an author saw before its own ops);
 *  - an edit already here when the delete arrives, sorting BEFORE it (issue 10: the editing
 *    machine must be told too), when the delete's author provably lacked it:
 *      · the bundle's sender did not hold it (`senderVector` does not cover it) — whoever made the
 *        delete having seen the edit would have passed the edit on with the delete;
 *      · the delete overwrote an older value of a field the edit wrote (its `prev` for that field
 *        sorts before the edit, or is absent): having seen the edit, its clock would have been
 *        past it. The UI's delete writes deletedAt and updatedAt, and every edit writes
 *        updatedAt, so this holds after any exchange order.
 * An edit and a delete that arrive together with the edit sorting first are judged by the
 * delete's `prev` alone (the deleter may well have seen it).
 */
function deleteEditClash(slot: Slot, now: ReadonlySet<string>, senderVector?: Readonly<Record<string, string>>): DeletedWithEdits | null {
  if (!isTombstoneValue(slot.row[TOMBSTONE_FIELD])) return null;
  const deleteOpId = slot.clocks[TOMBSTONE_FIELD];
  const deleteOp = deleteOpId === undefined ? undefined : slot.history.find((op) => op.opId === deleteOpId);
  if (!deleteOp) return null;
  const deleteIsNew = now.has(deleteOp.opId);
  const deleteWrites = new Set(fieldWrites(deleteOp).map((w) => w.field));
  const deleterLacked = (op: SyncOp, editIsNew: boolean): boolean => {
    if (!editIsNew && senderVector !== undefined) {
      const held = Object.prototype.hasOwnProperty.call(senderVector, op.nodeId) ? senderVector[op.nodeId] : undefined;
      if (held === undefined || held < op.opId) return true;
    }
    if (deleteOp.prev === undefined) return false; // a legacy op: nothing known
    return fieldWrites(op).some((w) => {
      if (!deleteWrites.has(w.field)) return false;
      const overwritten = Object.prototype.hasOwnProperty.call(deleteOp.prev, w.field) ? deleteOp.prev?.[w.field] : undefined;
      return overwritten === undefined || overwritten < op.opId;
    });
  };
  const edits: (OpAuthor & { fields: string[] })[] = [];
  for (const op of slot.history) {
    if (op.deleted || op.nodeId === deleteOp.nodeId) continue; // its author saw its own delete
    const fields = fieldWrites(op).map((w) => w.field).filter((f) => !NOT_AN_EDIT.has(f));
    if (fields.length === 0) continue;
    const editIsNew = now.has(op.opId);
    if (!editIsNew && !deleteIsNew) continue; // told at an earlier import
    // The delete is in the record's history but not applied now: it was here before the edit came.
    // (Not `appliedOpIds`: a caller may pass only the bundle's own ops there — slice.ts does.)
    const concurrent = (editIsNew && !deleteIsNew) || op.opId > deleteOp.opId || deleterLacked(op, editIsNew);
    if (concurrent) edits.push({ ...author(op), fields });
  }
  return edits.length > 0 ? { table: slot.table, id: slot.id, deletedBy: author(deleteOp), edits } : null;
}

/**
 * Apply `ops` (any order, duplicates allowed) to `state`. Reads `state` only for the (table, id)
 * pairs the ops name and `appliedOpIds` only for their opIds, so a caller may pass a state that
 * holds just that slice. Ops must have passed syncOpSchema/validateOpFields (readBundle does).
 */
export function applyOps(state: MergeState, ops: readonly SyncOp[], options: ApplyOptions = {}): MergeResult {
  // opId order: deterministic output, and within a batch every op sees what sorts before it.
  const sorted = [...ops].sort((x, y) => (x.opId < y.opId ? -1 : x.opId > y.opId ? 1 : 0));
  const applied = new Set<string>();
  const slots = new Map<string, Slot>();
  const appliedOps: SyncOp[] = [];
  const conflicts: Conflict[] = [];
  let skipped = 0;

  for (const op of sorted) {
    if (state.appliedOpIds.has(op.opId) || applied.has(op.opId)) {
      skipped++;
      continue;
    }
    applied.add(op.opId);
    appliedOps.push(op);
    const slotKey = `${op.table}|${op.id}`;
    let slot = slots.get(slotKey);
    if (!slot) {
      const before = state.records.get(op.table)?.get(op.id);
      slot = {
        table: op.table,
        id: op.id,
        before,
        row: before ? { ...before } : { id: op.id },
        clocks: { ...(state.clocks.get(op.table)?.get(op.id) ?? {}) },
        history: [...(state.history.get(op.table)?.get(op.id) ?? [])],
        writes: null,
      };
      slots.set(slotKey, slot);
    }
    for (const w of fieldWrites(op)) {
      if (w.prev !== undefined && !UNREPORTED_CONFLICT_FIELDS.has(w.field)) {
        for (const earlier of writesOf(slot, w.field)) {
          if (earlier.write.prev !== undefined && earlier.write.prev === w.prev) conflicts.push(makeConflict(slot, earlier.op, earlier.write, op, w));
        }
      }
      const current = slot.clocks[w.field];
      if (current === undefined || op.opId > current) {
        slot.clocks[w.field] = op.opId;
        if (w.unset) delete slot.row[w.field];
        else slot.row[w.field] = w.value;
      }
      if (slot.writes) pushWrite(slot.writes, op, w);
    }
    slot.history.push(op);
  }

  if (appliedOps.length === 0) {
    return { state, summary: { perTable: {}, applied: 0, skipped, conflicts: [], lostLocalEdits: 0, maxOpId: null, deletedWithEdits: [] }, changes: { records: [], appliedOps: [] } };
  }

  const records = new Map(state.records) as Map<LedgerTableName, ReadonlyMap<string, LedgerRow>>;
  const clocks = new Map(state.clocks) as Map<LedgerTableName, ReadonlyMap<string, FieldClocks>>;
  const history = new Map(state.history) as Map<LedgerTableName, ReadonlyMap<string, readonly SyncOp[]>>;
  const copied = new Set<LedgerTableName>();
  const perTable: Partial<Record<LedgerTableName, TableSummary>> = {};
  const changed: RecordChange[] = [];
  const deletedWithEdits: DeletedWithEdits[] = [];
  for (const slot of slots.values()) {
    const clash = deleteEditClash(slot, applied, options.senderVector);
    if (clash) deletedWithEdits.push(clash);
    const t = slot.table;
    if (!copied.has(t)) {
      copied.add(t);
      records.set(t, new Map(records.get(t) ?? []));
      clocks.set(t, new Map(clocks.get(t) ?? []));
      history.set(t, new Map(history.get(t) ?? []));
    }
    (records.get(t) as Map<string, LedgerRow>).set(slot.id, slot.row);
    (clocks.get(t) as Map<string, FieldClocks>).set(slot.id, slot.clocks);
    (history.get(t) as Map<string, readonly SyncOp[]>).set(slot.id, slot.history);
    changed.push({ table: t, id: slot.id, record: slot.row, clocks: slot.clocks });
    const counts = (perTable[t] ??= { added: 0, changed: 0, deleted: 0 });
    const wasLive = isLive(slot.before);
    const nowLive = isLive(slot.row);
    if (!slot.before) counts.added += nowLive ? 1 : 0;
    else if (wasLive && !nowLive) counts.deleted++;
    else if (nowLive && !jsonEqual(slot.before, slot.row)) counts.changed++;
  }
  const appliedOpIds = new Set(state.appliedOpIds);
  for (const id of applied) appliedOpIds.add(id);
  conflicts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const lostLocalEdits = options.localNodeId ? conflicts.filter((c) => !c.sameValue && c.loser.nodeId === options.localNodeId).length : 0;
  return {
    state: { records, clocks, history, appliedOpIds },
    summary: { perTable, applied: appliedOps.length, skipped, conflicts, lostLocalEdits, maxOpId: appliedOps[appliedOps.length - 1].opId, deletedWithEdits },
    changes: { records: changed, appliedOps },
  };
}
