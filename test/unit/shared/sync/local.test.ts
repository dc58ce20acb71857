import { describe, expect, it } from 'vitest';
import { advanceClocks, applyOps, diffFields, emptyMergeState, localOpFromChange } from '../../../../shared/sync';

const ID = '6b0b5a3e-8d1c-4f7e-9b2a-1c3d5e7f9a01';
const common = { table: 'advisors' as const, id: ID, nodeId: 'node-a', operator: '王科员', at: '2026-03-01T08:00:00.000Z' };

describe('localOpFromChange', () => {
  it('an insert writes every field except id, with an empty prev', () => {
    const op = localOpFromChange({ ...common, before: undefined, after: { id: ID, name: '张三', notes: undefined }, clocks: undefined, opId: '0000019cb0a1b2c3-0000-node-a' });
    expect(op).toEqual({ ...common, opId: '0000019cb0a1b2c3-0000-node-a', fields: { name: '张三' }, deleted: false, prev: {} });
  });

  it('an update names, for each changed field, the opId of the value it overwrote', () => {
    const clocks = { name: '0000019cb0a1b2c3-0000-node-a', notes: '0000019cb0a1b2c3-0000-node-b', status: '0000019cb0a1b2c3-0000-node-a' };
    const op = localOpFromChange({ ...common, before: { id: ID, name: '张三', notes: '旧', status: '推荐' }, after: { id: ID, name: '李四', status: '推荐', honorific: '院士' }, clocks, opId: '0000019cb0a1b2c4-0000-node-a' });
    expect(op).toMatchObject({ fields: { name: '李四', honorific: '院士' }, unset: ['notes'], prev: { name: clocks.name, notes: clocks.notes } });
    expect(advanceClocks(clocks, op!)).toEqual({ ...clocks, name: op!.opId, notes: op!.opId, honorific: op!.opId });
  });

  it('a hard delete writes the tombstone; an unchanged put writes nothing', () => {
    const op = localOpFromChange({ ...common, before: { id: ID, name: '张三' }, after: undefined, clocks: { deletedAt: '0000019cb0a1b2c3-0000-node-b' }, opId: '0000019cb0a1b2c4-0000-node-a' });
    expect(op).toMatchObject({ deleted: true, fields: {}, prev: { deletedAt: '0000019cb0a1b2c3-0000-node-b' } });
    expect(localOpFromChange({ ...common, before: { id: ID, a: [1, { b: 2 }] }, after: { id: ID, a: [1, { b: 2 }] }, clocks: undefined, opId: '0000019cb0a1b2c4-0000-node-a' })).toBeNull();
  });

  it('advanceClocks agrees with the merge', () => {
    const op = localOpFromChange({ ...common, before: undefined, after: { id: ID, name: '张三' }, clocks: undefined, opId: '0000019cb0a1b2c3-0000-node-a' })!;
    expect(applyOps(emptyMergeState(), [op]).state.clocks.get('advisors')?.get(ID)).toEqual(advanceClocks(undefined, op));
    expect(diffFields({ id: ID, x: 1 }, { id: ID, x: 1, y: undefined })).toEqual({ fields: {}, unset: [] });
  });
});
