import { Dexie, type DBCore, type DBCoreIndex, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Transaction } from 'dexie';
import { digestOf, emptyDigest, type AdvisorDigest, type AdvisorRecords } from '../../../shared/domain/advisors/digest';
import type { SciLedgerDb } from './database';
import { derivedTableMiddleware, keyEquals, putDerivedRows } from './derivedTableMiddleware';

/**
 * 科技顾问 digests (issue 9): per advisor, the year's figures and what the reminders test
 * (shared/domain/advisors/digest.ts), in a local table keyed by advisorId. Written by the write
 * path — this middleware recomputes the digest of every advisor whose records a write touches,
 * in the write's own transaction — so the roster shows 提醒 and this year's figures for a page
 * of advisors from one read of their digests, never from their child tables.
 *
 * Derived on this machine like the ledger key rows: the tracker never sees the table (it is
 * written below nothing that logs), bundles never carry it, and an import or restore writes the
 * records through Dexie, so their digests are recomputed here from what was stored.
 */
export const ADVISOR_DIGESTS_TABLE = 'advisorDigests';

/** The records a digest is made of, by table. 工作方案 (advisorPlans) are not part of it. */
const sources = {
  advisorActivities: 'activities',
  advisorSuggestions: 'suggestions',
  advisorStipends: 'stipends',
  advisorEvaluations: 'evaluations',
} as const satisfies Record<string, keyof AdvisorRecords>;
type SourceTable = keyof typeof sources;
const sourceTables = Object.keys(sources) as SourceTable[];

/** Above this many advisors at once (an import), one scan of each table's advisorId index beats a lookup per advisor. */
const SCAN_OVER = 200;

const between = (lower: string, upper: string): DBCoreKeyRange => ({ type: 2, lower, upper, lowerOpen: false, upperOpen: false });

type Row = Record<string, unknown>;
const advisorIdOf = (row: unknown): string | undefined => {
  const id = (row as Row | undefined)?.advisorId;
  return typeof id === 'string' ? id : undefined;
};

export function createAdvisorDigestsMiddleware(): Middleware<DBCore> {
  return derivedTableMiddleware({
    name: 'advisorDigests',
    derived: ADVISOR_DIGESTS_TABLE, // absent before version 16
    sources: sourceTables,
    // A digest is recomputed from all four tables: a write to one reads the others.
    widenTo: [...sourceTables, ADVISOR_DIGESTS_TABLE],
    wrapSources(down) {
      const byAdvisor = (table: DBCoreTable): DBCoreIndex => table.schema.indexes.find((i) => i.name === 'advisorId')!;

      // Promise chains of Dexie promises only, never async/await or the global Promise.all:
      // Dexie's hooks middleware below reads the transaction from Dexie's zone, which a native
      // await does not carry over into the next mutate.
      /** The records of `ids` in one source table, grouped by advisor. */
      function recordsOf(trans: DBCoreTransaction, tableName: SourceTable, ids: string[]): PromiseLike<Map<string, Row[]>> {
        const table = down.table(tableName);
        const index = byAdvisor(table);
        const grouped = new Map<string, Row[]>();
        const add = (row: Row) => {
          const id = advisorIdOf(row);
          if (id === undefined) return;
          const list = grouped.get(id);
          if (list) list.push(row);
          else grouped.set(id, [row]);
        };
        if (ids.length > SCAN_OVER) {
          const sorted = [...ids].sort();
          const wanted = new Set(ids);
          return table.query({ trans, values: true, query: { index, range: between(sorted[0], sorted[sorted.length - 1]) } }).then(({ result }) => {
            for (const row of result as Row[]) if (wanted.has(advisorIdOf(row) ?? '')) add(row);
            return grouped;
          });
        }
        return Dexie.Promise.all(ids.map((id) => table.query({ trans, values: true, query: { index, range: keyEquals(id) } }))).then((found) => {
          for (const { result } of found) for (const row of result as Row[]) add(row);
          return grouped;
        });
      }

      /** Recomputes and stores the digests of `ids` from their records as they now stand. */
      function recompute(trans: DBCoreTransaction, ids: Set<string>): PromiseLike<void> {
        if (ids.size === 0) return Dexie.Promise.resolve();
        const list = [...ids];
        return Dexie.Promise.all(sourceTables.map((t) => recordsOf(trans, t, list)))
          .then((parts) => {
            const values = list.map((id) => {
              const records = {} as Record<keyof AdvisorRecords, Row[]>;
              sourceTables.forEach((t, i) => (records[sources[t]] = parts[i].get(id) ?? []));
              return digestOf(id, records as unknown as AdvisorRecords);
            });
            return putDerivedRows(down, ADVISOR_DIGESTS_TABLE, trans, values);
          });
      }

      function sourceTable(table: DBCoreTable): DBCoreTable {
        const pk = table.schema.primaryKey;
        const keysOf = (req: { keys?: unknown[]; values: readonly unknown[] }) => req.keys ?? req.values.map((v) => (pk.extractKey ? pk.extractKey(v) : undefined));
        /** Advisors of the records stored under `keys` before the write (a put may move a record, a delete names only keys). */
        const before = (trans: DBCoreTransaction, keys: unknown[]): PromiseLike<(string | undefined)[]> => {
          const known = keys.filter((k) => k !== undefined);
          return known.length ? table.getMany({ trans, keys: known }).then((found) => found.map(advisorIdOf)) : Dexie.Promise.resolve([]);
        };
        const collect = (into: Set<string>, ids: (string | undefined)[]) => {
          for (const id of ids) if (id !== undefined) into.add(id);
          return into;
        };
        /** The write, then the digests of `affected` (computed once the write is in). */
        const thenRecompute = (req: DBCoreMutateRequest, affected: () => Set<string>): Promise<DBCoreMutateResponse> =>
          table.mutate(req).then((res) => recompute(req.trans, affected()).then(() => res));
        return {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            switch (req.type) {
              case 'add':
                return thenRecompute(req, () => collect(new Set(), req.values.map(advisorIdOf)));
              case 'put':
                return before(req.trans, keysOf(req)).then((old) => thenRecompute(req, () => collect(collect(new Set(), old), req.values.map(advisorIdOf)))) as Promise<DBCoreMutateResponse>;
              case 'delete':
                return before(req.trans, req.keys).then((old) => thenRecompute(req, () => collect(new Set(), old))) as Promise<DBCoreMutateResponse>;
              case 'deleteRange':
                return table
                  .query({ trans: req.trans, values: true, query: { index: pk, range: req.range } })
                  .then(({ result }) => thenRecompute(req, () => collect(new Set(), (result as Row[]).map(advisorIdOf))));
              default:
                return table.mutate(req);
            }
          },
        };
      }

      return sourceTable;
    },
  });
}

/** The digests of `ids` (an advisor with no records on file has none stored: an empty one). */
export async function readDigests(db: SciLedgerDb, ids: readonly string[]): Promise<Map<string, AdvisorDigest>> {
  const stored = (await db.table(ADVISOR_DIGESTS_TABLE).bulkGet([...ids])) as (AdvisorDigest | undefined)[];
  return new Map(ids.map((id, i) => [id, stored[i] ?? emptyDigest(id)]));
}

/**
 * Schema v16 upgrade: the digests of every advisor with records on file, derived here. The
 * advisors are found from the records' keys chunk by chunk, then digested 500 at a time, so
 * memory stays bounded at 100,000 advisors.
 */
export async function fillAdvisorDigests(tx: Transaction): Promise<void> {
  const advisorIds = new Set<string>();
  for (const table of sourceTables) {
    await tx.table(table).orderBy('advisorId').eachUniqueKey((key) => {
      if (typeof key === 'string') advisorIds.add(key);
    });
  }
  const all = [...advisorIds].sort();
  const CHUNK = 500;
  for (let i = 0; i < all.length; i += CHUNK) {
    const ids = all.slice(i, i + CHUNK);
    const parts = await Promise.all(sourceTables.map((t) => tx.table(t).where('advisorId').anyOf(ids).toArray() as Promise<Row[]>));
    const byAdvisor = new Map(ids.map((id) => [id, { activities: [], suggestions: [], stipends: [], evaluations: [] } as Record<keyof AdvisorRecords, Row[]>]));
    sourceTables.forEach((t, k) => {
      for (const row of parts[k]) byAdvisor.get(row.advisorId as string)?.[sources[t]].push(row);
    });
    const digests = ids.map((id) => digestOf(id, byAdvisor.get(id) as unknown as AdvisorRecords));
    await tx.table(ADVISOR_DIGESTS_TABLE).bulkPut(digests);
  }
}
