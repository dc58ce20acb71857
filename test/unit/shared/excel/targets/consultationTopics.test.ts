import { describe, expect, it } from 'vitest';
import type { ImportContext } from '../../../../../shared/excel/importTarget';
import type { SheetCell } from '../../../../../shared/excel/sheetCell';
import { locateTable } from '../../../../../shared/excel/sheetTable';
import { consultationTopicImport, type ConsultationTopicImportOptions } from '../../../../../shared/excel/targets/consultationTopics';
import { checkImportRows, mappingProblems } from '../../../../../shared/excel/validateImport';
import { suggestMapping } from '../../../../../shared/excel/headerMatch';
import { guangxiPreset } from '../../../../../shared/policy/profile';

const round = { id: '55555555-5555-4555-8555-555555555555', city: '柳州市', year: 2026, kind: '一般会商' as const };
const earlierRound = { id: '66666666-6666-4666-8666-666666666666', city: '柳州市', year: 2022 };

function options(existingFunding: number[] = []): ConsultationTopicImportOptions {
  return {
    round,
    topics: existingFunding.map((funding) => ({ funding })),
    earlierTopics: [
      { round: earlierRound, topic: { id: '77777777-7777-4777-8777-777777777777', domain: '创新基地布局', title: '柳州汽车创新中心', status: '推进中' } },
      { round: earlierRound, topic: { id: '88888888-8888-4888-8888-888888888888', domain: '科技成果转移转化', title: '成果转化基地', status: '已完成' } },
    ],
    rules: guangxiPreset.consultations,
  };
}

function check(rows: SheetCell[][], opts = options(), existing: string[] = []) {
  const context: ImportContext = { resolve: () => [], options: opts as unknown as Record<string, unknown> };
  const table = locateTable({ name: '议题', state: 'visible', rows, merges: [], formulasWithoutValue: 0 }, consultationTopicImport.fields);
  if (!table.ok) throw new Error(table.message);
  const mapping = suggestMapping(table.headers, consultationTopicImport.fields);
  expect(mappingProblems(consultationTopicImport, mapping)).toEqual([]);
  return { mapping, headers: table.headers, result: checkImportRows(consultationTopicImport, table.headers, table.rows, mapping, context, new Set(existing)) };
}

describe('会商议题 import (厅市会商, seed 002)', () => {
  it('maps the 议定书 topic table, reads 万元 columns as 万元, and takes rows up to the 一般会商 cap of 1000万元', () => {
    const { mapping, headers, result } = check([
      ['序号', '领域', '议题名称', '科技厅责任处室', '市责任部门', '项目资金（万元）', '状态'],
      [1, '重大科技研发攻关', '新能源汽车关键技术攻关', '高新处', '柳州市科技局', 600, '推进中'],
      [2, '创新人才培养引进', '柳州产业人才引进', '人才处', '柳州市人社局', '400', ''],
      // 1000万元 reached exactly; one more yuan is over the cap (第十八条).
      [3, '开放协同创新', '东盟技术转移', '合作处', '柳州市商务局', 0.0001, '未开始'],
    ]);
    expect(mapping[headers.indexOf('项目资金（万元）')]).toBe('fundingWan');
    expect(result.rows[0]).toMatchObject({ status: 'ok', draft: { seq: 1, funding: 6_000_000, status: '推进中', roundId: round.id, departmentDivision: '高新处' } });
    expect(result.rows[1]).toMatchObject({ status: 'ok', draft: { funding: 4_000_000, status: '未启动' } });
    expect(result.rows[2].status).toBe('error');
    expect(result.rows[2].messages[0]).toMatch(/^议题项目资金合计 10,000,001.00元，超过一般会商市上限 1000万元.*（第十八条），本行未导入$/);
  });

  it('counts the round’s topics already in the ledger towards the cap; a plain 项目资金 column is in 元 unless the cell says 万', () => {
    const { result } = check(
      [
        ['序号', '领域', '议题名称', '项目资金'],
        [3, '重大科技研发攻关', '甲', '300万元'],
        [4, '创新人才培养引进', '乙', 2_000_000],
        [5, '开放协同创新', '丙', '2,000,000元'],
      ],
      options([5_000_000]),
    );
    expect(result.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'error']);
    expect(result.rows[0].draft?.funding).toBe(3_000_000);
  });

  it('refuses a topic in a domain where the city still has an unfinished one (第二十一条); a finished one frees the domain', () => {
    const { result } = check([
      ['序号', '领域', '议题名称'],
      [1, '创新基地布局', '柳州新型研发机构'],
      [2, '科技成果转移转化', '成果转化二期'],
    ]);
    expect(result.rows[0].status).toBe('error');
    expect(result.rows[0].messages).toEqual(['柳州市在“创新基地布局”领域还有未完成的会商议题：2022年“柳州汽车创新中心”（推进中），该领域不再安排新议题（第二十一条）']);
    expect(result.rows[1].status).toBe('ok');
  });

  it('applies the topic form’s schema and flags numbers and titles used twice', () => {
    const { result } = check(
      [
        ['序号', '领域', '议题名称', '状态', '完成日期'],
        [1, '重大科技研发攻关', '甲', '推进中', '2026.5.1'],
        [2, '', '乙', '', ''],
        [3, '开放协同创新', '丙', '', ''],
        [3, '区域创新高地', '丁', '', ''],
      ],
      options(),
      [`${round.id}\u0001seq\u00013`.toLowerCase()],
    );
    expect(result.rows[0].messages).toEqual(['只有已完成的议题才有完成日期']);
    expect(result.rows[1].messages).toEqual(['请填写领域']);
    expect(result.rows[2]).toMatchObject({ status: 'duplicate', messages: ['台账中已有会商议题（同一轮会商中议题序号或议题名称相同），不再重复导入'] });
    expect(result.rows[3].status).toBe('duplicate');
  });
});
