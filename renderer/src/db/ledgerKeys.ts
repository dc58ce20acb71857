import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { deriveKeyRow, deriveStoredKey, keyRowOf, keySpecOf, ledgerKeySpecs, type LedgerKeyRow, type LedgerKeySpec, type StoredKey } from '../../../shared/search/ledgerKeys';
import { KEY_FIELD, recordOf } from './rowClocks';

/** Local table of derived key rows (schema v6 to v18), under the compound key [table+id]. */
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

  /** Someone listens (writes nobody watches build no key rows for them). */
  get listening(): boolean {
    return this.listeners.size > 0;
  }

  emit(change: KeyChange): void {
    for (const l of this.listeners) l(change);
  }
}

type Key = string;
type Row = Record<string, unknown>;

/**
 * The recent-first index of a keyed ledger table (schema v19): live records by updatedAt, on the
 * hidden key inside the row (KEY_FIELD). It serves the first page and the live count.
 */
export const RECENT_KEY_INDEX = `[${KEY_FIELD}.live+${KEY_FIELD}.at]`;

/** The stored key of a stored row (undefined: a row written before schema v19's upgrade). */
export function storedKeyOf(row: Row): StoredKey | undefined {
  const key = row[KEY_FIELD];
  return key !== null && typeof key === 'object' ? (key as StoredKey) : undefined;
}

/**
 * DBCore middleware that derives the ledger key of every record written to a keyed ledger table,
 * in the write's own transaction (DESIGN §Data: sort/search keys are derived on write and
 * recomputed on import — the sync applier and restore write through Dexie like any edit, so
 * their records get keys computed here, never read from a bundle).
 *
 * From schema v19 the key is stored INSIDE the record row as a hidden field (KEY_FIELD, like the
 * field clocks; shared/search/ledgerKeys.ts StoredKey: only the pinyin and the recent-first
 * index's values), so a keyed write is one row, not two: a separate key row per record cost
 * about as much again as the record (issue 10: 100,000 key rows took as long to write as the
 * records). The middleware sits BELOW change tracking: the tracker diffs and logs records
 * without their key, and strips it (with the clocks) from every read (rowClocks.ts recordOf).
 * A database still at a version before 19 (migration tests write old-shaped data through the
 * app's write path) keeps its key rows in the `ledgerKeys` table as before.
 *
 * Listeners hear of the new key rows when the transaction commits (a paged ledger on screen
 * updates its page from them instead of reloading tables).
 */
export function createLedgerKeysMiddleware(hub: KeyChangeHub): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ledgerKeys',
    create(down: DBCore): Partial<DBCore> {
      const tableSchema = (name: string) => down.schema.tables.find((t) => t.name === name);
      const hasRows = tableSchema(LEDGER_KEYS_TABLE) !== undefined;
      /** Tables whose rows carry their key (v19 on). */
      const folded = new Set([...keyedTables].filter((t) => tableSchema(t)?.indexes.some((i) => i.name === RECENT_KEY_INDEX)));
      if (!hasRows && folded.size === 0) return {}; // databases opened at a version before 6 (migration tests)
      const keys = () => down.table(LEDGER_KEYS_TABLE);
      /**
       * Changes per transaction, told on commit. Written rows are kept as stored (with their
       * key) and turned into key rows and records only then, and only when someone listens: a
       * bulk write nobody watches pays for neither.
       */
      type Pending = { written: Map<Key, Row>; removed: Set<Key> };
      const pending = new WeakMap<object, Map<string, Pending>>();

      function announce(table: string, c: Pending): void {
        if (!hub.listening) return;
        const spec = keySpecOf(table) as LedgerKeySpec;
        const upserted: LedgerKeyRow[] = [];
        const records = new Map<Key, Record<string, unknown>>();
        for (const [id, stored] of c.written) {
          const record = recordOf(stored);
          upserted.push(keyRowOf(table, spec, record, storedKeyOf(stored) ?? deriveStoredKey(spec, record)));
          records.set(id, record);
        }
        hub.emit({ table, upserted, removed: [...c.removed], records });
      }

      function remember(trans: DBCoreTransaction, table: string, written: Row[], ids: Key[], removed: Key[]) {
        if (written.length === 0 && removed.length === 0) return;
        let byTable = pending.get(trans);
        if (!byTable) {
          byTable = new Map();
          pending.set(trans, byTable);
          const idb = trans as unknown as IDBTransaction;
          idb.addEventListener?.('complete', () => {
            for (const [t, c] of byTable as Map<string, Pending>) announce(t, c);
          });
        }
        let c = byTable.get(table);
        if (!c) byTable.set(table, (c = { written: new Map(), removed: new Set() }));
        written.forEach((row, i) => {
          c.removed.delete(ids[i]);
          c.written.set(ids[i], row);
        });
        for (const id of removed) {
          c.written.delete(id);
          c.removed.add(id);
        }
      }

      /** Before v19: the key rows go to their own table. */
      function writeKeyRows(trans: DBCoreTransaction, table: string, rows: LedgerKeyRow[], removed: Key[]): Promise<void> {
        const writes: Promise<DBCoreMutateResponse>[] = [];
        if (rows.length > 0) writes.push(keys().mutate({ type: 'put', trans, values: rows }));
        if (removed.length > 0) writes.push(keys().mutate({ type: 'delete', trans, keys: removed.map((id) => [table, id]) }));
        return Promise.all(writes).then((results) => {
          for (const r of results) if (r.numFailures > 0) throw Object.values(r.failures)[0] ?? new Error('ledgerKeys write failed');
        });
      }

      function keyTable(table: DBCoreTable): DBCoreTable {
        const { name } = table;
        const spec = keySpecOf(name);
        if (!spec) return table;
        const inRow = folded.has(name);
        if (!inRow && !hasRows) return table;
        const pk = table.schema.primaryKey;
        const afterRemoval = (trans: DBCoreTransaction, removed: Key[]) =>
          (inRow ? Promise.resolve() : writeKeyRows(trans, name, [], removed)).then(() => remember(trans, name, [], [], removed));
        return {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            switch (req.type) {
              case 'add':
              case 'put': {
                // Ledger tables have inbound ids (a write without one fails below and is left out).
                const ids = req.values.map((value, i) => String(req.keys?.[i] ?? (pk.extractKey ? pk.extractKey(value) : undefined)));
                // The key reads only the spec's fields of the value: its clocks do not matter.
                const values = req.values.map((value) => ({ ...(value as Row), [KEY_FIELD]: deriveStoredKey(spec, value as Row) }));
                return table.mutate(inRow ? { ...req, values } : req).then((res) => {
                  const ok = (i: number) => !(res.numFailures > 0 && res.failures[i] != null);
                  const keptIds = ids.filter((_, i) => ok(i));
                  const kept = values.filter((_, i) => ok(i));
                  const written = inRow ? Promise.resolve() : writeKeyRows(req.trans, name, kept.map((v) => keyRowOf(name, spec, v, v[KEY_FIELD] as StoredKey)), []);
                  return written.then(() => {
                    remember(req.trans, name, kept, keptIds, []);
                    return res;
                  });
                });
              }
              case 'delete':
                // Tracked deletes arrive as tombstone puts (tracking.ts); a hard delete here is a
                // storage-level one (restore, upgrades).
                return table.mutate(req).then((res) => (res.numFailures > 0 ? res : afterRemoval(req.trans, req.keys as Key[]).then(() => res)));
              case 'deleteRange':
                // A range names no keys: read them first, in the same transaction.
                return table
                  .query({ trans: req.trans, values: false, query: { index: pk, range: req.range } })
                  .then(({ result }) => table.mutate(req).then((res) => (res.numFailures > 0 ? res : afterRemoval(req.trans, result as Key[]).then(() => res))));
              default:
                return table.mutate(req);
            }
          },
        };
      }

      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            hasRows && mode === 'readwrite' && stores.some((s) => keyedTables.has(s) && !folded.has(s)) && !stores.includes(LEDGER_KEYS_TABLE) ? [...stores, LEDGER_KEYS_TABLE] : stores;
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

/** Every stored row of a keyed table, in chunks by id, so an upgrade's memory stays bounded at 100,000 records. */
async function forEachChunk(tx: Transaction, table: string, write: (rows: Row[]) => Promise<unknown>): Promise<void> {
  const CHUNK = 2000;
  let after: string | null = null;
  for (;;) {
    const query = after === null ? tx.table(table).orderBy(':id') : tx.table(table).where(':id').above(after);
    const rows = (await query.limit(CHUNK).toArray()) as Row[];
    if (rows.length === 0) return;
    await write(rows);
    after = String(rows[rows.length - 1].id);
  }
}

/**
 * Schema v19 upgrade: the key of every record of every keyed table into its row (derived here,
 * on this machine). The old key rows go with the `ledgerKeys` store.
 */
export async function foldLedgerKeys(tx: Transaction): Promise<void> {
  for (const table of keyedTables) {
    const spec = keySpecOf(table);
    if (!spec) continue;
    // Stored rows (an upgrade transaction reads them with their clocks): only the key is added.
    await forEachChunk(tx, table, (rows) => tx.table(table).bulkPut(rows.map((row) => ({ ...row, [KEY_FIELD]: deriveStoredKey(spec, recordOf(row)) }))));
  }
}

/**
 * Schema v6 upgrade (and later ones that key another table, for that table only): key rows for
 * every record of every keyed table (derived here, on this machine).
 */
export async function fillLedgerKeys(tx: Transaction, tables: Iterable<string> = keyedTables): Promise<void> {
  for (const table of tables) {
    const spec = keySpecOf(table);
    if (!spec) continue;
    await forEachChunk(tx, table, (rows) => tx.table(LEDGER_KEYS_TABLE).bulkPut(rows.map((r) => deriveKeyRow(table, spec, r))));
  }
}
