import { describe, expect, it } from 'vitest';
import type { SheetCell } from '../../../../../shared/excel/sheetCell';
import { locateTable } from '../../../../../shared/excel/sheetTable';
import { advisorImport } from '../../../../../shared/excel/targets';
import { checkImportRows } from '../../../../../shared/excel/validateImport';
import { suggestMapping } from '../../../../../shared/excel/headerMatch';

function check(rows: SheetCell[][]) {
  const table = locateTable({ name: '名册', state: 'visible', rows, merges: [], formulasWithoutValue: 0 }, advisorImport.fields);
  if (!table.ok) throw new Error(table.message);
  return checkImportRows(advisorImport, table.headers, table.rows, suggestMapping(table.headers, advisorImport.fields), { resolve: () => [], options: {}, today: '2026-11-30' }, new Set()).rows;
}

const H = ['姓名', '院士称号', '所在单位', '状态', '聘期', '审定日期', '解聘日期', '解聘原因'];
const person = (n: number) => [`院士${n}`, '中国工程院院士', `单位${n}`];

describe('科技顾问 import of a historical roster: the 状态 in the file is kept only with the dates it stands on', () => {
  it('keeps 已聘任 with a 聘期 (the review counted as passed), and refuses it without one, saying what to add', () => {
    const rows = check([H, [...person(1), '在聘', '2024.3.5—2027.3.4'], [...person(2), '已聘任', '']]);
    expect(rows[0]).toMatchObject({ status: 'ok', draft: { status: '已聘任', termStart: '2024-03-05', termEnd: '2027-03-04', reviewResult: '通过' } });
    expect(rows[1]).toMatchObject({ status: 'error', messages: ['状态为“已聘任”须有聘期：请填写聘期开始和聘期结束（或“聘期”一列，如 2024.3.5—2027.3.4）'] });
  });

  it('keeps 期满 only for a term that has ended, 已审定 with its date, 解聘 with date and reason; 推荐 and 评议 need nothing more', () => {
    const rows = check([
      H,
      [...person(1), '期满', '2020.1.1—2023.12.31'],
      [...person(2), '期满', '2024.1.1—2027.12.31'],
      [...person(3), '审定', '', '2026.6.1'],
      [...person(4), '已审定', ''],
      [...person(5), '解聘', '2020.1.1—2023.12.31', '', '2022.5.1', '本人申请'],
      [...person(6), '解聘', '2020.1.1—2023.12.31', '', '2022.5.1', ''],
      [...person(7), '评议'],
      [...person(8), ''],
    ]);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'error', 'ok', 'error', 'ok', 'error', 'ok', 'ok']);
    expect(rows[1].messages).toEqual(['聘期至 2027-12-31 结束，尚未期满：状态应为“已聘任”']);
    expect(rows[3].messages).toEqual(['状态为“已审定”须有审定日期：请填写“审定日期”一列，或将状态改为“评议”']);
    expect(rows[5].messages).toEqual(['状态为“解聘”须有解聘日期和解聘原因：请填写“解聘日期”“解聘原因”两列']);
    expect(rows[6].draft).toMatchObject({ status: '评议' });
    expect(rows[6].draft?.reviewResult).toBeUndefined();
    expect(rows[7].draft).toMatchObject({ status: '推荐' });
  });
});
