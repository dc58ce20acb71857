import { Dexie, type DBCore, type DBCoreKeyRange, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';

/**
 * What every middleware keeping a local derived table shares (serviceLogFacts,
 * serviceYearSummaries, advisorDigests, attachments/counts, certificateNumbers — DESIGN §Data:
 * derived on write, in the write's own transaction). A derived row must be written in the same
 * transaction as the source write, so a read-write transaction over a source table is widened to
 * the derived table (and what the derivation reads); only the source tables' DBCoreTables are
 * wrapped, every other table passes through. On a schema without the derived table — a database
 * before its version, opened during an upgrade — the middleware adds nothing.
 */
export interface DerivedTableSpec {
  /** The middleware's name (Dexie keeps one middleware of a name). */
  name: string;
  /** The derived table; the middleware is absent while the schema lacks it. */
  derived: string;
  /** The tables whose writes the derived table follows: their `mutate` is wrapped. */
  sources: readonly string[];
  /**
   * What a read-write transaction over a source table must include: the derived table and any
   * table the derivation reads. Only those not already in it are added. Default: [derived].
   */
  widenTo?: readonly string[];
  /**
   * Called once per DBCore with the core below; returns the wrapper of a source table (given
   * with its name), which adds the derivation around the source's `mutate`.
   */
  wrapSources(down: DBCore): (table: DBCoreTable, tableName: string) => DBCoreTable;
}

/** The DBCore middleware of a derived table (see DerivedTableSpec). */
export function derivedTableMiddleware(spec: DerivedTableSpec): Middleware<DBCore> {
  const sources = new Set(spec.sources);
  const widenTo = spec.widenTo ?? [spec.derived];
  return {
    stack: 'dbcore',
    name: spec.name,
    create(down: DBCore): Partial<DBCore> {
      if (!down.schema.tables.some((t) => t.name === spec.derived)) return {};
      const wrap = spec.wrapSources(down);
      return {
        ...down,
        transaction(stores, mode, options) {
          const missing = mode === 'readwrite' && stores.some((s) => sources.has(s)) ? widenTo.filter((t) => !stores.includes(t)) : [];
          return down.transaction(missing.length === 0 ? stores : [...stores, ...missing], mode, options);
        },
        table(tableName: string): DBCoreTable {
          const table = down.table(tableName);
          return sources.has(tableName) ? wrap(table, tableName) : table;
        },
      };
    },
  };
}

/**
 * Throws the first failure among the derived table's writes, so that the source write they
 * follow fails with it rather than leaving the derived table behind.
 */
export function throwFirstFailure(results: readonly (DBCoreMutateResponse | undefined)[], tableName: string): void {
  for (const r of results) if (r && r.numFailures > 0) throw Object.values(r.failures)[0] ?? new Error(`${tableName} write failed`);
}

/**
 * Puts `values` into the derived table `tableName` (nothing when there are none) and throws its
 * first failure. A Dexie promise chain: a native await would lose Dexie's transaction zone before
 * the next mutate, which Dexie's hooks middleware below reads the transaction from.
 */
export function putDerivedRows(down: DBCore, tableName: string, trans: DBCoreTransaction, values: readonly unknown[]): PromiseLike<void> {
  if (values.length === 0) return Dexie.Promise.resolve();
  return down
    .table(tableName)
    .mutate({ type: 'put', trans, values })
    .then((res) => throwFirstFailure([res], tableName));
}

/** The DBCore key range of exactly `key`. */
export const keyEquals = (key: unknown): DBCoreKeyRange => ({ type: 1, lower: key, upper: key, lowerOpen: false, upperOpen: false });
