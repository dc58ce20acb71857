import { operatorNameSchema } from '../../../shared/domain/settings/schema';
import type { SciLedgerDb } from './database';
import { metaKeys } from './oplog';
import { setCurrentOperator } from './tracking';

/**
 * Per-installation facts in the local `meta` table (never synced): the nodeId that stamps this
 * machine's ops and the 操作员 name (DESIGN §Sync; settings/schema.ts: the operator belongs to
 * one machine, not to the synced settings). Plain table reads, so they work in useLiveQuery.
 */

/** This installation's UUID, created when the database is first opened. */
export async function getNodeId(db: SciLedgerDb): Promise<string> {
  const entry = await db.meta.get(metaKeys.nodeId);
  return entry?.value as string;
}

/** The saved operator name, or null when nobody has set one on this machine yet. */
export async function getOperatorName(db: SciLedgerDb): Promise<string | null> {
  const entry = await db.meta.get(metaKeys.operatorName);
  return (entry?.value as string | undefined) || null;
}

/** Validates (Chinese messages), persists and applies the name to every later oplog entry. */
export async function setOperatorName(db: SciLedgerDb, name: string): Promise<string> {
  const parsed = operatorNameSchema.safeParse(name);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  await db.meta.put({ key: metaKeys.operatorName, value: parsed.data });
  setCurrentOperator(parsed.data);
  return parsed.data;
}

// 设置 → 清空 / 载入示例数据 live in maintenance.ts; re-exported for convenience.
export { clearAllLedgers, loadSampleData } from './maintenance';
