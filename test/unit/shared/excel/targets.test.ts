import { describe, expect, it } from 'vitest';
import type { ImportContext } from '../../../../shared/excel/importTarget';
import type { SheetCell, SheetData } from '../../../../shared/excel/sheetCell';
import { locateTable, MAX_IMPORT_ROWS } from '../../../../shared/excel/sheetTable';
import { commissionerImport, hostEnterpriseImport, rectificationItemImport, serviceLogImport } from '../../../../shared/excel/targets';
import { checkImportRows, mappingProblems } from '../../../../shared/excel/validateImport';
import { suggestMapping } from '../../../../shared/excel/headerMatch';
import { MAX_IMPORT_FILE_BYTES, spreadsheetFileProblem } from '../../../../shared/excel/workbookFile';

const ids = { c1: '11111111-1111-4111-8111-111111111111', e1: '22222222-2222-4222-8222-222222222222', a1: '33333333-3333-4333-8333-333333333333', plan: '44444444-4444-4444-8444-444444444444' };

function sheet(rows: SheetCell[][], name = 'Sheet1'): SheetData {
  return { name, state: 'visible', rows, merges: [], formulasWithoutValue: 0 };
}

function context(entries: Record<string, string[]> = {}, options: Record<string, unknown> = {}): ImportContext {
  return { resolve: (table, text) => entries[`${table}:${text}`] ?? [], options };
}

function check(spec: typeof serviceLogImport, rows: SheetCell[][], ctx: ImportContext, existing: string[] = []) {
  const table = locateTable(sheet(rows), spec.fields);
  if (!table.ok) throw new Error(table.message);
  const mapping = suggestMapping(table.headers, spec.fields);
  expect(mappingProblems(spec, mapping)).toEqual([]);
  return checkImportRows(spec, table.headers, table.rows, mapping, ctx, new Set(existing));
}

describe('import targets of the ledgers whose screens are being built', () => {
  it('派驻企业: 信用代码 checked like the form, the same code twice is one enterprise', () => {
    const result = check(hostEnterpriseImport, [
      ['企业名称', '信用代码', '企业类型', '是否建立研发投入核算制度'],
      ['广西甲科技有限公司', '91110108551385082Q', '高新技术企业、科技型中小企业', '是'],
      ['广西乙科技有限公司', '91110108551385082Q', '', '否'],
      ['广西丙科技有限公司', '12345', '', ''],
    ], context());
    expect(result.rows.map((r) => r.status)).toEqual(['ok', 'duplicate', 'error']);
    expect(result.rows[0].draft).toMatchObject({ kinds: ['高新技术企业', '科技型中小企业'], hasRdAccounting: true });
    expect(result.rows[2].messages.join()).toMatch(/统一社会信用代码/);
  });

  it('科技特派员: 职称 in the office’s words, 身份证号 names the person', () => {
    const result = check(commissionerImport, [
      ['姓名', '工作单位', '职称', '学历'],
      ['黄某', '广西大学', '副教授', '博士研究生'],
      ['黄某', '广西大学', '教授', '硕士'],
    ], context());
    expect(result.rows[0]).toMatchObject({ status: 'ok', draft: { dispatchUnit: '广西大学', academicTitle: '副高级', degree: '博士', status: '意向' } });
    expect(result.rows[1].status).toBe('duplicate');
  });

  it('服务日志: the commissioner and enterprise are looked up by name or credit code, the agreement between them found', () => {
    const ctx = context({ 'commissioners:黄某': [ids.c1], 'hostEnterprises:91110108551385082Q': [ids.e1], [`cooperationAgreements:${ids.c1}\u0001${ids.e1}`]: [ids.a1] });
    const result = check(serviceLogImport, [
      ['特派员', '服务企业', '服务日期', '天数', '服务方式', '服务内容'],
      ['黄某', '91110108551385082Q', '2025.3.5', 1, '现场', '指导病虫害防治'],
      ['黄某', '91110108551385082Q', '2025年3月5日', 0.5, '线上', '同一天又记一次'],
      ['李某', '91110108551385082Q', '2025.3.6', 1, '线下', '不在台账中'],
      ['黄某', '91110108551385082Q', '2025.3.7', 2, '线下', '两天'],
    ], ctx);
    expect(result.rows[0]).toMatchObject({ status: 'ok', draft: { commissionerId: ids.c1, enterpriseId: ids.e1, agreementId: ids.a1, date: '2025-03-05', mode: '线下', kind: '其他' } });
    expect(result.rows[1]).toMatchObject({ status: 'duplicate' });
    expect(result.rows[2].messages).toEqual(['台账中没有科技特派员“李某”，请先登记']);
    expect(result.rows[3].messages.join()).toContain('每个日期最多记 1 天');
  });

  it('整改事项: measures and divisions split as in the paste-in, checked against the plan’s lists', () => {
    const ctx = context({}, { planId: ids.plan, plan: { themes: ['服务'], divisions: ['办公室', '高新处'] } });
    const result = check(rectificationItemImport, [
      ['序号', '主题', '整改内容', '整改措施', '整改检验形式', '计划完成时间', '责任处室', '责任人'],
      [1, '服务', '办事效率不高', '1.梳理流程\n2.公开时限', '制度文件', '2025年6月底', '办公室、高新处', '唐某/潘某'],
      [2, '作风', '作风问题', '整改', '通报', '2025.6.30', '人事处', '唐某'],
    ], ctx);
    expect(result.rows[0]).toMatchObject({ status: 'ok', draft: { planId: ids.plan, measures: ['梳理流程', '公开时限'], responsibleDivisions: ['办公室', '高新处'], plannedDate: '2025-06-30', responsiblePersons: [{ leader: '唐某', officer: '潘某' }], status: '未启动' } });
    expect(result.rows[1].messages).toEqual(['主题“作风”不在本方案的主题列表中', '处室“人事处”不在本方案的处室列表中']);
  });
});

describe('bad input gets a message naming the problem', () => {
  it('an empty sheet, a header without rows, a sheet over the row limit', () => {
    expect(locateTable(sheet([[], [null, '']]), serviceLogImport.fields)).toEqual({ ok: false, message: '工作表“Sheet1”是空的，没有可导入的内容' });
    expect(locateTable(sheet([['姓名', '单位']]), commissionerImport.fields)).toMatchObject({ ok: false, message: expect.stringContaining('只有表头') });
    const huge = [['姓名', '派出单位'], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`某${i}`, '单位'] as SheetCell[])];
    expect(locateTable(sheet(huge), commissionerImport.fields)).toMatchObject({ ok: false, message: expect.stringContaining('请拆分成几个文件') });
  });

  it('formulas without a cached value are named; a missing required column is named before the preview', () => {
    const table = locateTable({ ...sheet([['姓名', '派出单位'], ['某', '单位']]), formulasWithoutValue: 2 }, commissionerImport.fields);
    expect(table.ok && table.notes).toEqual(['有 2 个公式单元格没有保存计算结果，按空白导入：请在 WPS/Excel 中打开并保存一次后再导入']);
    expect(mappingProblems(commissionerImport, ['name', null])).toEqual(['必填项“派出单位”还没有对应的列']);
    expect(mappingProblems(commissionerImport, ['name', 'name', 'dispatchUnit'])).toEqual(['“姓名”对应了两列，请只保留一列']);
  });

  it('files that are not an .xlsx', () => {
    expect(spreadsheetFileProblem(new TextEncoder().encode('a,b'), '名单.csv')).toContain('另存为 .xlsx');
    expect(spreadsheetFileProblem(new TextEncoder().encode('%PDF-1.7'), '名单.pdf')).toBe('“名单.pdf”不是 Excel 工作簿（.xlsx），无法导入');
    expect(spreadsheetFileProblem(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'a.xlsx')).toBeNull();
    const huge = new Uint8Array(MAX_IMPORT_FILE_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(spreadsheetFileProblem(huge, '十年台账.xlsx')).toContain('超过一次导入的上限 40 MB');
  });
});
