/**
 * This machine's 附件 setting (设置): the size limit per file. Local (meta), like the exchange
 * settings: a machine with a small disk may be stricter than another.
 */
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_LIMIT_MB, MAX_ATTACHMENT_LIMIT_MB, MIN_ATTACHMENT_LIMIT_MB } from '../../../../shared/attachments';
import type { SciLedgerDb } from '../database';

export const attachmentSettingsSchema = z.object({
  limitMb: z
    .number({ message: '请填写上限' })
    .int('上限应为整数（MB）')
    .min(MIN_ATTACHMENT_LIMIT_MB, `上限至少 ${MIN_ATTACHMENT_LIMIT_MB} MB`)
    .max(MAX_ATTACHMENT_LIMIT_MB, `上限不能超过 ${MAX_ATTACHMENT_LIMIT_MB} MB（一个附件须能放进一个数据包）`),
});
export type AttachmentSettings = z.infer<typeof attachmentSettingsSchema>;

export const defaultAttachmentSettings: AttachmentSettings = { limitMb: DEFAULT_ATTACHMENT_LIMIT_MB };
const META_KEY = 'attachmentSettings';

export async function readAttachmentSettings(db: SciLedgerDb): Promise<AttachmentSettings> {
  const parsed = attachmentSettingsSchema.safeParse((await db.meta.get(META_KEY))?.value);
  return parsed.success ? parsed.data : defaultAttachmentSettings;
}

export async function saveAttachmentSettings(db: SciLedgerDb, value: AttachmentSettings): Promise<AttachmentSettings> {
  const parsed = attachmentSettingsSchema.parse(value);
  await db.meta.put({ key: META_KEY, value: parsed });
  return parsed;
}
