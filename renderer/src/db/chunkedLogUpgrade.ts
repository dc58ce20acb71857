/**
 * Schema v14 upgrade (issue 10, writes near raw speed): from one oplog row per op and a separate
 * fieldClocks store to op chunks (opChunks.ts) and clocks inside the record rows (rowClocks.ts).
 * Nothing is dropped: every op goes into a chunk unchanged, every clock row into its record —
 * or into its 待补全 row, or, for a record removed by a hard delete before deletes became
 * tombstones, into the tombstone its own ops rebuild (the row every other machine holds).
 * Runs in the versionchange transaction, a page at a time, so memory stays bounded at 100,000s of
 * ops; not change-tracked (every machine runs it itself, deterministically).
 */
import type { Transaction } from 'dexie';
import { ledgerTableNames, type LedgerTableName } from '../../../shared/domain/ledgerTables';
import { applyOps, emptyMergeState } from '../../../shared/sync/merge';
import type { SyncOp } from '../../../shared/sync/op';
import { TOMBSTONE_FIELD } from '../../../shared/sync/tables';
import { chunkOps, LEGACY_OPLOG_TABLE, OP_CHUNKS_TABLE, OPS_PER_CHUNK } from './opChunks';
import { withClocks } from './rowClocks';
import { FIELD_CLOCKS_TABLE, type ClockRow } from './trackingLayout';

const PAGE = 2000;
const PENDING_TABLE = 'pendingRecords';

export async function moveToChunkedLog(tx: Transaction): Promise<void> {
  await chunkTheOplog(tx);
  await moveClocksIntoRows(tx);
}

async function chunkTheOplog(tx: Transaction): Promise<void> {
  const oplog = tx.table(LEGACY_OPLOG_TABLE);
  let after: string | null = null;
  for (;;) {
    const page = (await (after === null ? oplog.orderBy(':id') : oplog.where(':id').above(after)).limit(OPS_PER_CHUNK).toArray()) as SyncOp[];
    if (page.length === 0) return;
    await tx.table(OP_CHUNKS_TABLE).bulkAdd(chunkOps(page, OPS_PER_CHUNK));
    after = page[page.length - 1].opId;
  }
}

async function moveClocksIntoRows(tx: Transaction): Promise<void> {
  const known = new Set<string>(ledgerTableNames);
  const clockStore = tx.table(FIELD_CLOCKS_TABLE);
  let after: [string, string] | null = null;
  for (;;) {
    const page = (await (after === null ? clockStore.orderBy(':id') : clockStore.where(':id').above(after)).limit(PAGE).toArray()) as ClockRow[];
    if (page.length === 0) return;
    after = [page[page.length - 1].table, page[page.length - 1].id];
    const byTable = new Map<string, ClockRow[]>();
    for (const row of page) {
      if (!known.has(row.table)) continue;
      const list = byTable.get(row.table);
      if (list) list.push(row);
      else byTable.set(row.table, [row]);
    }
    for (const [table, rows] of byTable) await moveTableClocks(tx, table as LedgerTableName, rows);
  }
}

async function moveTableClocks(tx: Transaction, table: LedgerTableName, clockRows: ClockRow[]): Promise<void> {
  const records = (await tx.table(table).bulkGet(clockRows.map((c) => c.id))) as (Record<string, unknown> | undefined)[];
  const rows: Record<string, unknown>[] = [];
  const missing: ClockRow[] = [];
  clockRows.forEach((c, i) => {
    const record = records[i];
    if (record) rows.push(withClocks(record, c.clocks));
    else missing.push(c);
  });
  if (rows.length > 0) await tx.table(table).bulkPut(rows);
  if (missing.length === 0) return;
  const pending = (await tx.table(PENDING_TABLE).bulkGet(missing.map((c) => [table, c.id]))) as (Record<string, unknown> | undefined)[];
  const waiting: Record<string, unknown>[] = [];
  const tombstones: Record<string, unknown>[] = [];
  for (const [i, c] of missing.entries()) {
    if (pending[i]) {
      waiting.push({ ...pending[i], clocks: c.clocks });
      continue;
    }
    // Hard-deleted here before deletes became tombstones: rebuild the record from its ops.
    const ops = (await tx.table(LEGACY_OPLOG_TABLE).where('[table+id]').equals([table, c.id]).toArray()) as SyncOp[];
    const rebuilt = applyOps(emptyMergeState(), ops).changes.records[0];
    const deletedAt = rebuilt?.record[TOMBSTONE_FIELD];
    if (rebuilt && deletedAt !== undefined && deletedAt !== null) tombstones.push(withClocks(rebuilt.record, c.clocks));
  }
  if (waiting.length > 0) await tx.table(PENDING_TABLE).bulkPut(waiting);
  if (tombstones.length > 0) await tx.table(table).bulkPut(tombstones);
}
