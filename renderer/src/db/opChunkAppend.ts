/**
 * Appending ops to the chunked oplog (opChunks.ts) without leaving a trail of tiny chunks
 * (issue 10): every single-record edit is one op, and written as its own chunk it made the log
 * one row per edit again — the per-record history index and every read of the log grew with it.
 *
 * An append of fewer than OPS_PER_CHUNK ops first looks at the newest chunks (a keys-only read:
 * the op count is part of the primary key) and merges small ones into its own, in the same
 * transaction: the merged chunk replaces them. Which chunks merge follows a size-tiered rule —
 * a chunk joins only while it is at most twice the ops gathered so far and the result stays
 * within OPS_PER_CHUNK — so chunk sizes grow geometrically: an op is rewritten about log₂(1000)
 * ≈ 10 times in its life instead of once per later edit, and only a handful of partly filled
 * chunks ever sit at the tail. Bulk writes (≥ OPS_PER_CHUNK ops) are written as they are.
 *
 * Any set of chunks may merge: a chunk is just ops in opId order with their heads and records
 * (chunkOps recomputes both), and readers never assume chunks cover disjoint opId ranges.
 */
import type { DBCoreKeyRange, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { SyncOp } from '../../../shared/sync/op';
import { chunkOps, OPS_PER_CHUNK, type OpChunk } from './opChunks';

/** How many of the newest chunks an append considers for merging. */
const TAIL_CHUNKS = 8;

type ChunkKey = [string, number];

/** Appends running in one transaction, chained: two must never merge the same chunk. */
const running = new WeakMap<object, Promise<unknown>>();

/**
 * Adds `ops` (each new to the log) to the chunk store `store` inside `trans`, merging small
 * recent chunks (see above). A failed write aborts the transaction: the data must not commit
 * without its log.
 */
export function appendOps(store: DBCoreTable, trans: DBCoreTransaction, ops: readonly SyncOp[]): Promise<void> {
  if (ops.length === 0) return Promise.resolve();
  const before = running.get(trans) ?? Promise.resolve();
  const done = before.then(() => appendNow(store, trans, ops));
  running.set(trans, done.catch(() => undefined));
  return done.catch((err: unknown) => {
    try {
      trans.abort();
    } catch {
      /* already finished */
    }
    throw err;
  });
}

/** The newest chunks to merge with `count` new ops (newest first), by key alone. */
export function chunksToMerge(newestKeys: readonly ChunkKey[], count: number, limit: number = OPS_PER_CHUNK): ChunkKey[] {
  const picked: ChunkKey[] = [];
  let size = count;
  if (size >= limit) return picked;
  for (const key of newestKeys) {
    const n = key[1];
    if (n + size > limit) continue; // full enough: it stays as it is
    if (n > 2 * size) break; // much larger than what is gathered: merging it now would rewrite it too often
    picked.push(key);
    size += n;
  }
  return picked;
}

const ANY = { type: 3 /* DBCoreRangeType.Any */ } as DBCoreKeyRange;

function check(res: DBCoreMutateResponse): void {
  if (res.numFailures > 0) throw Object.values(res.failures)[0] ?? new Error('oplog write failed');
}

async function appendNow(store: DBCoreTable, trans: DBCoreTransaction, ops: readonly SyncOp[]): Promise<void> {
  let merged: readonly SyncOp[] = ops;
  if (ops.length < OPS_PER_CHUNK) {
    const { result } = await store.query({ trans, values: false, limit: TAIL_CHUNKS, direction: 'prev', query: { index: store.schema.primaryKey, range: ANY } });
    const picked = chunksToMerge(result as ChunkKey[], ops.length);
    if (picked.length > 0) {
      const rows = (await store.getMany({ trans, keys: picked })) as (OpChunk | undefined)[];
      const all = [...ops];
      const adding = new Set(ops.map((op) => op.opId));
      for (const row of rows) {
        for (const op of row?.ops ?? []) {
          // The log holds each op once; without merging, the same chunk key would fail the add.
          if (adding.has(op.opId)) throw new Error(`操作记录中已有同一操作（${op.opId}），写入已取消`);
          all.push(op);
        }
      }
      merged = all;
      check(await store.mutate({ type: 'delete', trans, keys: picked }));
    }
  }
  check(await store.mutate({ type: 'add', trans, values: chunkOps(merged) }));
}
