import { describe, expect, it } from 'vitest';
import { keepUnchangedRows, sameData } from '../../../../../renderer/src/components/LedgerTable/keepUnchangedRows';

describe('keepUnchangedRows', () => {
  const row = (id: string, extra: Record<string, unknown> = {}) => ({ id, advisor: { name: `名${id}`, tags: ['a', 'b'] }, when: new Date(Date.UTC(2026, 0, 1)), ...extra });

  it('keeps the old object of a row read again with the same data, and the old map when nothing changed', () => {
    const shown = new Map([['1', row('1')], ['2', row('2')]]);
    const same = keepUnchangedRows(shown, new Map([['1', row('1')], ['2', row('2')]]));
    expect(same).toBe(shown);
    const next = keepUnchangedRows(shown, new Map([['1', row('1')], ['2', row('2', { advisor: { name: '改', tags: ['a', 'b'] } })]]));
    expect(next).not.toBe(shown);
    expect(next.get('1')).toBe(shown.get('1'));
    expect(next.get('2')).not.toBe(shown.get('2'));
    expect((next.get('2') as ReturnType<typeof row>).advisor.name).toBe('改');
  });

  it('takes a new map when rows come or go, even if the rest is unchanged', () => {
    const shown = new Map([['1', row('1')], ['2', row('2')]]);
    const fewer = keepUnchangedRows(shown, new Map([['1', row('1')]]));
    expect([...fewer.keys()]).toEqual(['1']);
    expect(fewer.get('1')).toBe(shown.get('1'));
    const other = keepUnchangedRows(shown, new Map([['1', row('1')], ['3', row('3')]]));
    expect([...other.keys()]).toEqual(['1', '3']);
  });

  it('compares data, not identity: arrays, nested objects, dates, missing vs undefined keys', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData(new Date(5), new Date(5))).toBe(true);
    expect(sameData(new Date(5), new Date(6))).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData([1], { 0: 1, length: 1 })).toBe(false);
    // Not plain data: only the same object counts as unchanged.
    const f = () => 1;
    expect(sameData({ f }, { f })).toBe(true);
    expect(sameData({ f }, { f: () => 1 })).toBe(false);
    expect(sameData(new Map([[1, 1]]), new Map([[1, 1]]))).toBe(false);
  });
});
