import { describe, expect, it } from 'vitest';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { suggestMapping } from '../../../../../shared/excel/headerMatch';
import { locateTable } from '../../../../../shared/excel/sheetTable';
import { advisorImport } from '../../../../../shared/excel/targets';
import { checkImportRows } from '../../../../../shared/excel/validateImport';
import { exportLedgerCsv, exportLedgerXlsx, EXPORT_BLOCK } from '../../../../../renderer/src/components/Excel/ledgerExport';
import { prepareImport, importTargets, writeImport } from '../../../../../renderer/src/components/Excel/importRegistry';
import { readWorkbook } from '../../../../../renderer/src/components/Excel/workbookIo';
import { rosterColumns } from '../../../../../renderer/src/features/advisors/roster/rosterColumns';
import { loadRosterRows } from '../../../../../renderer/src/features/advisors/useAdvisors';
import type { LedgerColumn } from '../../../../../renderer/src/components/LedgerTable/types';
import { freshDb } from '../../db/helpers';

const advisors = [
  { name: '张明远', honorific: '中国工程院院士', homeInstitution: '广西大学', status: '已聘任', termStart: '2024-03-05', termEnd: '2027-03-04', field: '农业', phone: '0771-5551234', certificateNumber: '桂科顾聘〔2024〕1号' },
  // Text a spreadsheet would run as a formula, and one with a line break.
  { name: '李华', honorific: '中国科学院院士', homeInstitution: '=HYPERLINK("http://x","桂林")', status: '推荐', serviceUnit: '-南宁市科技局', competentDepartment: '@工信厅' },
  { name: '欧阳 晓', honorific: '中国工程院院士', homeInstitution: '广西农科院\n（南宁）', status: '评议', serviceUnitLiaison: '+黄' },
];
const FIELDS = ['name', 'honorific', 'homeInstitution', 'status', 'termStart', 'termEnd', 'field', 'phone', 'certificateNumber', 'serviceUnit', 'competentDepartment', 'serviceUnitLiaison'] as const;
const own = (r: Record<string, unknown>) => Object.fromEntries(FIELDS.filter((f) => r[f] !== undefined).map((f) => [f, r[f]]));

describe('round trip: 导出 Excel of the roster, then 导入 Excel into an empty ledger', () => {
  it('gives back the same advisors (every column, hidden ones included)', async () => {
    const source = await freshDb();
    const ids: string[] = [];
    for (const a of advisors) {
      const id = crypto.randomUUID();
      ids.push(id);
      await source.advisors.add({ ...a, id, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() } as never);
    }
    const blocks: number[] = [];
    const bytes = await exportLedgerXlsx({
      title: '科技顾问名册',
      columns: rosterColumns,
      ids,
      rowsOf: (part) => loadRosterRows(source, part, '2026-11-30', guangxiPreset.advisors),
      scope: '全部 3 条记录',
      exportedAt: '2026-11-30 10:00',
      onProgress: (done) => blocks.push(done),
    });
    expect(blocks).toEqual([3]);
    expect(EXPORT_BLOCK).toBeGreaterThan(100);

    const [sheet] = await readWorkbook(bytes, '科技顾问名册.xlsx');
    expect(sheet.rows[0]).toEqual(['科技顾问名册']);
    const table = locateTable(sheet, advisorImport.fields);
    if (!table.ok) throw new Error(table.message);
    expect(table.headerRowNumber).toBe(3);
    const mapping = suggestMapping(table.headers, advisorImport.fields);
    // 聘期 (one column on screen) fills 聘期开始 and 聘期结束.
    expect(mapping[table.headers.indexOf('聘期')]).toBe('term');

    const target = await freshDb();
    const { context, existingKeys } = await prepareImport(target, importTargets.advisors);
    const check = checkImportRows(advisorImport, table.headers, table.rows, mapping, context, existingKeys);
    expect(check.counts).toEqual({ ok: 3, duplicate: 0, error: 0 });
    await writeImport(target, advisorImport, check.rows.map((r) => r.draft!));
    const back = await target.advisors.toArray();
    const byName = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    expect(byName(back.map(own))).toEqual(byName(advisors.map(own)));
  });

  it('writes the same rows as CSV, neutralised, with a BOM', async () => {
    const db = await freshDb();
    const id = crypto.randomUUID();
    await db.advisors.add({ ...advisors[1], id, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() } as never);
    const bytes = await exportLedgerCsv({
      title: '科技顾问名册',
      columns: rosterColumns.filter((c) => !c.defaultHidden),
      ids: [id],
      rowsOf: (part) => loadRosterRows(db, part, '2026-11-30', guangxiPreset.advisors),
      scope: '全部 1 条记录',
      exportedAt: '2026-11-30 10:00',
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF姓名,院士称号,所在单位,服务单位,状态')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""桂林"")",'-南宁市科技局,推荐`);
    expect(text).not.toMatch(/,[=+@-]/);
  });
});

describe('round trip through the streaming writer and reader, several blocks long', () => {
  interface Log {
    id: string;
    who: string;
    date: string;
    at: string;
    amount: number;
    text: string;
  }
  const columns: LedgerColumn<Log>[] = [
    { id: 'who', header: '科技特派员', accessor: (r) => r.who },
    { id: 'date', header: '服务日期', accessor: (r) => r.date, filter: 'dateRange' },
    { id: 'at', header: '登记时间', accessor: (r) => r.at, exportAs: 'dateTime' },
    { id: 'amount', header: '补助金额', accessor: (r) => r.amount, exportAs: 'amount' },
    { id: 'text', header: '服务内容', accessor: (r) => r.text },
    { id: 'actions', header: '操作', accessor: () => '' },
  ];
  const logs: Log[] = Array.from({ length: EXPORT_BLOCK * 2 + 37 }, (_, i) => ({
    id: String(i),
    who: i % 7 === 0 ? `=特派员${i}` : `特派员${i % 50}`,
    date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    at: new Date(Date.UTC(2024, 0, 1, 2, i % 60)).toISOString(),
    amount: Math.round(i * 12.34 * 100) / 100,
    text: i % 5 === 0 ? `第${i}次\n现场 & <指导>` : `指导${i}`,
  }));

  it('gives back every cell of every row, in order', async () => {
    const byId = new Map(logs.map((l) => [l.id, l]));
    const bytes = await exportLedgerXlsx({
      title: '服务日志',
      columns,
      ids: logs.map((l) => l.id),
      rowsOf: async (part) => part.map((id) => byId.get(id)!),
      scope: `全部 ${logs.length} 条记录`,
      exportedAt: '2026-11-30 10:00',
    });
    const [sheet] = await readWorkbook(bytes, '服务日志.xlsx');
    expect(sheet.rows[2]).toEqual(['科技特派员', '服务日期', '登记时间', '补助金额', '服务内容']);
    const local = (iso: string) => {
      const d = new Date(iso);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`.replace(/T00:00$/, '');
    };
    expect(sheet.rows.slice(3)).toEqual(logs.map((l) => [l.who.startsWith('=') ? `'${l.who}` : l.who, l.date, local(l.at), l.amount, l.text]));
  });
});
