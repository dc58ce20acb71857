/**
 * Size limits of attachments. The per-file limit is the clerk's setting (设置); it is capped so
 * that one file always fits into one sync bundle (MAX_SYNC_BUNDLE_BYTES 200 MB) with its ops.
 */
export const MB = 1024 * 1024;
export const DEFAULT_ATTACHMENT_LIMIT_MB = 50;
export const MIN_ATTACHMENT_LIMIT_MB = 1;
export const MAX_ATTACHMENT_LIMIT_MB = 150;

/** The limit in bytes for a setting in MB (missing or out of range → the default or the cap). */
export function attachmentLimitBytes(limitMb: number | undefined): number {
  if (limitMb === undefined || !Number.isFinite(limitMb)) return DEFAULT_ATTACHMENT_LIMIT_MB * MB;
  return Math.round(Math.min(MAX_ATTACHMENT_LIMIT_MB, Math.max(MIN_ATTACHMENT_LIMIT_MB, limitMb)) * MB);
}
