/**
 * 数据交换 on the local database (DESIGN §Sync, issue 4): the Dexie side of shared/sync.
 *
 *   getLocalVector, getNodeName, setNodeName                                (node.ts)
 *   exportBundle(db, {kind, receiverVector?, now?})                  (exportBundle.ts)
 *   previewBundle / importBundle (LargeDeleteError code 'LARGE_DELETE') (importBundle.ts)
 *   listConflicts / resolveConflict                                    (conflicts.ts)
 *   previewRestore / restoreFromBundle                                    (restore.ts)
 *   dumpLedgers                                                              (dump.ts)
 *   listPendingRecords (待补全: records waiting for missing ops)          (pending.ts)
 *   restoreDeletedRecord (恢复 a record deleted while edited elsewhere) (deletedEdits.ts)
 * Bad bundles throw shared/sync BundleError (re-exported) before the database is touched.
 */
export { DEFAULT_NODE_NAME, getLocalVector, getNodeName, setNodeName } from './node';
export { bundleFileName, exportBundle } from './exportBundle';
export { DEFAULT_DELETE_SHARE_LIMIT, LargeDeleteError, SKEW_WARNING_MS, importBundle, previewBundle, type ImportOptions, type LargeDeleteTable } from './importBundle';
export { listConflicts, resolveConflict, type ConflictChoice } from './conflicts';
export { RestoreError, previewRestore, restoreFromBundle } from './restore';
export { dumpLedgers } from './dump';
export { listPendingRecords, type PendingRecordView } from './pending';
export { restoreDeletedRecord, type DeletedRecordEdit } from './deletedEdits';
export { BundleError } from '../../../../shared/sync';
export type * from './types';
