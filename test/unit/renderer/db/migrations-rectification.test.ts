import { describe, expect, it } from 'vitest';
import { schemaVersions, UNFILED_RECTIFICATION_PLAN_ID } from '../../../../renderer/src/db/schema';
import { rectificationItemSchema, rectificationPlanSchema } from '../../../../shared/domain/rectification/schema';
import { freshDb, iso, oplog, reopen } from './helpers';

/** An item as the stub schema (before version 10) stored it: no plan, verificationForms, 逾期 stored. */
const oldItem = (overrides: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  seq: 1,
  theme: '反馈问题整改',
  content: '建议加强对基层科技特派员的政策法规和业务培训。',
  measures: ['组织举办 1 期培训班。'],
  verificationForms: '培训通知、培训签到表',
  plannedDate: '2021-08-31',
  responsibleDivisions: ['农村处'],
  responsiblePersons: [{ leader: '甲领导', officer: '乙经办' }],
  status: '推进中',
  createdAt: iso,
  updatedAt: iso,
  ...overrides,
});

describe('version 8: 整改台账 plans and progress notes', () => {
  it('puts old items under one fixed plan, renames 整改检验形式, and turns a stored 逾期 into 推进中', async () => {
    const before = schemaVersions.filter((v) => v.version < 8);
    const old = await freshDb({ versions: before });
    const a = oldItem({ status: '逾期', theme: '其他' });
    const b = oldItem({ seq: 2, status: '已完成', plannedDate: '2021-12-15', responsibleDivisions: ['高新处', '办公室'], extra: '保留' });
    await old.table('rectificationItems').bulkAdd([a, b]);
    const logBefore = await oplog(old);

    const db = await reopen(old);
    expect(db.verno).toBeGreaterThanOrEqual(8);
    const items = await db.rectificationItems.orderBy('[planId+seq]').toArray();
    expect(items.map((i) => [i.seq, i.planId, i.status, i.verificationForm])).toEqual([
      [1, UNFILED_RECTIFICATION_PLAN_ID, '推进中', '培训通知、培训签到表'],
      [2, UNFILED_RECTIFICATION_PLAN_ID, '已完成', '培训通知、培训签到表'],
    ]);
    expect(items[1].completedDate).toBe('2021-12-15');
    expect((items[1] as Record<string, unknown>).extra).toBe('保留');
    expect((items[0] as Record<string, unknown>).verificationForms).toBeUndefined();
    for (const item of items) expect(rectificationItemSchema.safeParse(item).success).toBe(true);

    const plan = (await db.rectificationPlans.get(UNFILED_RECTIFICATION_PLAN_ID))!;
    expect(rectificationPlanSchema.safeParse(plan).success).toBe(true);
    expect(plan).toMatchObject({ name: '未归入方案的整改事项', year: 2020 });
    // Items are read in primary-key order (random ids here), so the order of the list is not fixed.
    expect([...plan.divisions].sort()).toEqual(['农村处', '高新处', '办公室'].sort());
    expect(plan.themes.at(-1)).toBe('其他');
    // The upgrade runs on every machine by itself: not change-tracked.
    expect(await oplog(db)).toEqual(logBefore);
    expect(await db.rectificationItems.where('responsibleDivisions').equals('办公室').count()).toBe(1);
  });

  it('creates no plan when there were no items', async () => {
    const old = await freshDb({ versions: schemaVersions.filter((v) => v.version < 8) });
    const db = await reopen(old);
    expect(await db.rectificationPlans.count()).toBe(0);
    expect(await db.rectificationProgressNotes.count()).toBe(0);
  });
});
