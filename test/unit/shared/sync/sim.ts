/**
 * A simulated office PC for sync tests: a merge state, its own HLC with a skewed wall clock, and
 * for every op it authors the set of opIds it had applied at that moment (the true causal past,
 * used as the oracle for conflicts).
 */
import { encodeHlc, initialHlcState, receive, tick, type HlcState } from '../../../../shared/sync/hlc';
import {
  applyOps,
  emptyMergeState,
  localOpFromChange,
  readBundle,
  vectorOf,
  writeBundle,
  opsToSend,
  type Conflict,
  type LedgerRow,
  type MergeState,
  type SyncOp,
  type Vector,
} from '../../../../shared/sync';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { needsHistory } from '../../../../shared/sync/historyNeed';
import type { MergeResult } from '../../../../shared/sync';

export const SCHEMA_VERSION = 2;
export const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);

export class SimNode {
  state: MergeState = emptyMergeState();
  clock: HlcState = initialHlcState;
  /** Every conflict this node was told about, by key. */
  conflicts = new Map<string, Conflict>();
  /** What this node believes each peer holds (learned from their manifests). */
  peerVectors = new Map<string, Vector>();
  private bundleSeq = 0;
  /** Test switch: import without the base check (what the app did before issue 10). */
  lenient = false;

  constructor(
    readonly nodeId: string,
    readonly skewMs = 0,
    /** opId → opIds its author had applied when writing it (shared by all nodes of a test). */
    readonly causalPast = new Map<string, ReadonlySet<string>>(),
  ) {}

  record(table: LedgerTableName, id: string): LedgerRow | undefined {
    return this.state.records.get(table)?.get(id);
  }

  ops(): SyncOp[] {
    const all: SyncOp[] = [];
    for (const byId of this.state.history.values()) for (const list of byId.values()) all.push(...list);
    return all.sort((a, b) => (a.opId < b.opId ? -1 : 1));
  }

  /** A local write: `change` maps the current record (or undefined) to the new one (undefined = hard delete). */
  write(table: LedgerTableName, id: string, now: number, change: (before: LedgerRow | undefined, at: string) => Record<string, unknown> | undefined): SyncOp | null {
    this.clock = tick(this.clock, Math.max(0, now + this.skewMs));
    const opId = encodeHlc(this.clock, this.nodeId);
    const at = new Date(Math.max(0, now + this.skewMs)).toISOString();
    const before = this.record(table, id);
    const after = change(before, at);
    const op = localOpFromChange({ table, id, before, after, clocks: this.state.clocks.get(table)?.get(id), opId, nodeId: this.nodeId, operator: `op-${this.nodeId}`, at });
    if (!op) return null;
    this.causalPast.set(op.opId, new Set(this.state.appliedOpIds));
    const r = applyOps(this.state, [op], { localNodeId: this.nodeId });
    if (r.summary.conflicts.length > 0) throw new Error('a local op must never be the second of a sibling pair');
    this.state = r.state;
    return op;
  }

  /** Bundle for `receiver` built from what we believe it holds (possibly stale: only larger). */
  exportFor(receiver: string | null, now: number): Uint8Array {
    const vector = receiver ? (this.peerVectors.get(receiver) ?? {}) : {};
    const all = this.ops();
    this.bundleSeq++;
    const bundleId = `00000000-0000-4000-8000-${this.nodeId.replace(/[^0-9a-f]/g, '').padStart(6, '0').slice(-6)}${String(this.bundleSeq).padStart(6, '0')}`;
    return writeBundle({
      ops: opsToSend(all, vector),
      nodeId: this.nodeId,
      nodeName: `PC ${this.nodeId}`,
      schemaVersion: SCHEMA_VERSION,
      bundleId,
      createdAt: new Date(now).toISOString(),
      vector: vectorOf(all),
      kind: receiver ? 'incremental' : 'full',
      ...(receiver ? { base: vector, target: { nodeId: receiver, nodeName: `PC ${receiver}` } } : {}),
    });
  }

  /**
   * Read, verify and merge a bundle; asserts that importing it a second time changes nothing.
   * Like the app, an update made for a machine holding more than this one is refused (issue 10).
   */
  importBundle(bytes: Uint8Array, now: number): void {
    const { manifest, ops } = readBundle(bytes, { currentSchemaVersion: SCHEMA_VERSION, localNodeId: this.nodeId, localVector: this.lenient ? undefined : vectorOf(this.ops()) });
    const r = applyOps(this.state, ops, { localNodeId: this.nodeId });
    expectSameWithoutSparedHistory(this.state, ops, r, this.nodeId);
    const again = applyOps(r.state, ops, { localNodeId: this.nodeId });
    if (again.state !== r.state || again.summary.applied !== 0 || again.summary.conflicts.length !== 0) throw new Error('import twice changed something');
    this.state = r.state;
    for (const c of r.summary.conflicts) {
      if (this.conflicts.has(c.key)) throw new Error(`conflict ${c.key} reported twice`);
      this.conflicts.set(c.key, c);
    }
    if (r.summary.maxOpId) this.clock = receive(this.clock, r.summary.maxOpId, Math.max(0, now + this.skewMs)).state;
    this.peerVectors.set(manifest.nodeId, manifest.vector);
  }
}

/** Records of a state as a plain sorted object, for equality across nodes. */
export function snapshot(state: MergeState): Record<string, Record<string, LedgerRow>> {
  const out: Record<string, Record<string, LedgerRow>> = {};
  for (const [table, byId] of [...state.records].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out[table] = Object.fromEntries([...byId].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return out;
}

/**
 * The Dexie applier reads a record's history only when historyNeed.ts says the merge needs it
 * (slice.ts). Checked on every simulated import: the merge given only those histories — and,
 * like the applier, only the applied opIds found in them — must do exactly what it does with all.
 */
function expectSameWithoutSparedHistory(state: MergeState, ops: readonly SyncOp[], full: MergeResult, localNodeId: string): void {
  const byRecord = new Map<string, SyncOp[]>();
  for (const op of ops) byRecord.set(`${op.table}|${op.id}`, [...(byRecord.get(`${op.table}|${op.id}`) ?? []), op]);
  const history = new Map<LedgerTableName, Map<string, readonly SyncOp[]>>();
  const applied = new Set<string>();
  for (const [key, list] of byRecord) {
    const [table, id] = key.split('|') as [LedgerTableName, string];
    if (!needsHistory(state.records.get(table)?.get(id), state.clocks.get(table)?.get(id), list)) continue;
    const past = state.history.get(table)?.get(id) ?? [];
    if (!history.has(table)) history.set(table, new Map());
    history.get(table)?.set(id, past);
    for (const op of past) applied.add(op.opId);
  }
  const spared = applyOps({ ...state, history, appliedOpIds: new Set(ops.map((o) => o.opId).filter((o) => applied.has(o))) }, ops, { localNodeId });
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const view = (r: MergeResult) => ({ changes: r.changes, summary: r.summary });
  if (!same(view(spared), view(full))) throw new Error(`the merge without the spared histories differs:\n${JSON.stringify(view(spared))}\n${JSON.stringify(view(full))}`);
}
