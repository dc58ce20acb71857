import type { LedgerPagedSource } from '../LedgerTable/types';

/** Rows of `ids` from a paged source, once, in the order of `ids` (rows deleted meanwhile are left out). */
export async function readPagedRows<T>(source: LedgerPagedSource<T>, ids: readonly string[]): Promise<T[]> {
  const map = source.readRows
    ? await source.readRows(ids)
    : await new Promise<ReadonlyMap<string, T>>((resolve) => {
        let unsubscribe: (() => void) | null = null;
        let done = false;
        unsubscribe = source.observeRows(ids, (rows) => {
          if (done) return;
          done = true;
          resolve(rows);
          // The first delivery is all we need; unsubscribe once the call has returned.
          queueMicrotask(() => unsubscribe?.());
        });
        if (done) unsubscribe();
      });
  const out: T[] = [];
  for (const id of ids) {
    const row = map.get(id);
    if (row !== undefined) out.push(row);
  }
  return out;
}
