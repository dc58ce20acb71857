import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { serviceYears, summariseServiceYear, type ServiceYearTotals } from '../../../shared/domain/commissioners/compliance';
import type { CooperationAgreement } from '../../../shared/domain/commissioners/schema';
import { derivedTableMiddleware, throwFirstFailure } from './derivedTableMiddleware';
import { asComplianceLog, factOf, SERVICE_LOG_FACTS_TABLE, type ServiceLogFact, type ServiceLogFactRow } from './serviceLogFacts';

/**
 * Service-year summaries (issue 12 bench, schema v15): one small row per (agreement, service
 * year) — visits, days, entries, first and last date — so 履职监测 over 1,000 agreements reads
 * one row each instead of each agreement's logs. A LOCAL derived table: written by the write
 * path in the same transaction as the log or agreement write (this DBCore middleware), filled by
 * the v15 migration, never synced and never read from a bundle — an import writes logs and
 * agreements through Dexie like any edit, and their summaries are recomputed here.
 *
 * Recomputing an agreement's rows from its service-log facts (keys only) rather than adding and
 * subtracting keeps them exact under edits, tombstones, restores and date changes of the
 * agreement itself, at the cost of one key range per written agreement.
 */
export const SERVICE_YEAR_SUMMARIES_TABLE = 'serviceYearSummaries';
const LOGS = 'serviceLogs';
const AGREEMENTS = 'cooperationAgreements';

export interface ServiceYearSummaryRow extends ServiceYearTotals {
  agreementId: string;
  /** The service year, as compliance.ts's serviceYears gives it for the agreement today. */
  start: string;
  end: string;
}

type AgreementDates = Pick<CooperationAgreement, 'id' | 'startDate' | 'endDate' | 'terminatedDate'> & { deletedAt?: string | null };

/** The rows of one agreement from its facts (no rows for a tombstoned or undated agreement). */
export function summariesOf(agreement: AgreementDates, facts: readonly ServiceLogFact[]): ServiceYearSummaryRow[] {
  if (agreement.deletedAt) return [];
  const logs = facts.map(asComplianceLog);
  return serviceYears(agreement).map((year) => ({ agreementId: agreement.id, start: year.start, end: year.end, ...summariseServiceYear(year, logs) }));
}

// [a] sorts before every [a, …]; an array after any string, so [a, []] after every [a, date, …].
const agreementRange = (agreementId: string): DBCoreKeyRange => ({ type: 2, lower: [agreementId], upper: [agreementId, []], lowerOpen: false, upperOpen: false });

const storesOf = (trans: DBCoreTransaction): DOMStringList | undefined => (trans as unknown as IDBTransaction).objectStoreNames;

/** Recomputes every summary row of `agreementIds` inside `trans` (deduplicated). */
async function recompute(down: DBCore, trans: DBCoreTransaction, agreementIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(agreementIds)];
  if (ids.length === 0) return;
  const summaries = down.table(SERVICE_YEAR_SUMMARIES_TABLE);
  const facts = down.table(SERVICE_LOG_FACTS_TABLE);
  const agreements = (await down.table(AGREEMENTS).getMany({ trans, keys: ids })) as (AgreementDates | undefined)[];
  const rows: ServiceYearSummaryRow[] = [];
  const results: DBCoreMutateResponse[] = [];
  await Promise.all(
    ids.map(async (id, i) => {
      const range = agreementRange(id);
      const [{ result: keys }] = await Promise.all([
        facts.query({ trans, values: false, query: { index: facts.schema.primaryKey, range } }),
        summaries.mutate({ type: 'deleteRange', trans, range }).then((r) => void results.push(r)),
      ]);
      const agreement = agreements[i];
      if (agreement) rows.push(...summariesOf(agreement, keys as unknown as ServiceLogFact[]));
    }),
  );
  if (rows.length) results.push(await summaries.mutate({ type: 'put', trans, values: rows }));
  throwFirstFailure(results, SERVICE_YEAR_SUMMARIES_TABLE);
}

/** Two facts (or their absence) are the same: what the summaries count did not change. */
function sameFact(a: ServiceLogFactRow | undefined, b: ServiceLogFactRow | undefined): boolean {
  if (!a || !b) return a === b;
  return a.agreementId === b.agreementId && a.date === b.date && a.mode === b.mode && a.days === b.days && a.id === b.id;
}

/** DBCore middleware: recomputes the summaries of every agreement a log or agreement write touches. */
export function createServiceYearSummariesMiddleware(): Middleware<DBCore> {
  return derivedTableMiddleware({
    name: 'serviceYearSummaries',
    derived: SERVICE_YEAR_SUMMARIES_TABLE, // absent before version 15
    sources: [LOGS, AGREEMENTS],
    // A recompute reads the agreement and its facts.
    widenTo: [SERVICE_YEAR_SUMMARIES_TABLE, SERVICE_LOG_FACTS_TABLE, AGREEMENTS],
    wrapSources(down) {
      /** Not during an upgrade to a version before 15, when the store does not exist yet. */
      const active = (trans: DBCoreTransaction) => storesOf(trans)?.contains(SERVICE_YEAR_SUMMARIES_TABLE) ?? true;

      /** Agreement ids of the logs `keys` (their stored records; a log never changes agreement unnoticed). */
      async function agreementsOfLogs(table: DBCoreTable, trans: DBCoreTransaction, keys: readonly unknown[]): Promise<string[]> {
        const records = (await table.getMany({ trans, keys: [...keys] })) as ({ agreementId?: unknown } | undefined)[];
        return records.map((r) => r?.agreementId).filter((a): a is string => typeof a === 'string');
      }

      function logsTable(table: DBCoreTable): DBCoreTable {
        const pk = table.schema.primaryKey;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            if (!active(req.trans)) return table.mutate(req);
            if (req.type === 'put') {
              // Only logs whose fact changes (agreement, date, 线上/线下, days, tombstone) change a
              // summary: an edit of the content or notes recomputes nothing. A moved log
              // recomputes both its old and its new agreement.
              const keys = req.keys ?? req.values.map((v) => (pk.extractKey ? pk.extractKey(v) : undefined));
              const known = keys.map((k, i) => [k, i] as const).filter(([k]) => k !== undefined);
              const old = (await table.getMany({ trans: req.trans, keys: known.map(([k]) => k) })) as (Record<string, unknown> | undefined)[];
              const touched: string[] = [];
              const agreementOf = (r: Record<string, unknown> | undefined) => (typeof r?.agreementId === 'string' ? r.agreementId : undefined);
              const oldAt = new Map(known.map(([, i], j) => [i, old[j]]));
              req.values.forEach((value, i) => {
                const before = oldAt.get(i);
                const after = value as Record<string, unknown>;
                if (before && sameFact(factOf(before), factOf({ ...after, id: before.id }))) return;
                for (const a of [agreementOf(before), agreementOf(after)]) if (a !== undefined) touched.push(a);
              });
              const res = await table.mutate(req);
              await recompute(down, req.trans, touched);
              return res;
            }
            // The agreement a log belonged to before the write (an edit may move it to another).
            let before: string[] = [];
            if (req.type === 'delete') {
              before = await agreementsOfLogs(table, req.trans, req.keys.filter((k) => k !== undefined));
            } else if (req.type === 'deleteRange') {
              // A clear(): every agreement with a live log, from the facts' keys (no record read).
              const facts = down.table(SERVICE_LOG_FACTS_TABLE);
              const { result } = await facts.query({ trans: req.trans, values: false, query: { index: facts.schema.primaryKey, range: { type: 3 } as DBCoreKeyRange } });
              before = (result as unknown as ServiceLogFact[]).map((k) => k[0]);
            }
            const res = await table.mutate(req);
            const after = req.type === 'add' ? req.values.map((v) => (v as { agreementId?: unknown }).agreementId).filter((a): a is string => typeof a === 'string') : [];
            await recompute(down, req.trans, [...before, ...after]);
            return res;
          },
        };
      }

      function agreementsTable(table: DBCoreTable): DBCoreTable {
        const pk = table.schema.primaryKey;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            if (!active(req.trans)) return table.mutate(req);
            let ids: string[];
            if (req.type === 'deleteRange') {
              const { result } = await table.query({ trans: req.trans, values: false, query: { index: pk, range: req.range } });
              ids = result as string[];
            } else if (req.type === 'delete') ids = req.keys as string[];
            else ids = req.values.map((v, i) => String(req.keys?.[i] ?? (v as { id: string }).id));
            const res = await table.mutate(req);
            // Dates or a tombstone may have changed the service years: rebuild the agreement's rows.
            await recompute(down, req.trans, ids);
            return res;
          },
        };
      }

      return (table: DBCoreTable, tableName: string): DBCoreTable => (tableName === LOGS ? logsTable(table) : agreementsTable(table));
    },
  });
}

/** Schema v15 upgrade: the summaries of every agreement on file, from the facts v12 derived. */
export async function fillServiceYearSummaries(tx: Transaction): Promise<void> {
  const agreements = (await tx.table(AGREEMENTS).toArray()) as AgreementDates[];
  const rows: ServiceYearSummaryRow[] = [];
  for (const agreement of agreements) {
    const keys = (await tx.table(SERVICE_LOG_FACTS_TABLE).where(':id').between([agreement.id], [agreement.id, []], true, true).primaryKeys()) as unknown as ServiceLogFact[];
    rows.push(...summariesOf(agreement, keys));
  }
  await tx.table(SERVICE_YEAR_SUMMARIES_TABLE).bulkPut(rows);
}
