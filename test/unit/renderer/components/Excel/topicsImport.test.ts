import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../../shared/excel/headerMatch';
import { locateTable } from '../../../../../shared/excel/sheetTable';
import { consultationTopicImport } from '../../../../../shared/excel/targets';
import { checkImportRows } from '../../../../../shared/excel/validateImport';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { ImportRefusedError, importTargets, prepareImport, writeImport } from '../../../../../renderer/src/components/Excel/importRegistry';
import { roundTopics, saveRound, saveTopic } from '../../../../../renderer/src/db/repositories/consultations';
import { freshDb } from '../../db/helpers';

const rules = guangxiPreset.consultations;

async function setUp() {
  const db = await freshDb();
  const round = await saveRound(db, { city: '柳州市', year: 2026, kind: '一般会商' }, rules);
  await saveTopic(db, { roundId: round.id, domain: '区域创新高地', title: '已有议题', funding: 2_000_000, status: '未启动' }, rules);
  const options = { round, topics: await roundTopics(db, round.id), earlierTopics: [], rules };
  const rows = [
    ['序号', '领域', '议题名称', '项目资金（万元）'],
    [2, '重大科技研发攻关', '新能源汽车攻关', 500],
    [3, '开放协同创新', '东盟技术转移', 300],
  ];
  const table = locateTable({ name: '议题', state: 'visible', rows, merges: [], formulasWithoutValue: 0 }, consultationTopicImport.fields);
  if (!table.ok) throw new Error(table.message);
  const { context, existingKeys } = await prepareImport(db, importTargets.consultationTopics, options);
  const check = checkImportRows(consultationTopicImport, table.headers, table.rows, suggestMapping(table.headers, consultationTopicImport.fields), context, existingKeys);
  return { db, round, options, drafts: check.rows.flatMap((r) => (r.draft ? [r.draft] : [])) };
}

describe('导入 Excel of 会商议题 into a round', () => {
  it('writes the checked topics into the round in one transaction', async () => {
    const { db, round, options, drafts } = await setUp();
    expect(drafts).toHaveLength(2);
    expect(await writeImport(db, consultationTopicImport, drafts, options)).toBe(2);
    expect((await roundTopics(db, round.id)).map((t) => [t.seq, t.title, t.funding])).toEqual([
      [1, '已有议题', 2_000_000],
      [2, '新能源汽车攻关', 5_000_000],
      [3, '东盟技术转移', 3_000_000],
    ]);
  });

  it('refuses the whole import when a topic saved since the preview takes the round over its cap (第十八条), storing nothing', async () => {
    const { db, round, options, drafts } = await setUp();
    await saveTopic(db, { roundId: round.id, seq: 9, domain: '创新人才培养引进', title: '预览后新增', funding: 1_000_000, status: '未启动' }, rules);
    await expect(writeImport(db, consultationTopicImport, drafts, options)).rejects.toThrow(ImportRefusedError);
    await expect(writeImport(db, consultationTopicImport, drafts, options)).rejects.toThrow(/超过一般会商市上限 1000万元.*未导入任何记录/);
    expect(await roundTopics(db, round.id)).toHaveLength(2);
  });

  it('needs the round it imports into', async () => {
    const db = await freshDb();
    await expect(prepareImport(db, importTargets.consultationTopics, {})).rejects.toThrow('请先打开要导入议题的会商轮次');
  });
});
