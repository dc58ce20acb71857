import { describe, expect, it } from 'vitest';
import { loadOperationLogPage } from '../../../../../renderer/src/features/settings/OperationLogPanel';
import { advisor, freshDb } from '../../db/helpers';

describe('操作记录 pages back through the log', () => {
  it('reads the newest page, names its records, counts the whole log, and a larger limit reaches further back', async () => {
    const db = await freshDb();
    const names = ['甲一', '乙二', '丙三', '丁四', '戊五'];
    for (const name of names) await db.advisors.add(advisor({ name }));
    const first = await loadOperationLogPage(db, 2);
    expect(first.total).toBe(5);
    expect(first.rows.map((r) => r.recordName)).toEqual([expect.stringContaining('戊五'), expect.stringContaining('丁四')]);
    const more = await loadOperationLogPage(db, 4);
    expect(more.rows.map((r) => r.opId).slice(0, 2)).toEqual(first.rows.map((r) => r.opId));
    expect(more.rows).toHaveLength(4);
    expect((await loadOperationLogPage(db, 1_000)).rows).toHaveLength(5);
  });
});
