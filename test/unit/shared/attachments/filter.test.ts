import { describe, expect, it } from 'vitest';
import { attachmentKeep, narrowIds, narrowOrder } from '../../../../shared/attachments/filter';

/** 有/无附件 (issue 11): one rule for paged ledgers, in-memory lists and lists that page themselves. */
describe('attachment filter', () => {
  const withFiles = new Set(['b', 'd']);
  const ids = ['a', 'b', 'c', 'd'];

  it('keeps the records with files, or those without, in their order', () => {
    expect(narrowIds(ids, attachmentKeep('with', withFiles))).toEqual(['b', 'd']);
    expect(narrowIds(ids, attachmentKeep('without', withFiles))).toEqual(['a', 'c']);
  });

  it('keeps every record for 附件不限, and while the ids with files are still being read', () => {
    expect(attachmentKeep('all', withFiles)).toBeNull();
    expect(attachmentKeep('with', undefined)).toBeNull();
    expect(narrowIds(ids, null)).toEqual(ids);
  });

  it('有附件 of a ledger where no record has a file is empty, 无附件 is everything', () => {
    expect(narrowIds(ids, attachmentKeep('with', new Set()))).toEqual([]);
    expect(narrowIds(ids, attachmentKeep('without', new Set()))).toEqual(ids);
  });

  it('narrows an in-memory display order (indexes into the rows) the same way', () => {
    // Sorted display: d, c, b, a.
    const order = Int32Array.from([3, 2, 1, 0]);
    expect(Array.from(narrowOrder(order, (i) => ids[i], attachmentKeep('with', withFiles)))).toEqual([3, 1]);
    expect(Array.from(narrowOrder(order, (i) => ids[i], attachmentKeep('without', withFiles)))).toEqual([2, 0]);
    expect(narrowOrder(order, (i) => ids[i], null)).toBe(order);
  });
});
