import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Transaction } from 'dexie';
import { derivedTableMiddleware, keyEquals, throwFirstFailure } from '../derivedTableMiddleware';

/**
 * Live attachments per record (issue 11 "ledgers can filter 有/无附件"): a local derived table
 * `attachmentCounts` {table, id, count} under [table+id], one row per record that has at least
 * one live attachment. Written here, in the transaction of every write to `attachments` — the
 * tracked add/remove/restore, the sync applier and restore alike — by recounting the records
 * the write touched from the attachments' [table+recordId] index. Never synced and never read
 * from a bundle: every machine derives its own (DESIGN §Data "derived on write and recomputed
 * on import"). A ledger then finds the records with files by one key range of this table.
 */
export const ATTACHMENT_COUNTS_TABLE = 'attachmentCounts';
const ATTACHMENTS = 'attachments';

export interface AttachmentCountRow {
  /** The ledger table of the record the files are attached to. */
  table: string;
  id: string;
  /** Live (not removed) attachments, ≥ 1. */
  count: number;
}

type Owner = [string, string];
const ownerOf = (row: unknown): Owner | null => {
  const r = row as { table?: unknown; recordId?: unknown } | undefined;
  return r && typeof r.table === 'string' && typeof r.recordId === 'string' ? [r.table, r.recordId] : null;
};
const isLive = (r: { deletedAt?: unknown }) => r.deletedAt === undefined || r.deletedAt === null;

/** DBCore middleware keeping attachmentCounts in step with every write to attachments. */
export function createAttachmentCountsMiddleware(): Middleware<DBCore> {
  return derivedTableMiddleware({
    name: 'attachmentCounts',
    derived: ATTACHMENT_COUNTS_TABLE, // absent before version 17
    sources: [ATTACHMENTS],
    wrapSources(down) {
      const counts = () => down.table(ATTACHMENT_COUNTS_TABLE);

      /** Owners of the stored attachment rows `keys` (a put may move a file; a delete needs them). */
      async function ownersOf(table: DBCoreTable, trans: DBCoreTransaction, keys: readonly unknown[]): Promise<Owner[]> {
        if (keys.length === 0) return [];
        const rows = await table.getMany({ trans, keys: keys as unknown[] });
        return rows.map(ownerOf).filter((o): o is Owner => o !== null);
      }

      /** Recounts each owner from the [table+recordId] index, in the write's transaction. */
      async function recount(table: DBCoreTable, trans: DBCoreTransaction, owners: readonly Owner[]): Promise<void> {
        const distinct = new Map(owners.map((o) => [`${o[0]}\u0000${o[1]}`, o]));
        if (distinct.size === 0) return;
        const index = table.schema.getIndexByKeyPath(['table', 'recordId']);
        if (!index) throw new Error('attachments has no [table+recordId] index');
        const put: AttachmentCountRow[] = [];
        const gone: Owner[] = [];
        for (const [t, id] of distinct.values()) {
          const { result } = await table.query({ trans, values: true, query: { index, range: keyEquals([t, id]) } });
          const count = (result as { deletedAt?: unknown }[]).filter(isLive).length;
          if (count > 0) put.push({ table: t, id, count });
          else gone.push([t, id]);
        }
        const results: DBCoreMutateResponse[] = [];
        if (put.length > 0) results.push(await counts().mutate({ type: 'put', trans, values: put }));
        if (gone.length > 0) results.push(await counts().mutate({ type: 'delete', trans, keys: gone }));
        throwFirstFailure(results, ATTACHMENT_COUNTS_TABLE);
      }

      function attachmentsTable(table: DBCoreTable): DBCoreTable {
        const pk = table.schema.primaryKey;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            let before: Owner[] = [];
            let after: Owner[] = [];
            if (req.type === 'put' || req.type === 'add') {
              const keys = req.keys ?? (pk.extractKey ? req.values.map((v) => pk.extractKey!(v)) : []);
              // A put may replace a row of another record (never done by the app, but an op may).
              if (req.type === 'put') before = await ownersOf(table, req.trans, keys);
              after = req.values.map(ownerOf).filter((o): o is Owner => o !== null);
            } else if (req.type === 'delete') {
              before = await ownersOf(table, req.trans, req.keys);
            } else if (req.type === 'deleteRange') {
              const { result } = await table.query({ trans: req.trans, values: true, query: { index: pk, range: req.range } });
              before = result.map(ownerOf).filter((o): o is Owner => o !== null);
            }
            const res = await table.mutate(req);
            await recount(table, req.trans, [...before, ...after]);
            return res;
          },
        };
      }

      return attachmentsTable;
    },
  });
}

/** Schema v17 upgrade: the counts of the attachments already on file, read in chunks by id. */
export async function fillAttachmentCounts(tx: Transaction): Promise<void> {
  const CHUNK = 2000;
  const perOwner = new Map<string, AttachmentCountRow>();
  let after: string | null = null;
  for (;;) {
    const query = after === null ? tx.table(ATTACHMENTS).orderBy(':id') : tx.table(ATTACHMENTS).where(':id').above(after);
    const rows = (await query.limit(CHUNK).toArray()) as Record<string, unknown>[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const owner = ownerOf(r);
      if (!owner || !isLive(r)) continue;
      const key = `${owner[0]}\u0000${owner[1]}`;
      const row = perOwner.get(key) ?? { table: owner[0], id: owner[1], count: 0 };
      row.count += 1;
      perOwner.set(key, row);
    }
    after = String(rows[rows.length - 1].id);
  }
  if (perOwner.size > 0) await tx.table(ATTACHMENT_COUNTS_TABLE).bulkPut([...perOwner.values()]);
}

/** Live attachments per record of `table` (records without any are absent): one key range. */
export async function countsOfTable(db: Dexie, table: string, recordIds?: readonly string[]): Promise<Map<string, number>> {
  const store = db.table<AttachmentCountRow>(ATTACHMENT_COUNTS_TABLE);
  const rows = recordIds
    ? (await store.bulkGet(recordIds.map((id) => [table, id]))).filter((r): r is AttachmentCountRow => r !== undefined)
    : await store.where(':id').between([table, Dexie.minKey], [table, Dexie.maxKey]).toArray();
  return new Map(rows.map((r) => [r.id, r.count]));
}

/**
 * Where a roster's files live: a 科技顾问 carries none of their own — their 聘金 凭证 and 工作方案
 * 备案 are attached to stipend and plan records —, a 科技特派员's photos and 签到表 to service
 * logs. "有附件" on a roster means: the record itself or one of these children has a live file.
 */
export const attachmentChildren: Readonly<Record<string, readonly { table: string; parent: string }[]>> = {
  advisors: [
    { table: 'advisorStipends', parent: 'advisorId' },
    { table: 'advisorPlans', parent: 'advisorId' },
  ],
  commissioners: [{ table: 'serviceLogs', parent: 'commissionerId' }],
};

/**
 * Ids of the records of `table` with files (their own or their children's, attachmentChildren):
 * key ranges of attachmentCounts, then only the child records that have files are read — never
 * the ledger itself. A child that was removed (tombstone) no longer counts for its parent.
 */
export async function recordsWithAttachments(db: Dexie, table: string): Promise<Set<string>> {
  const ids = new Set((await countsOfTable(db, table)).keys());
  for (const child of attachmentChildren[table] ?? []) {
    const childIds = [...(await countsOfTable(db, child.table)).keys()];
    if (childIds.length === 0) continue;
    for (const record of await db.table(child.table).bulkGet(childIds)) {
      const parent = (record as Record<string, unknown> | undefined)?.[child.parent];
      if (record && isLive(record) && typeof parent === 'string') ids.add(parent);
    }
  }
  return ids;
}
