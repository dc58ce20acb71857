import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { useDb } from '../../db/DbContext';
import type { SciLedgerDb } from '../../db/database';
import { DEFAULT_DELETE_SHARE_LIMIT } from '../../db/sync';

/**
 * Per-machine exchange settings (kept in the local meta table, not synced: each PC decides how
 * careful its imports are). Issue 4: "an import that would delete more than a configurable
 * share of a ledger asks first". How many backups are kept is not here: the desktop main
 * process keeps that setting and changes it only after asking the clerk itself (issue 16), so
 * an older stored `backupMaxTotal` is ignored (z.object drops it).
 */
export const exchangeSettingsSchema = z.object({
  deleteShareLimit: z.number({ message: '请填写比例' }).min(0.01, '比例至少 1%').max(1, '比例不能超过 100%'),
});
export type ExchangeSettings = z.infer<typeof exchangeSettingsSchema>;

export const defaultExchangeSettings: ExchangeSettings = { deleteShareLimit: DEFAULT_DELETE_SHARE_LIMIT };

const META_KEY = 'exchangeSettings';

export async function readExchangeSettings(db: SciLedgerDb): Promise<ExchangeSettings> {
  const stored = (await db.meta.get(META_KEY))?.value;
  const parsed = exchangeSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultExchangeSettings;
}

export async function saveExchangeSettings(db: SciLedgerDb, value: ExchangeSettings): Promise<ExchangeSettings> {
  const parsed = exchangeSettingsSchema.parse(value);
  await db.meta.put({ key: META_KEY, value: parsed });
  return parsed;
}

export function useExchangeSettings(): ExchangeSettings | undefined {
  const db = useDb();
  return useLiveQuery(() => readExchangeSettings(db), [db]);
}
