/**
 * 附件 (issue 11): files attached to ledger records, stored by SHA-256 (DESIGN §Data).
 *   addAttachments / removeAttachment / restoreAttachment / listAttachments /
 *   attachmentCounts / readAttachmentBytes / readAttachmentBlob          (store.ts)
 *   readAttachmentSettings / saveAttachmentSettings (per-file limit)    (settings.ts)
 *   attachmentUsage (设置: space, largest files, storage estimate)        (usage.ts)
 *   recordsWithAttachments (有/无附件: derived counts per record)        (counts.ts)
 * Bundles and backups carry the bytes: renderer/src/db/sync/attachmentFiles.ts.
 */
export * from './store';
export * from './settings';
export * from './usage';
export { recordsWithAttachments, attachmentChildren } from './counts';
export { isQuotaError, type AttachmentBlobRow, type StorageEstimator } from './blobs';
