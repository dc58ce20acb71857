import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../../shared/excel/headerMatch';
import { locateTable } from '../../../../../shared/excel/sheetTable';
import { advisorImport } from '../../../../../shared/excel/targets';
import { checkImportRows } from '../../../../../shared/excel/validateImport';
import { existingKeys, prepareImport, importTargets, writeImport, ImportRefusedError } from '../../../../../renderer/src/components/Excel/importRegistry';
import { readWorkbook } from '../../../../../renderer/src/components/Excel/workbookIo';
import { officeAdvisorLedger } from '../../../../fixtures/excel/officeLedger';
import { freshDb } from '../../db/helpers';

async function checkedFixture(db: Awaited<ReturnType<typeof freshDb>>) {
  const sheets = await readWorkbook(await officeAdvisorLedger(), '顾问名册.xlsx');
  const table = locateTable(sheets[0], advisorImport.fields);
  if (!table.ok) throw new Error(table.message);
  const mapping = suggestMapping(table.headers, advisorImport.fields);
  const { context, existingKeys: keys } = await prepareImport(db, importTargets.advisors);
  return { sheets, table, mapping, check: checkImportRows(advisorImport, table.headers, table.rows, mapping, context, keys) };
}

describe('an office roster (merged title, header on row 2, two-level header, blank rows)', () => {
  it('finds the header under the title, reads 联系方式’s sub-headers and skips blank rows; the hidden sheet is listed as hidden', async () => {
    const { sheets, table, mapping } = await checkedFixture(await freshDb());
    expect(sheets.map((s) => [s.name, s.state])).toEqual([['2024年顾问名册', 'visible'], ['下拉选项', 'hidden']]);
    expect(table.headerRowNumber).toBe(2);
    expect(table.headers).toEqual(['序号', '名字', '院士称号', '工作单位', '电话', '邮箱', '聘期开始', '聘期结束', '备注']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([4, 5, 7, 8, 11, 12]);
    expect(table.notes.join()).toContain('联系方式');
    expect(mapping).toEqual([null, 'name', 'honorific', 'homeInstitution', 'phone', 'email', 'termStart', 'termEnd', 'notes']);
  });

  it('gives every row its result: dates in any spelling, phone numbers kept whole, errors named, the repeated person a duplicate', async () => {
    const { check } = await checkedFixture(await freshDb());
    const byRow = new Map(check.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(4)).toMatchObject({ status: 'ok', draft: { name: '张明远', phone: '13800138000', email: 'zhang@example.cn', termStart: '2024-03-05', termEnd: '2027-03-04', status: '推荐' } });
    // 2024年3月5日 as text, 46450 as an Excel serial; text that looks like a formula stays text.
    expect(byRow.get(5)).toMatchObject({ status: 'ok', draft: { termStart: '2024-03-05', termEnd: '2027-03-04', phone: '0771-5551234', notes: '=不是公式，是文字' } });
    expect(byRow.get(7)).toMatchObject({ status: 'error', messages: ['请填写所在单位'] });
    expect(byRow.get(8)).toMatchObject({ status: 'error', messages: ['聘期开始：日期“2024.2.30”不存在'] });
    expect(byRow.get(11)).toMatchObject({ status: 'duplicate', messages: ['与第 4 行重复（姓名和所在单位相同），只导入第 4 行'] });
    expect(byRow.get(12)?.status).toBe('error');
    expect(check.counts).toEqual({ ok: 2, duplicate: 1, error: 3 });
  });

  it('imports the valid rows in one transaction; a second import of the same file finds them all present', async () => {
    const db = await freshDb();
    const first = await checkedFixture(db);
    const drafts = first.check.rows.flatMap((r) => (r.draft ? [r.draft] : []));
    expect(await writeImport(db, advisorImport, drafts)).toBe(2);
    const stored = await db.advisors.toArray();
    expect(stored.map((a) => a.name).sort()).toEqual(['张明远', '李华']);
    // Each write is in the oplog, as every other write (DESIGN §Data).
    expect((await db.oplog.toArray()).filter((op) => op.table === 'advisors').length).toBeGreaterThanOrEqual(2);

    const again = await checkedFixture(db);
    expect(again.check.counts.ok).toBe(0);
    expect(again.check.rows.find((r) => r.rowNumber === 4)?.messages).toEqual(['台账中已有科技顾问（姓名和所在单位相同），不再重复导入']);
  });

  it('stores nothing when any record fails or was added since the preview', async () => {
    const db = await freshDb();
    const { check } = await checkedFixture(db);
    const drafts = check.rows.flatMap((r) => (r.draft ? [r.draft] : []));
    await expect(writeImport(db, advisorImport, [...drafts, { name: '坏记录', status: '推荐' }])).rejects.toThrow('所在单位');
    expect(await db.advisors.count()).toBe(0);
    await writeImport(db, advisorImport, [drafts[0]]);
    await expect(writeImport(db, advisorImport, drafts)).rejects.toThrow(ImportRefusedError);
    expect(await db.advisors.count()).toBe(1);
    expect((await existingKeys(db, advisorImport)).size).toBe(1);
  });
});
