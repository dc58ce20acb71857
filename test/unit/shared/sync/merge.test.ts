import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../../shared/sync/hlc';
import { applyOps, emptyMergeState, type MergeState, type SyncOp } from '../../../../shared/sync';

const A = 'node-a';
const B = 'node-b';
const C = 'node-c';
const ID = '6b0b5a3e-8d1c-4f7e-9b2a-1c3d5e7f9a01';
const ID2 = '6b0b5a3e-8d1c-4f7e-9b2a-1c3d5e7f9a02';
const W = Date.UTC(2026, 2, 1);

function op(node: string, wall: number, fields: Record<string, unknown>, prev?: Record<string, string>, extra: Partial<SyncOp> = {}): SyncOp {
  const o: SyncOp = { opId: encodeHlc({ wallMs: W + wall, counter: 0 }, node), nodeId: node, table: 'advisors', id: ID, fields, deleted: false, operator: `员-${node}`, at: new Date(W + wall).toISOString(), ...extra };
  if (prev) o.prev = prev;
  return o;
}
const rec = (s: MergeState, id = ID) => s.records.get('advisors')?.get(id);
const merge = (...ops: SyncOp[]) => applyOps(emptyMergeState(), ops, { localNodeId: A });

describe('per-field last-writer-wins', () => {
  it('the larger opId wins each field, whatever the order', () => {
    const create = op(A, 0, { name: '张三', status: '推荐' }, {});
    const x = op(A, 10, { name: '李四' }, { name: create.opId });
    const y = op(B, 20, { name: '王五' }, { name: create.opId });
    for (const order of [[create, x, y], [y, x, create], [x, create, y]]) {
      expect(rec(merge(...order).state)).toEqual({ id: ID, name: '王五', status: '推荐' });
    }
  });

  it('on equal wall time and counter the nodeId breaks the tie', () => {
    const x = op(A, 5, { name: '甲' }, {});
    const y = op(B, 5, { name: '乙' }, {});
    expect(rec(merge(x, y).state)?.name).toBe('乙');
    expect(rec(merge(y, x).state)?.name).toBe('乙');
  });

  it('concurrent edits of different fields are both kept, without conflict', () => {
    const create = op(A, 0, { name: '张三', status: '推荐' }, {});
    const x = op(A, 10, { name: '李四' }, { name: create.opId });
    const y = op(B, 11, { status: '已聘任' }, { status: create.opId });
    const r = merge(create, y, x);
    expect(rec(r.state)).toMatchObject({ name: '李四', status: '已聘任' });
    expect(r.summary.conflicts).toEqual([]);
  });

  it('unset removes a field and keeps its clock, so an older write cannot bring it back', () => {
    const create = op(A, 0, { name: '张三', notes: '旧' }, {});
    const unset = op(A, 10, {}, { notes: create.opId }, { unset: ['notes'] });
    const r = merge(unset, create);
    expect(rec(r.state)).toEqual({ id: ID, name: '张三' });
    expect(r.state.clocks.get('advisors')?.get(ID)?.notes).toBe(unset.opId);
  });
});

describe('tombstones', () => {
  it('a hard delete tombstones with deletedAt = at, a later restore wins', () => {
    const create = op(A, 0, { name: '张三' }, {});
    const del = op(B, 10, {}, {}, { deleted: true });
    const r = merge(create, del);
    expect(rec(r.state)?.deletedAt).toBe(del.at);
    expect(r.summary.perTable.advisors).toEqual({ added: 0, changed: 0, deleted: 0 });
    const restore = op(A, 20, { deletedAt: null }, { deletedAt: del.opId });
    expect(rec(applyOps(r.state, [restore]).state)?.deletedAt).toBeNull();
  });

  it('an edit concurrent with a delete is kept on the tombstoned record', () => {
    const create = op(A, 0, { name: '张三' }, {});
    const base = merge(create).state;
    const edit = op(A, 10, { name: '李四' }, { name: create.opId });
    const del = op(B, 11, { deletedAt: new Date(W + 11).toISOString() }, {});
    const r = applyOps(base, [del, edit]);
    expect(rec(r.state)).toMatchObject({ name: '李四', deletedAt: del.fields.deletedAt });
    expect(r.summary.perTable.advisors).toEqual({ added: 0, changed: 0, deleted: 1 });
  });

  it('two concurrent deletes fork deletedAt, reported as sameValue', () => {
    const create = op(A, 0, { name: '张三' }, {});
    const d1 = op(A, 10, {}, {}, { deleted: true });
    const d2 = op(B, 12, { deletedAt: new Date(W + 12).toISOString() }, {});
    const [c] = merge(create, d1, d2).summary.conflicts;
    expect(c).toMatchObject({ field: 'deletedAt', sameValue: true, winner: { opId: d2.opId }, loser: { opId: d1.opId } });
  });
});

describe('prev chains and conflicts', () => {
  const create = op(A, 0, { name: '张三', notes: '备' }, {});

  it('a sequential chain A → B → C is never a conflict', () => {
    const b = op(B, 10, { name: '李四' }, { name: create.opId });
    const c = op(C, 20, { name: '王五' }, { name: b.opId });
    const a = op(A, 30, { name: '赵六' }, { name: c.opId });
    for (const order of [[create, b, c, a], [a, c, b, create]]) expect(merge(...order).summary.conflicts).toEqual([]);
  });

  it('two edits that overwrote the same value conflict, with both values, whom and when', () => {
    const x = op(A, 10, { name: '李四' }, { name: create.opId });
    const y = op(B, 20, { name: '王五' }, { name: create.opId });
    const r = merge(create, x, y);
    expect(r.summary.conflicts).toEqual([
      {
        key: `advisors|${ID}|name|${y.opId}|${x.opId}`,
        table: 'advisors',
        id: ID,
        field: 'name',
        winner: { opId: y.opId, nodeId: B, operator: '员-node-b', at: y.at, value: '王五', unset: false },
        loser: { opId: x.opId, nodeId: A, operator: '员-node-a', at: x.at, value: '李四', unset: false },
        sameValue: false,
      },
    ]);
    expect(r.summary.lostLocalEdits).toBe(1);
    // The other order finds the same conflict; a third import of either changes nothing.
    const other = merge(y, create, x);
    expect(other.summary.conflicts).toEqual(r.summary.conflicts);
    expect(applyOps(other.state, [x, y]).summary.conflicts).toEqual([]);
  });

  it('a concurrent edit against a longer chain is reported at the fork', () => {
    const b1 = op(B, 10, { name: '李四' }, { name: create.opId });
    const b2 = op(B, 20, { name: '王五' }, { name: b1.opId });
    const c1 = op(C, 15, { name: '赵六' }, { name: create.opId });
    const keys = merge(b2, c1, create, b1).summary.conflicts.map((c) => [c.winner.opId, c.loser.opId]);
    expect(keys).toEqual([[c1.opId, b1.opId]]);
    // c1 lost in the end (b2 is later) although it won at the fork: the record says so.
    expect(rec(merge(create, b1, b2, c1).state)?.name).toBe('王五');
  });

  it('a node that saw both sides of a conflict writes after it without a new conflict', () => {
    const x = op(A, 10, { name: '李四' }, { name: create.opId });
    const y = op(B, 20, { name: '王五' }, { name: create.opId });
    const z = op(C, 30, { name: '钱七' }, { name: y.opId });
    expect(merge(create, x, y, z).summary.conflicts).toHaveLength(1);
  });

  it('a removal and an edit of the same value conflict; two creations of one record fork at the root', () => {
    const unset = op(A, 10, {}, { notes: create.opId }, { unset: ['notes'] });
    const edit = op(B, 11, { notes: '新' }, { notes: create.opId });
    const [c] = merge(create, unset, edit).summary.conflicts;
    expect(c).toMatchObject({ field: 'notes', winner: { value: '新', unset: false }, loser: { value: undefined, unset: true } });
    const other = op(B, 1, { name: '张三', notes: '别' }, {});
    const fields = merge(create, other).summary.conflicts.map((k) => [k.field, k.sameValue]);
    expect(fields).toEqual([['name', true], ['notes', false]]);
  });

  it('createdAt/updatedAt are merged but never reported; legacy ops without prev never conflict', () => {
    const x = op(A, 10, { name: '李四', updatedAt: new Date(W + 10).toISOString() }, { name: create.opId });
    const y = op(B, 20, { status: '评议', updatedAt: new Date(W + 20).toISOString() }, { status: create.opId });
    const r = merge(create, x, y);
    expect(r.summary.conflicts).toEqual([]);
    expect(rec(r.state)?.updatedAt).toBe(y.fields.updatedAt);
    const legacy1 = op(A, 40, { name: '旧甲' });
    const legacy2 = op(B, 41, { name: '旧乙' });
    expect(merge(legacy1, legacy2).summary.conflicts).toEqual([]);
  });
});

describe('bookkeeping of applyOps', () => {
  it('skips ops already applied or repeated, and returns the same state when nothing is new', () => {
    const create = op(A, 0, { name: '张三' }, {});
    const r = merge(create, create);
    expect(r.summary).toMatchObject({ applied: 1, skipped: 1, maxOpId: create.opId });
    const again = applyOps(r.state, [create]);
    expect(again.state).toBe(r.state);
    expect(again.summary).toMatchObject({ applied: 0, skipped: 1, perTable: {}, conflicts: [] });
    expect(again.changes).toEqual({ records: [], appliedOps: [] });
  });

  it('counts added, changed and deleted records per table and lists what to write back', () => {
    const base = merge(op(A, 0, { name: '张三' }, {}), op(A, 1, { name: '李四' }, {}, { id: ID2 })).state;
    const r = applyOps(base, [
      op(B, 10, { name: '王五' }, {}),
      op(B, 11, {}, {}, { id: ID2, deleted: true }),
      op(B, 12, { title: '议题' }, {}, { table: 'consultationTopics', id: '6b0b5a3e-8d1c-4f7e-9b2a-1c3d5e7f9a03' }),
    ]);
    expect(r.summary.perTable).toEqual({ advisors: { added: 0, changed: 1, deleted: 1 }, consultationTopics: { added: 1, changed: 0, deleted: 0 } });
    expect(r.changes.records.map((c) => [c.table, c.id])).toHaveLength(3);
    expect(r.changes.appliedOps.map((o) => o.opId)).toEqual([...r.changes.appliedOps.map((o) => o.opId)].sort());
    // The input state is untouched (copy-on-write).
    expect(rec(base)?.name).toBe('张三');
    expect(base.appliedOpIds.size).toBe(2);
  });

  it('a slice holding only the touched records gives the same result as the whole state', () => {
    const create1 = op(A, 0, { name: '张三' }, {});
    const create2 = op(A, 1, { name: '李四' }, {}, { id: ID2 });
    const full = merge(create1, create2).state;
    const slice: MergeState = {
      records: new Map([['advisors', new Map([[ID, rec(full) as never]])]]),
      clocks: new Map([['advisors', new Map([[ID, full.clocks.get('advisors')?.get(ID) ?? {}]])]]),
      history: new Map([['advisors', new Map([[ID, full.history.get('advisors')?.get(ID) ?? []]])]]),
      appliedOpIds: new Set([create1.opId]),
    };
    const incoming = [op(B, 10, { name: '王五' }, { name: create1.opId }), op(C, 11, { name: '赵六' }, { name: create1.opId })];
    const a = applyOps(full, incoming);
    const b = applyOps(slice, incoming);
    expect(b.summary).toEqual(a.summary);
    expect(b.changes).toEqual(a.changes);
  });
});

describe('a delete and an older concurrent edit (issue 10: told on the editing machine too)', () => {
  const create = op(A, 0, { name: '张三', updatedAt: 'c' }, {});
  const edit = op(B, 10, { notes: '补材料', updatedAt: 'e' }, { updatedAt: create.opId });
  const applied = (...ops: SyncOp[]) => applyOps(emptyMergeState(), ops).state;

  it('is reported when the delete overwrote an updatedAt older than the edit', () => {
    const del = op(A, 20, { deletedAt: 'd', updatedAt: 'd' }, { updatedAt: create.opId });
    const onB = applyOps(applied(create, edit), [del], { senderVector: { [A]: del.opId, [B]: edit.opId } });
    expect(onB.summary.deletedWithEdits).toEqual([expect.objectContaining({ id: ID, edits: [expect.objectContaining({ opId: edit.opId, fields: ['notes'] })] })]);
  });

  it('is reported when the sender of the delete did not hold the edit', () => {
    const hardDelete = op(A, 20, {}, {}, { deleted: true });
    const onB = applyOps(applied(create, edit), [hardDelete], { senderVector: { [A]: hardDelete.opId } });
    expect(onB.summary.deletedWithEdits).toHaveLength(1);
  });

  it('is not reported when the deleter had seen the edit', () => {
    const del = op(A, 20, { deletedAt: 'd', updatedAt: 'd' }, { updatedAt: edit.opId });
    const onB = applyOps(applied(create, edit), [del], { senderVector: { [A]: del.opId, [B]: edit.opId } });
    expect(onB.summary.deletedWithEdits).toEqual([]);
  });
});
