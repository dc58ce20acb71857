/**
 * shared/sync — the pure sync core of 数据交换 (DESIGN §Sync, issue 4). No DOM, no Node, no Dexie:
 * the Dexie applier, the sync-folder service and the UI call this API.
 *
 * ─── Ops ──────────────────────────────────────────────────────────────────────────────────────
 *   SyncOp = oplog entry {opId, nodeId, table, id, fields, unset?, deleted, operator, at}
 *            + prev?: Record<field, opId overwritten>
 *            + resolves?: conflict keys this op's value resolves (issue 10)           (op.ts)
 *   syncOpSchema: z.ZodType<SyncOp>   strict structure (no field VALUES)
 *   validateOpFields(op): OpFieldIssue[]   values against the table's zod schema, per field
 *   checkOp(raw, knownTables?): {ok:true, op} | {ok:false, code, message}   both, classified
 *   createOpChecker(knownTables?): the same as one function per read (bundles: it remembers the
 *     text values field schemas accepted). A hand-written check accepts the common valid op;
 *     anything else goes to checkOpBySchema (op.ts), which words every refusal (opCheck.ts)
 *
 * ─── Local writes (change-tracking middleware) ───────────────────────────────────── (local.ts)
 *   localOpFromChange({table, id, before, after, clocks, opId, nodeId, operator, at}): SyncOp | null
 *   advanceClocks(clocks | undefined, op): FieldClocks
 *   In the same transaction as the write: read the record's field clocks, build the op, append it
 *   to the oplog, store advanceClocks(...). `after === undefined` = hard delete. (The app keeps
 *   the clocks inside the record row and the oplog in chunks of ~1,000 ops: renderer/src/db
 *   rowClocks.ts, opChunks.ts.)
 *
 * ─── Merge ─────────────────────────────────────────────────────────────────────── (merge.ts)
 *   applyOps(state: MergeState, ops: readonly SyncOp[], {localNodeId?}): MergeResult
 *     MergeState = { records, clocks, history: Map<table, Map<id, …>>, appliedOpIds: Set<opId> }
 *     MergeResult = { state, summary: {perTable{added,changed,deleted}, applied, skipped,
 *                     conflicts: Conflict[], lostLocalEdits, maxOpId}, changes }
 *   emptyMergeState(); conflictKey(...)
 *   Per-field LWW by opId; tombstones; skipped duplicates; a Conflict for every pair of ops that
 *   overwrote the same value of the same field (their `prev` is equal) — see merge.ts.
 *
 * ─── Bundles ───────────────────────────────────────────────────────────────────── (bundle.ts)
 *   writeBundle({ops, nodeId, nodeName, schemaVersion, bundleId, createdAt, vector, kind,
 *                target?, base?}): Uint8Array        (format 2: an update names its target
 *                machine and the receiver vector it was made on top of)
 *   readBundle(bytes, {currentSchemaVersion, localNodeId, knownTables?, localVector?,
 *              expectedFormatVersion?, maxBytes?, maxEntries?, maxUncompressed?, maxRatio?})
 *   readBundleFromSource(source: ByteSource, same)   the app's reader (bundleSource.ts): the
 *     file read in slices (zipsource.ts: ByteSource {size, read(start, end), release?}; the
 *     renderer wraps a Blob), DecompressionStream + crypto.subtle, same checks and refusals;
 *     attachment files carry `range` so a Blob holder stores slices instead of copies
 *   readBundleAsync(bytes, same) = readBundleFromSource(bytesSource(bytes), same)
 *     → {manifest, ops}; throws BundleError {code, message: Chinese}        (errors.ts)
 *     A zip entry other than manifest.json / ops.jsonl, text that is not UTF-8, and an update
 *     whose base `localVector` does not cover ('base-not-covered') are refused (issue 10).
 *   vectorOf(ops), mergeVectors(...), commonVector(...), opsToSend(localOps, receiverVector)
 *                                                                             (vector.ts)
 *
 * ─── How the Dexie applier uses it ─────────────────────────────────────────────────────────────
 * What it needs locally (never synced): each record's field clocks (FieldClocks; the app keeps
 * them inside the record row), the oplog with a per-record index, which is also the history,
 * `conflicts` (key → Conflict + resolution), `appliedBundles` (bundleId → manifest summary,
 * time). Import of one bundle:
 *   1. `const {manifest, ops} = readBundle(bytes, {...})` — nothing touched yet; on BundleError
 *      show `err.message` and stop. (Skip early if appliedBundles has manifest.bundleId.)
 *   2. In ONE `rw` transaction over the ledger tables + oplog + conflicts + appliedBundles,
 *      marked self-logged (tracking.ts markTransactionSelfLogged):
 *      a. load the SLICE the ops touch: for each distinct (table, id): the record and its field
 *         clocks, its oplog history; appliedOpIds = the ops' opIds found in those histories
 *         (every op held is in its record's history). applyOps reads nothing else. The history
 *         may be left out where `needsHistory(record, clocks, itsOps)` is false (historyNeed.ts:
 *         ops that continue the clocks are new and have no sibling) — and for records with an
 *         open conflict the applier reads it anyway (closeAnsweredConflicts).
 *      b. `const r = applyOps(slice, ops, {localNodeId, senderVector: manifest.vector})`.
 *      c. the delete-share check (DESIGN: "asks first") may use r.summary.perTable[t].deleted
 *         against the table's live count — before writing anything (the transaction aborts).
 *      d. write r.changes.records (record with its clocks), append r.changes.appliedOps to the
 *         oplog, put r.summary.conflicts by key, put appliedBundles[manifest.bundleId].
 *   3. ChangeTracker.receive(r.summary.maxOpId) so later local edits sort after the import, and
 *      warn if |skew| > HLC_SKEW_WARNING_MS, naming manifest.nodeName.
 *   Same result as the pure merge by construction; test both on the same ops anyway (issue 4).
 * Export: `writeBundle({ops: opsToSend(allOplog, receiverVector), vector: vectorOf(allOplog), …})`;
 * a full export/backup passes every op and kind 'full'. Resolving a conflict ("keep mine / keep
 * theirs / edit") is an ordinary local write of the chosen value — always written, even when
 * unchanged — whose prev is the current winner (no new conflict) and whose `resolves` names the
 * conflict, so every machine that imports it closes the same conflict (issue 10).
 * Deletes: the middleware turns every hard delete into a tombstone (deletedAt = op.at), so the
 * local row equals what the merge of the `deleted: true` op gives everywhere else.
 */
export * from './op';
export { checkOp, createOpChecker } from './opCheck';
export * from './merge';
export * from './local';
export * from './vector';
export * from './bundle';
export * from './bundleParts';
export * from './bundleSource';
export { bytesSource, freeCopiedRange, SOURCE_SLICE_BYTES, type ByteSource } from './zipsource';
export * from './errors';
export { readZipEntries, crc32, type ZipLimits } from './zipread';
export { FORBIDDEN_KEYS, findForbiddenKey, isJsonSafe, jsonEqual } from './json';
export { needsHistory } from './historyNeed';
export { BOOKKEEPING_FIELDS, TOMBSTONE_FIELD, checkFieldValue, checkRecordId, isKnownField, tableLabel } from './tables';
