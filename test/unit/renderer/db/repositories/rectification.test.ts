import { describe, expect, it } from 'vitest';
import {
  addDivision,
  addTheme,
  createItem,
  createPlan,
  divisionItems,
  importPastedItems,
  planItems,
  progressNotes,
  recordProgress,
  removeItem,
  saveItemWithNames,
  updateItem,
  updatePlan,
} from '../../../../../renderer/src/db/repositories/rectification';
import { parsePastedPlan } from '../../../../../shared/domain/rectification/paste-import';
import { asExcelClipboard, seedPlanTable } from '../../../shared/domain/rectification/seed-table';
import { freshDb, oplog } from '../helpers';

const planFields = { name: '2020年度自治区科技厅社会评价意见建议整改方案', year: 2020, feedbackSource: '2020年度社会评价', divisions: ['农村处', '社发处'] };

async function withPlan() {
  const db = await freshDb();
  const plan = await createPlan(db, planFields);
  return { db, plan };
}

const itemFields = (planId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  seq: 1,
  theme: '反馈问题整改',
  content: '建议对于桂林市科技特派员加强相关政策法规、业务方面培训。',
  measures: ['组织指导桂林市举办1期科技特派员政策解读及服务管理培训班。'],
  verificationForm: '培训通知、培训签到表、培训图片',
  plannedDate: '2021-08-31',
  responsibleDivisions: ['农村处'],
  responsiblePersons: [{ leader: '唐咸来', officer: '潘红雄' }],
  status: '未启动' as const,
  ...overrides,
});

describe('整改台账 repository', () => {
  it('creates a plan with the seed\'s five themes and extends its lists', async () => {
    const { db, plan } = await withPlan();
    expect(plan.themes).toHaveLength(5);
    expect((await addTheme(db, plan.id, '其他')).themes.at(-1)).toBe('其他');
    expect((await addDivision(db, plan.id, '梧州市')).divisions).toEqual(['农村处', '社发处', '梧州市']);
  });

  it('refuses an item whose 主题/处室 is not in the plan, or whose 序号 is taken, writing nothing', async () => {
    const { db, plan } = await withPlan();
    await createItem(db, itemFields(plan.id));
    const before = (await oplog(db)).length;
    await expect(createItem(db, itemFields(plan.id, { seq: 2, responsibleDivisions: ['梧州市'] }))).rejects.toThrow('处室“梧州市”不在本方案的处室列表中，请先添加');
    await expect(createItem(db, itemFields(plan.id))).rejects.toThrow('序号 1 已被本方案的另一项使用');
    expect((await oplog(db)).length).toBe(before);
  });

  it('keeps a 主题 or 处室 in use in the plan\'s lists', async () => {
    const { db, plan } = await withPlan();
    await createItem(db, itemFields(plan.id));
    await expect(updatePlan(db, plan.id, { divisions: ['社发处'] })).rejects.toThrow('第 1 项仍在使用：处室“农村处”不在本方案的处室列表中');
    expect((await updatePlan(db, plan.id, { divisions: ['农村处'] })).divisions).toEqual(['农村处']);
  });

  it('records progress with its note in one step: start, complete, and a refused completion date', async () => {
    const { db, plan } = await withPlan();
    const item = await createItem(db, itemFields(plan.id));
    const started = await recordProgress(db, item.id, { date: '2021-05-10', note: '已拟定培训方案', status: '推进中', author: '潘红雄' });
    expect(started.item).toMatchObject({ status: '推进中', startedDate: '2021-05-10' });
    await expect(recordProgress(db, item.id, { date: '2021-05-12', note: '已办班', status: '已完成', completedDate: '2021-05-01' })).rejects.toThrow(
      '完成日期不能早于开始推进日期',
    );
    expect(await progressNotes(db, item.id)).toHaveLength(1);
    const done = await recordProgress(db, item.id, { date: '2021-08-20', note: '培训班已举办，材料已归档', status: '已完成' });
    expect(done.item).toMatchObject({ status: '已完成', startedDate: '2021-05-10', completedDate: '2021-08-20' });
    expect((await progressNotes(db, item.id)).map((n) => n.status)).toEqual(['推进中', '已完成']);
  });

  it('edits plan fields but not progress through updateItem', async () => {
    const { db, plan } = await withPlan();
    const item = await createItem(db, itemFields(plan.id));
    const edited = await updateItem(db, item.id, { verificationForm: '培训通知、签到表', status: '已完成' } as never);
    expect(edited).toMatchObject({ verificationForm: '培训通知、签到表', status: '未启动' });
  });

  it('lists a plan\'s items in 序号 order and a division\'s items, without deleted ones', async () => {
    const { db, plan } = await withPlan();
    await createItem(db, itemFields(plan.id, { seq: 2, responsibleDivisions: ['社发处', '农村处'] }));
    const first = await createItem(db, itemFields(plan.id, { seq: 1 }));
    await createItem(db, itemFields(plan.id, { seq: 3, responsibleDivisions: ['社发处'] }));
    expect((await planItems(db, plan.id)).map((i) => i.seq)).toEqual([1, 2, 3]);
    expect((await divisionItems(db, '农村处')).map((i) => i.seq).sort()).toEqual([1, 2]);
    await removeItem(db, first.id);
    expect((await planItems(db, plan.id)).map((i) => i.seq)).toEqual([2, 3]);
  });
});

describe('pasting a plan', () => {
  const seed = seedPlanTable();

  it('imports the seed\'s 31 rows in one step once the new 处室 are confirmed', async () => {
    const { db, plan } = await withPlan();
    const pasted = parsePastedPlan(asExcelClipboard(seed.rows), { planId: plan.id, plan });
    await expect(importPastedItems(db, plan.id, pasted, false)).rejects.toThrow(/处室“办公室”.*不在本方案的列表中，请确认添加后再导入/);
    expect(await planItems(db, plan.id)).toHaveLength(0);
    const created = await importPastedItems(db, plan.id, pasted, true);
    expect(created).toHaveLength(31);
    expect((await planItems(db, plan.id)).map((i) => i.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect((await db.rectificationPlans.get(plan.id))!.divisions).toEqual(expect.arrayContaining(['办公室', '梧州市', '引智处']));
  });

  it('imports nothing when a row is bad or a 序号 is already used', async () => {
    const { db, plan } = await withPlan();
    const bad = parsePastedPlan(asExcelClipboard([seed.rows[1], [...seed.rows[2].slice(0, 5), '下个月', ...seed.rows[2].slice(6)]]), { planId: plan.id, plan });
    await expect(importPastedItems(db, plan.id, bad, true)).rejects.toThrow('粘贴的内容有误（第 2 行），未导入任何事项');
    await createItem(db, itemFields(plan.id, { seq: 2 }));
    const clash = parsePastedPlan(asExcelClipboard(seed.rows.slice(1, 4)), { planId: plan.id, plan });
    const before = (await oplog(db)).length;
    await expect(importPastedItems(db, plan.id, clash, true)).rejects.toThrow('序号 2 已被本方案的另一项使用');
    expect((await oplog(db)).length).toBe(before);
    expect(await planItems(db, plan.id)).toHaveLength(1);
    expect((await db.rectificationPlans.get(plan.id))!.divisions).toEqual(['农村处', '社发处']);
  });
  it('adds the names chosen in the item form together with the item, and nothing when the item is refused', async () => {
    const { db, plan } = await withPlan();
    const created = await saveItemWithNames(db, plan.id, undefined, itemFields(plan.id, { theme: '其他', responsibleDivisions: ['梧州市'] }), { themes: ['其他'], divisions: ['梧州市'] });
    expect(created.theme).toBe('其他');
    const afterCreate = await db.rectificationPlans.get(plan.id);
    expect(afterCreate?.themes.at(-1)).toBe('其他');
    expect(afterCreate?.divisions).toEqual(['农村处', '社发处', '梧州市']);

    // 序号 1 is taken: the item is refused and 钦州市 does not join the list either.
    const before = (await oplog(db)).length;
    await expect(
      saveItemWithNames(db, plan.id, undefined, itemFields(plan.id, { responsibleDivisions: ['钦州市'] }), { themes: [], divisions: ['钦州市'] }),
    ).rejects.toThrow('序号 1 已被本方案的另一项使用');
    expect((await db.rectificationPlans.get(plan.id))?.divisions).toEqual(['农村处', '社发处', '梧州市']);
    expect((await oplog(db)).length).toBe(before);

    // A name not added in the form is still refused.
    await expect(saveItemWithNames(db, plan.id, created.id, { ...itemFields(plan.id), responsibleDivisions: ['南宁市'] }, { themes: [], divisions: [] })).rejects.toThrow('请先添加');
    const edited = await saveItemWithNames(db, plan.id, created.id, { ...itemFields(plan.id), content: '改后的整改内容' }, { themes: [], divisions: [] });
    expect(edited.content).toBe('改后的整改内容');
  });
});
