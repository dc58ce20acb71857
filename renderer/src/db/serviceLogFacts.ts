import type { Dexie, DBCore, DBCoreIndex, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { derivedTableMiddleware, keyEquals, throwFirstFailure } from './derivedTableMiddleware';

/**
 * 服务日志 facts (issue 12 bench): what compliance counts of each log — agreement, date, 线上/线下,
 * days — as the compound PRIMARY KEY of a local table, [agreementId+date+mode+days+id]. Every
 * agreement's service year is then one getAllKeys over a key range: no record is read or
 * deserialised, which is what made 履职监测 over 100,000 logs slow. Derived here on write, in the
 * write's own transaction, like the ledger key rows; never synced (a machine derives its own).
 * A tombstoned log has no fact.
 */
export const SERVICE_LOG_FACTS_TABLE = 'serviceLogFacts';
const LOGS = 'serviceLogs';

/** agreementId, date, 线上/线下, days, log id. */
export type ServiceLogFact = [string, string, string, number, string];

export interface ServiceLogFactRow {
  agreementId: string;
  date: string;
  mode: string;
  days: number;
  id: string;
}

/** The fact of a stored log, or undefined when it is tombstoned or lacks what compliance counts. */
export function factOf(record: Record<string, unknown>): ServiceLogFactRow | undefined {
  const { agreementId, date, mode, days, id, deletedAt } = record;
  if (deletedAt || typeof agreementId !== 'string' || typeof date !== 'string' || typeof mode !== 'string' || typeof days !== 'number' || typeof id !== 'string') return undefined;
  return { agreementId, date, mode, days, id };
}

/** The primary key of a fact row. */
const factKeyOf = (r: ServiceLogFactRow): ServiceLogFact => [r.agreementId, r.date, r.mode, r.days, r.id];
/** A fact key as one string, for comparing keys (no part holds a NUL). */
const keyText = (k: ServiceLogFact): string => `${k[0]}\u0000${k[1]}\u0000${k[2]}\u0000${k[3]}\u0000${k[4]}`;

/** A fact as compliance.ts counts it. */
export const asComplianceLog = ([, date, mode, days]: ServiceLogFact) => ({ date, mode: mode as '线上' | '线下', days });

/** The facts of one agreement between two dates (inclusive), by key only. */
export function agreementFacts(db: Dexie, agreementId: string, from: string, to: string): Promise<ServiceLogFact[]> {
  return db
    .table(SERVICE_LOG_FACTS_TABLE)
    .where(':id')
    // [a, from] sorts before every [a, from, …]; an array sorts after any string, so [a, to, []]
    // after every [a, to, mode, …].
    .between([agreementId, from], [agreementId, to, []], true, true)
    .primaryKeys()
    .then((keys) => keys as unknown as ServiceLogFact[]);
}

/** DBCore middleware writing the facts of every serviceLogs write in its transaction. */
export function createServiceLogFactsMiddleware(): Middleware<DBCore> {
  return derivedTableMiddleware({
    name: 'serviceLogFacts',
    derived: SERVICE_LOG_FACTS_TABLE, // absent before version 12
    sources: [LOGS],
    wrapSources(down) {
      const facts = () => down.table(SERVICE_LOG_FACTS_TABLE);
      const byId = (): DBCoreIndex => facts().schema.indexes.find((i) => i.name === 'id')!;

      /** Primary keys of the facts of `ids` (a log has at most one, but an edit changes its key). */
      async function factKeys(trans: DBCoreTransaction, ids: readonly string[]): Promise<unknown[]> {
        const index = byId();
        const found = await Promise.all(ids.map((id) => facts().query({ trans, values: false, query: { index, range: keyEquals(id) } })));
        return found.flatMap((r) => r.result);
      }

      async function replace(trans: DBCoreTransaction, ids: readonly string[], rows: ServiceLogFactRow[], lookUpOld: boolean): Promise<void> {
        let old = lookUpOld ? await factKeys(trans, ids) : [];
        // A fact whose key is unchanged (an edit of a field compliance does not count: notes,
        // content, attachments) is neither deleted nor written again: its row is its key.
        if (old.length && rows.length) {
          const kept = new Set(old.map((k) => keyText(k as ServiceLogFact)));
          const fresh = rows.filter((r) => !kept.has(keyText(factKeyOf(r))));
          const written = new Set(rows.map((r) => keyText(factKeyOf(r))));
          old = old.filter((k) => !written.has(keyText(k as ServiceLogFact)));
          rows = fresh;
        }
        const results: DBCoreMutateResponse[] = [];
        if (old.length) results.push(await facts().mutate({ type: 'delete', trans, keys: old }));
        if (rows.length) results.push(await facts().mutate({ type: 'put', trans, values: rows }));
        throwFirstFailure(results, SERVICE_LOG_FACTS_TABLE);
      }

      function logsTable(table: DBCoreTable): DBCoreTable {
        const pk = table.schema.primaryKey;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            switch (req.type) {
              case 'add':
              case 'put':
                return table.mutate(req).then(async (res) => {
                  const ids: string[] = [];
                  const rows: ServiceLogFactRow[] = [];
                  req.values.forEach((value, i) => {
                    if (res.numFailures > 0 && res.failures[i] != null) return;
                    const record = value as Record<string, unknown>;
                    const id = String(req.keys?.[i] ?? (pk.extractKey ? pk.extractKey(record) : undefined) ?? res.results?.[i]);
                    ids.push(id);
                    const fact = factOf({ ...record, id });
                    if (fact) rows.push(fact);
                  });
                  // A new record has no fact yet; a put may move one (new date, mode or days) or drop it (tombstone).
                  await replace(req.trans, ids, rows, req.type === 'put');
                  return res;
                });
              case 'delete':
                return table.mutate(req).then(async (res) => {
                  if (res.numFailures === 0) await replace(req.trans, req.keys as string[], [], true);
                  return res;
                });
              case 'deleteRange':
                return table
                  .query({ trans: req.trans, values: false, query: { index: pk, range: req.range } })
                  .then(({ result }) => table.mutate(req).then(async (res) => {
                    if (res.numFailures === 0) await replace(req.trans, result as string[], [], true);
                    return res;
                  }));
              default:
                return table.mutate(req);
            }
          },
        };
      }

      return logsTable;
    },
  });
}

/** Schema v12 upgrade: the facts of the logs already on file, read in chunks by id. */
export async function fillServiceLogFacts(tx: Transaction): Promise<void> {
  const CHUNK = 2000;
  let after: string | null = null;
  for (;;) {
    const query = after === null ? tx.table(LOGS).orderBy(':id') : tx.table(LOGS).where(':id').above(after);
    const records = (await query.limit(CHUNK).toArray()) as Record<string, unknown>[];
    if (records.length === 0) break;
    await tx.table(SERVICE_LOG_FACTS_TABLE).bulkPut(records.map(factOf).filter((f): f is ServiceLogFactRow => !!f));
    after = String(records[records.length - 1].id);
  }
}
