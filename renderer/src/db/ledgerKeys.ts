import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { deriveKeyRow, keySpecOf, ledgerKeySpecs, type LedgerKeyRow } from '../../../shared/search/ledgerKeys';

/** Local table of derived key rows (schema v6), under the compound key [table+id]. */
export const LEDGER_KEYS_TABLE = 'ledgerKeys';

/** Tables whose records get key rows (shared/search/ledgerKeys.ts ledgerKeySpecs). */
export const keyedTables: ReadonlySet<string> = new Set(Object.keys(ledgerKeySpecs));

/** What one committed transaction changed in the key rows of one table. */
export interface KeyChange {
  table: string;
  upserted: LedgerKeyRow[];
  removed: string[];
  /** The records as written (by id), so a page on screen can show them without reading them back. */
  records: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}
export type KeyChangeListener = (change: KeyChange) => void;

/** Per-database listeners told after a transaction that changed key rows has committed. */
export class KeyChangeHub {
  private readonly listeners = new Set<KeyChangeListener>();

  subscribe(listener: KeyChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: KeyChange): void {
    for (const l of this.listeners) l(change);
  }
}

type Key = string;

/**
 * DBCore middleware that derives the key row of every record written to a keyed ledger table, in
 * the write's own transaction (DESIGN §Data: sort/search keys are derived on write and
 * recomputed on import — the sync applier and restore write through Dexie like any edit, so
 * their records get keys computed here, never read from a bundle).
 *
 * Key rows live in their own local table, not in the record: the change-tracking middleware
 * only sees ledger tables, so derived keys never become synced fields or oplog entries, and
 * forms that parse a record with its zod schema never meet them.
 *
 * Listeners hear of the new key rows when the transaction commits (a paged ledger on screen
 * updates its page from them instead of reloading tables).
 */
export function createLedgerKeysMiddleware(hub: KeyChangeHub): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ledgerKeys',
    create(down: DBCore): Partial<DBCore> {
      const hasKeys = down.schema.tables.some((t) => t.name === LEDGER_KEYS_TABLE);
      if (!hasKeys) return {}; // databases opened at a version before 6 (migration tests)
      const keys = () => down.table(LEDGER_KEYS_TABLE);
      /** Changes per transaction, emitted on commit. */
      type Pending = { upserted: Map<Key, LedgerKeyRow>; removed: Set<Key>; records: Map<Key, Record<string, unknown>> };
      const pending = new WeakMap<object, Map<string, Pending>>();

      function remember(trans: DBCoreTransaction, table: string, upserted: LedgerKeyRow[], removed: Key[], records: Record<string, unknown>[]) {
        let byTable = pending.get(trans);
        if (!byTable) {
          byTable = new Map();
          pending.set(trans, byTable);
          const idb = trans as unknown as IDBTransaction;
          idb.addEventListener?.('complete', () => {
            for (const [t, c] of byTable as Map<string, Pending>) {
              hub.emit({ table: t, upserted: [...c.upserted.values()], removed: [...c.removed], records: c.records });
            }
          });
        }
        let c = byTable.get(table);
        if (!c) byTable.set(table, (c = { upserted: new Map(), removed: new Set(), records: new Map() }));
        upserted.forEach((row, i) => {
          c.removed.delete(row.id);
          c.upserted.set(row.id, row);
          c.records.set(row.id, records[i]);
        });
        for (const id of removed) {
          c.upserted.delete(id);
          c.records.delete(id);
          c.removed.add(id);
        }
      }

      function writeKeys(trans: DBCoreTransaction, table: string, rows: LedgerKeyRow[], removed: Key[], records: Record<string, unknown>[] = []): Promise<void> {
        const writes: Promise<DBCoreMutateResponse>[] = [];
        if (rows.length > 0) writes.push(keys().mutate({ type: 'put', trans, values: rows }));
        if (removed.length > 0) writes.push(keys().mutate({ type: 'delete', trans, keys: removed.map((id) => [table, id]) }));
        return Promise.all(writes).then((results) => {
          for (const r of results) if (r.numFailures > 0) throw Object.values(r.failures)[0] ?? new Error('ledgerKeys write failed');
          remember(trans, table, rows, removed, records);
        });
      }

      function keyTable(table: DBCoreTable): DBCoreTable {
        const { name } = table;
        const spec = keySpecOf(name);
        if (!spec) return table;
        const pk = table.schema.primaryKey;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            switch (req.type) {
              case 'add':
              case 'put':
                return table.mutate(req).then((res) => {
                  const rows: LedgerKeyRow[] = [];
                  const records: Record<string, unknown>[] = [];
                  req.values.forEach((value, i) => {
                    if (res.numFailures > 0 && res.failures[i] != null) return;
                    const record = value as Record<string, unknown>;
                    const id = (req.keys?.[i] ?? (pk.extractKey ? pk.extractKey(record) : undefined) ?? res.results?.[i]) as Key;
                    const withId = { ...record, id };
                    rows.push(deriveKeyRow(name, spec, withId));
                    records.push(withId);
                  });
                  return writeKeys(req.trans, name, rows, [], records).then(() => res);
                });
              case 'delete':
                return table.mutate(req).then((res) => (res.numFailures > 0 ? res : writeKeys(req.trans, name, [], req.keys as Key[]).then(() => res)));
              case 'deleteRange':
                // A range names no keys: read them first, in the same transaction.
                return table
                  .query({ trans: req.trans, values: false, query: { index: pk, range: req.range } })
                  .then(({ result }) => table.mutate(req).then((res) => (res.numFailures > 0 ? res : writeKeys(req.trans, name, [], result as Key[]).then(() => res))));
              default:
                return table.mutate(req);
            }
          },
        };
      }

      return {
        ...down,
        transaction(stores, mode, options) {
          const widened = mode === 'readwrite' && stores.some((s) => keyedTables.has(s)) && !stores.includes(LEDGER_KEYS_TABLE) ? [...stores, LEDGER_KEYS_TABLE] : stores;
          return down.transaction(widened, mode, options);
        },
        table(tableName: string): DBCoreTable {
          const table = down.table(tableName);
          return keyedTables.has(tableName) ? keyTable(table) : table;
        },
      };
    },
  };
}

/**
 * Schema v6 upgrade (and later ones that key another table, for that table only): key rows for every record of every keyed table (derived here, on this
 * machine). Read with a cursor, written in chunks, so memory stays bounded at 100,000 records.
 */
export async function fillLedgerKeys(tx: Transaction, tables: Iterable<string> = keyedTables): Promise<void> {
  const CHUNK = 2000;
  for (const table of tables) {
    const spec = keySpecOf(table);
    if (!spec) continue;
    let after: string | null = null;
    for (;;) {
      const query = after === null ? tx.table(table).orderBy(':id') : tx.table(table).where(':id').above(after);
      const records = (await query.limit(CHUNK).toArray()) as Record<string, unknown>[];
      if (records.length === 0) break;
      await tx.table(LEDGER_KEYS_TABLE).bulkPut(records.map((r) => deriveKeyRow(table, spec, r)));
      after = String(records[records.length - 1].id);
    }
  }
}
