/**
 * 有/无附件 on a ledger (issue 11), the pure part: which records a choice keeps, given the ids
 * of the records that have live files (the derived per-record counts,
 * renderer/src/db/attachments/counts.ts). The same rule serves a paged ledger (its matching
 * ids), an in-memory list (its displayed order) and a list that pages itself (服务日志), so all
 * filter alike.
 */
export type AttachmentFilterValue = 'all' | 'with' | 'without';

export const attachmentFilterOptions: readonly { value: AttachmentFilterValue; label: string }[] = [
  { value: 'all', label: '附件不限' },
  { value: 'with', label: '有附件' },
  { value: 'without', label: '无附件' },
];

/** The test a row's id must pass, or null when the choice keeps every row. */
export function attachmentKeep(value: AttachmentFilterValue, withFiles: ReadonlySet<string> | undefined): ((id: string) => boolean) | null {
  if (value === 'all' || !withFiles) return null;
  const keep = value === 'with';
  return (id) => withFiles.has(id) === keep;
}

/** The matching ids of a paged ledger, in order. */
export function narrowIds(ids: readonly string[], keep: ((id: string) => boolean) | null): string[] {
  return keep ? ids.filter(keep) : (ids as string[]);
}

/** An in-memory list's displayed order (indexes into its rows), in order. */
export function narrowOrder(order: Int32Array, idOfIndex: (index: number) => string, keep: ((id: string) => boolean) | null): Int32Array {
  return keep ? order.filter((i) => keep(idOfIndex(i))) : order;
}
