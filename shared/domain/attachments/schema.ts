import { z } from 'zod';
import { baseRecord, isoDateTime, recordId } from '../common';

/** Lowercase hex SHA-256: the content address of an attachment's bytes (DESIGN §Data 附件). */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const sha256Hex = z.string().regex(SHA256_PATTERN, '文件校验值应为 64 位十六进制 SHA-256');

/** Longest display name kept (Windows paths are short; a name is a label, not a path). */
export const MAX_ATTACHMENT_NAME = 120;

/**
 * 附件: links one stored file (by its SHA-256) to one ledger record. Tracked and synced like
 * any record; the bytes travel separately as `files/<sha256>` in bundles and backups.
 * `table` names the ledger table of the record it belongs to (not checked against the registry
 * here, to avoid a cycle: the sync op schema already refuses unknown tables for the op itself).
 */
export const attachmentSchema = baseRecord.extend({
  table: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,60}$/, '所属台账无效'),
  recordId,
  /** Cleaned display name (shared/attachments/names.ts): never a path, never control characters. */
  name: z
    .string()
    .min(1, '请提供文件名')
    .max(MAX_ATTACHMENT_NAME, `文件名不能超过 ${MAX_ATTACHMENT_NAME} 个字`)
    // eslint-disable-next-line no-control-regex
    .refine((n) => !/[\\/\u0000-\u001f\u007f]/.test(n), '文件名不能包含路径分隔符或控制字符'),
  mime: z.string().max(100),
  size: z.number().int().positive('附件不能为空文件'),
  sha256: sha256Hex,
  addedBy: z.string().max(100),
  addedAt: isoDateTime,
});
export type Attachment = z.infer<typeof attachmentSchema>;
