import { useCallback, useEffect, useMemo, useState } from 'react';
import { liveQuery } from 'dexie';
import type { KeyIndex } from '../../../shared/search/keyIndex';
import type { LedgerKeyRow } from '../../../shared/search/ledgerKeys';
import type { LedgerPagedSource } from '../components/LedgerTable/types';
import type { SciLedgerDb } from './database';
import { ledgerKeyIndexes, liveCount, recentFirstPage } from './pagedLedger';

/** How many ids the index-read first page holds (a screenful and some). */
const FIRST_PAGE = 60;

/**
 * A LedgerTable paged source over a keyed Dexie table (shared/search/ledgerKeys.ts): the first
 * page comes straight from the [table+live+updatedAt] index (when the default order is "most
 * recently changed first"), the key rows load alongside, and from then on filters, sort and
 * search run on them. `loadRows` reads the records of the ids on screen (and what the screen
 * shows with them); it runs inside a Dexie liveQuery, so an edit to any of those records — or
 * to anything else it reads — refreshes just those rows.
 *
 * `applyRecord` (optional) makes a row on screen from its current row and the record as just
 * written — a write shows without waiting for the rows to be read back (issue 9: page updated
 * within 100 ms); return undefined to leave the row to the live read.
 *
 * Pass a stable `loadRows` and `applyRecord` (module function or useCallback).
 */
export function usePagedLedgerSource<T>(
  db: SciLedgerDb,
  table: string,
  loadRows: (db: SciLedgerDb, ids: readonly string[]) => Promise<ReadonlyMap<string, T>>,
  defaultSort: { field: string; desc: boolean } = RECENT_FIRST,
  rowFromKey?: (key: LedgerKeyRow) => T,
  applyRecord?: (row: T, record: Readonly<Record<string, unknown>>) => T | undefined,
): LedgerPagedSource<T> {
  const indexes = ledgerKeyIndexes(db);
  const [index, setIndex] = useState(() => indexes.peek(table));
  const [version, setVersion] = useState(0);
  const [firstPage, setFirstPage] = useState<{ rows: LedgerKeyRow[]; total: number | null } | null>(null);

  useEffect(() => {
    let alive = true;
    const unsubscribe = indexes.subscribe(table, () => {
      setIndex(indexes.peek(table));
      setVersion((v) => v + 1);
    });
    let idle: number | undefined;
    const loadIndex = () =>
      void indexes.load(table).then((loaded) => {
        if (!alive) return;
        setIndex(loaded);
        // Rank the names while the clerk reads the page, so a click on 姓名 is a counting sort.
        const warm = () => loaded.prepare('name');
        idle = typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(warm, { timeout: 1000 }) : window.setTimeout(warm, 50);
      });
    if (!indexes.peek(table) && defaultSort.field === 'updatedAt' && defaultSort.desc) {
      // The first page straight from the index; the key rows (100,000 of them take a while to
      // read and unpack on this thread) only once that page is on screen.
      void recentFirstPage(db, table, FIRST_PAGE).then((rows) => {
        if (!alive) return;
        // The count walks the whole index: the page goes on screen first, the total follows.
        if (!indexes.peek(table)) setFirstPage({ rows, total: rows.length < FIRST_PAGE ? rows.length : null });
        requestAnimationFrame(() =>
          window.setTimeout(() => {
            if (rows.length < FIRST_PAGE) return loadIndex();
            void liveCount(db, table).then((total) => {
              if (alive && !indexes.peek(table)) setFirstPage({ rows, total });
              loadIndex();
            });
          }, 0),
        );
      });
    } else loadIndex();
    return () => {
      alive = false;
      if (idle !== undefined) (typeof window.cancelIdleCallback === 'function' ? window.cancelIdleCallback : window.clearTimeout)(idle);
      unsubscribe();
    };
  }, [db, table, indexes, defaultSort.field, defaultSort.desc]);

  const observeRows = useCallback(
    (ids: readonly string[], onRows: (rows: ReadonlyMap<string, T>) => void) => {
      let shown: ReadonlyMap<string, T> | null = null;
      const subscription = liveQuery(() => loadRows(db, ids)).subscribe({
        next: (rows) => {
          shown = rows;
          onRows(rows);
        },
        error: (err: unknown) => console.error('读取台账行失败', err),
      });
      // A committed write to a record on screen is shown from the record as written, at once;
      // the live read above follows with the same row (and anything else that changed).
      const wanted = new Set(ids);
      const stopPatching = applyRecord
        ? db.keyChanges.subscribe((change) => {
            if (change.table !== table || !shown) return;
            let patched: Map<string, T> | null = null;
            for (const [id, record] of change.records) {
              const row = wanted.has(id) ? shown.get(id) : undefined;
              const next = row === undefined ? undefined : applyRecord(row, record);
              if (next === undefined) continue;
              patched ??= new Map(shown);
              patched.set(id, next);
            }
            if (patched) {
              shown = patched;
              onRows(patched);
            }
          })
        : () => undefined;
      return () => {
        subscription.unsubscribe();
        stopPatching();
      };
    },
    [db, table, loadRows, applyRecord],
  );

  const readRows = useCallback((ids: readonly string[]) => loadRows(db, ids), [db, loadRows]);

  return useMemo(() => ({ index, version, defaultSort, firstPage, observeRows, rowFromKey, readRows }), [index, version, defaultSort, firstPage, observeRows, rowFromKey, readRows]);
}

const RECENT_FIRST = { field: 'updatedAt', desc: true };

/**
 * A keyed table's key index, live: re-renders after every committed change (`version`). For
 * pickers and counts that need names or statuses of many records without reading them.
 */
export function useKeyIndex(db: SciLedgerDb, table: string): { index: KeyIndex | null; version: number } {
  const indexes = ledgerKeyIndexes(db);
  const [index, setIndex] = useState(() => indexes.peek(table));
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let alive = true;
    const unsubscribe = indexes.subscribe(table, () => {
      setIndex(indexes.peek(table));
      setVersion((v) => v + 1);
    });
    void indexes.load(table).then((loaded) => {
      if (alive) setIndex(loaded);
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [indexes, table]);
  return { index, version };
}
