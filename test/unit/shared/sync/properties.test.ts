/**
 * Property tests of issue 4: random edits on 3 nodes, bundles exchanged in random order,
 * duplicated and relayed — every node converges; importing twice changes nothing; every
 * concurrent same-field edit appears in conflicts, and no sequential one does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps, emptyMergeState, fieldWrites, type BundleError, type Conflict, type SyncOp } from '../../../../shared/sync';
import { ledgerTables } from '../../../../shared/domain/ledgerTables';
import { SimNode, T0, snapshot } from './sim';

const NODES = ['node-a', 'node-b', 'node-c'];
const RECORDS = ['3f0c1f6e-1d1a-4c1e-9a51-0c5a8b6f4a01', '3f0c1f6e-1d1a-4c1e-9a51-0c5a8b6f4a02', '3f0c1f6e-1d1a-4c1e-9a51-0c5a8b6f4a03'];
const NAMES = ['张三', '李四', '王五'];
const STATUSES = ['推荐', '评议', '已聘任'];
const NOTES = ['甲', '乙'];

type Action =
  | { kind: 'edit'; node: number; rec: number; field: 'name' | 'status' | 'notes'; value: number }
  | { kind: 'unsetNotes'; node: number; rec: number }
  | { kind: 'delete'; node: number; rec: number; hard: boolean }
  | { kind: 'restore'; node: number; rec: number }
  | { kind: 'export'; node: number; to: number }
  | { kind: 'deliver'; bundle: number; to: number }
  | { kind: 'pair'; node: number; to: number }
  | { kind: 'wait'; ms: number };

const node = fc.integer({ min: 0, max: 2 });
const rec = fc.integer({ min: 0, max: RECORDS.length - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), node, rec, field: fc.constantFrom('name' as const, 'status' as const, 'notes' as const), value: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unsetNotes' as const), node, rec }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), node, rec, hard: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), node, rec }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('export' as const), node, to: node }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), bundle: fc.nat(), to: node }) },
  // Two machines exchanging directly: each learns what the other holds, so later updates for it
  // are made on top of that (and are wrong for a third machine that holds less).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pair' as const), node, to: node }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
);
const scenario = fc.record({
  // Office PCs have wrong clocks: up to a day fast or slow.
  skews: fc.tuple(...NODES.map(() => fc.integer({ min: -86_400_000, max: 86_400_000 }))),
  actions: fc.array(action, { minLength: 5, maxLength: 40, size: 'max' }),
  finalOrder: fc.array(fc.tuple(node, node), { minLength: 6, maxLength: 6 }),
});

/** Issue 10: a record that fails its schema is never live (e.g. an edit whose create is missing). */
function expectNoInvalidLiveRecord(n: SimNode): void {
  for (const row of n.state.records.get('advisors')?.values() ?? []) {
    if (row.deletedAt !== undefined && row.deletedAt !== null) continue;
    const parsed = ledgerTables.advisors.schema.safeParse(row);
    expect(parsed.success, `${n.nodeId}: ${JSON.stringify(row)}`).toBe(true);
  }
}

function newAdvisor(at: string, name: string): Record<string, unknown> {
  return { name, honorific: '中国科学院院士', homeInstitution: '广西大学', status: '推荐', createdAt: at, updatedAt: at };
}

interface Outcome {
  nodes: SimNode[];
  causalPast: Map<string, ReadonlySet<string>>;
}

function run(s: { skews: number[]; actions: Action[]; finalOrder: [number, number][] }): Outcome {
  const causalPast = new Map<string, ReadonlySet<string>>();
  const nodes = NODES.map((id, i) => new SimNode(id, s.skews[i], causalPast));
  const mailbox: { from: number; bytes: Uint8Array }[] = [];
  let now = T0;
  for (const a of s.actions) {
    now += 1000;
    switch (a.kind) {
      case 'edit': {
        // The first record is created by node A only: elsewhere it exists only once A's create
        // arrived, which is what a mis-delivered update can leave behind (issue 10).
        if (a.rec === 0 && a.node !== 0 && !nodes[a.node].record('advisors', RECORDS[0])) break;
        const value = a.field === 'name' ? NAMES[a.value] : a.field === 'status' ? STATUSES[a.value] : NOTES[a.value % NOTES.length];
        nodes[a.node].write('advisors', RECORDS[a.rec], now, (before, at) => (before ? { ...before, [a.field]: value, updatedAt: at } : { id: RECORDS[a.rec], ...newAdvisor(at, NAMES[0]), [a.field]: value }));
        break;
      }
      case 'unsetNotes':
        nodes[a.node].write('advisors', RECORDS[a.rec], now, (before, at) => {
          if (!before) return undefined;
          const { notes: _drop, ...rest } = before;
          return { ...rest, updatedAt: at };
        });
        break;
      case 'delete':
        if (nodes[a.node].record('advisors', RECORDS[a.rec])) {
          nodes[a.node].write('advisors', RECORDS[a.rec], now, (before, at) => (a.hard ? undefined : { ...before, deletedAt: at, updatedAt: at }));
        }
        break;
      case 'restore':
        nodes[a.node].write('advisors', RECORDS[a.rec], now, (before, at) => (before ? { ...before, deletedAt: null, updatedAt: at } : undefined));
        break;
      case 'export':
        if (a.node !== a.to) mailbox.push({ from: a.node, bytes: nodes[a.node].exportFor(NODES[a.to], now) });
        break;
      case 'deliver': {
        // Any bundle, to any other node, any number of times: out of order, duplicated, relayed.
        if (mailbox.length === 0) break;
        // Issue 10: a bundle made for one machine may be carried to another (the wrong USB
        // stick). It is imported when that machine holds everything the bundle was made on top
        // of, and refused otherwise — never applied with a gap behind it.
        const b = mailbox[a.bundle % mailbox.length];
        if (b.from === a.to) expect(() => nodes[a.to].importBundle(b.bytes, now)).toThrow('数据包来自本机');
        else {
          const before = nodes[a.to].state;
          try {
            nodes[a.to].importBundle(b.bytes, now);
          } catch (error) {
            expect((error as BundleError).code, String(error)).toBe('base-not-covered');
            expect(nodes[a.to].state).toBe(before);
          }
        }
        expectNoInvalidLiveRecord(nodes[a.to]);
        break;
      }
      case 'pair':
        if (a.node !== a.to) {
          nodes[a.to].importBundle(nodes[a.node].exportFor(NODES[a.to], now), now);
          nodes[a.node].importBundle(nodes[a.to].exportFor(NODES[a.node], now), now);
        }
        break;
      case 'wait':
        now += a.ms;
        break;
    }
  }
  // Anti-entropy: relays in a random order, then rounds of UPDATES only (no full bundle repairs
  // a gap here), until everyone has everything.
  for (const [from, to] of s.finalOrder) if (from !== to) nodes[to].importBundle(nodes[from].exportFor(NODES[to], (now += 1000)), now);
  for (let round = 0; round < 2; round++) {
    for (const from of [0, 1, 2]) for (const to of [0, 1, 2]) if (from !== to) nodes[to].importBundle(nodes[from].exportFor(NODES[to], (now += 1000)), now);
  }
  for (const n of nodes) expectNoInvalidLiveRecord(n);
  return { nodes, causalPast };
}

const sortedConflicts = (m: Map<string, Conflict>) => [...m.values()].sort((a, b) => (a.key < b.key ? -1 : 1));

describe('sync properties (3 simulated nodes)', () => {
  it('every node converges to the same records and the same conflicts as one batch merge', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { nodes } = run(s);
        const all = nodes[0].ops();
        const canonical = applyOps(emptyMergeState(), [...all].reverse());
        for (const n of nodes) {
          expect(n.ops().map((o) => o.opId)).toEqual(all.map((o) => o.opId));
          expect(snapshot(n.state)).toEqual(snapshot(canonical.state));
          expect(sortedConflicts(n.conflicts)).toEqual(canonical.summary.conflicts);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('conflicts are exactly the forks of concurrent same-field edits', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { nodes, causalPast } = run(s);
        const ops = nodes[0].ops();
        const byId = new Map(ops.map((o) => [o.opId, o]));
        const saw = (x: SyncOp, y: SyncOp) => causalPast.get(x.opId)?.has(y.opId) ?? false;
        const conflicts = [...nodes[0].conflicts.values()];
        // Soundness: a reported pair was written without either author seeing the other.
        for (const c of conflicts) {
          const w = byId.get(c.winner.opId) as SyncOp;
          const l = byId.get(c.loser.opId) as SyncOp;
          expect(saw(w, l) || saw(l, w)).toBe(false);
          expect(w.opId > l.opId).toBe(true);
        }
        // Completeness: for every concurrent pair on a field, the fork of their prev chains is reported.
        const chain = (op: SyncOp, field: string): Set<string> => {
          const out = new Set<string>();
          let cur: SyncOp | undefined = op;
          while (cur) {
            out.add(cur.opId);
            const p: string | null | undefined = fieldWrites(cur).find((w) => w.field === field)?.prev;
            cur = p ? byId.get(p) : undefined;
          }
          return out;
        };
        const reported = new Set(conflicts.map((c) => `${c.id}|${c.field}|${c.winner.opId}|${c.loser.opId}`));
        for (let i = 0; i < ops.length; i++) {
          for (let j = i + 1; j < ops.length; j++) {
            const [x, y] = [ops[i], ops[j]];
            if (x.table !== y.table || x.id !== y.id || saw(x, y) || saw(y, x)) continue;
            const fx = new Set(fieldWrites(x).map((w) => w.field));
            for (const field of fieldWrites(y).map((w) => w.field)) {
              if (!fx.has(field) || field === 'updatedAt' || field === 'createdAt') continue;
              const cx = chain(x, field);
              const cy = chain(y, field);
              const found = [...reported].some((k) => {
                const [id, f, a, b] = k.split('|');
                return id === x.id && f === field && ((cx.has(a) && cy.has(b)) || (cx.has(b) && cy.has(a)));
              });
              expect(found, `concurrent ${x.opId} / ${y.opId} on ${field}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it('the order of ops does not matter, and applying them again changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.func(fc.integer()), fc.integer({ min: 1, max: 5 }), (s, rank, chunks) => {
        const { nodes } = run({ ...s, finalOrder: [] });
        const all = nodes[0].ops();
        const canonical = applyOps(emptyMergeState(), all);
        const shuffled = [...all].sort((a, b) => rank(a.opId) - rank(b.opId) || (a.opId < b.opId ? -1 : 1));
        let state = emptyMergeState();
        const conflicts: Conflict[] = [];
        const size = Math.ceil(shuffled.length / chunks);
        for (let i = 0; i < shuffled.length; i += size) {
          const r = applyOps(state, shuffled.slice(i, i + size));
          state = r.state;
          conflicts.push(...r.summary.conflicts);
        }
        expect(snapshot(state)).toEqual(snapshot(canonical.state));
        expect(conflicts.sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(canonical.summary.conflicts);
        const again = applyOps(state, shuffled);
        expect(again.state).toBe(state);
        expect(again.summary).toMatchObject({ applied: 0, skipped: shuffled.length, conflicts: [] });
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
