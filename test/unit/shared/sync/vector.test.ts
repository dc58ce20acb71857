import { describe, expect, it } from 'vitest';
import { commonVector, mergeVectors, opsToSend, vectorOf } from '../../../../shared/sync';

const op = (node: string, n: number) => ({ opId: `0000019cb0a1b2c${n}-0000-${node}`, nodeId: node });

describe('vectors', () => {
  const ops = [op('a', 1), op('a', 3), op('b', 2), op('c', 5)];

  it('vectorOf keeps the largest opId per node; merge and common are entry-wise max and min', () => {
    expect(vectorOf(ops)).toEqual({ a: op('a', 3).opId, b: op('b', 2).opId, c: op('c', 5).opId });
    expect(mergeVectors({ a: op('a', 1).opId }, { a: op('a', 3).opId, b: op('b', 2).opId })).toEqual({ a: op('a', 3).opId, b: op('b', 2).opId });
    expect(commonVector({ a: op('a', 1).opId, b: op('b', 2).opId }, { a: op('a', 3).opId })).toEqual({ a: op('a', 1).opId });
  });

  it('opsToSend carries every op the receiver may lack, from any origin (relays)', () => {
    expect(opsToSend(ops, { a: op('a', 1).opId })).toEqual([op('b', 2), op('a', 3), op('c', 5)]);
    expect(opsToSend(ops, vectorOf(ops))).toEqual([]);
    expect(opsToSend(ops, {})).toHaveLength(4);
  });
});
