import { describe, expect, it } from 'vitest';
import { ledgerListingInput } from '../../../../../renderer/src/components/LedgerPrint';
import type { LedgerColumn } from '../../../../../renderer/src/components/LedgerTable';
import { buildDocument } from '../../../../../shared/documents/registry';

interface Row {
  name: string;
  paid: number;
  isFiled: boolean;
}
const columns: LedgerColumn<Row>[] = [
  { id: 'name', header: '姓名', accessor: (r) => r.name, width: 100, cell: (r) => <a href="#">{r.name}</a> },
  { id: 'paid', header: '聘金', accessor: (r) => r.paid, width: 120, align: 'right', cell: (r) => `${r.paid / 10000}万元` },
  { id: 'isFiled', header: '已备案', accessor: (r) => r.isFiled, width: 80 },
  { id: 'phone', header: '电话', accessor: () => '138', width: 120 },
  { id: 'actions', header: '操作', accessor: () => '', width: 130 },
];

describe('打印名册 input (issue 8 item 11)', () => {
  it('prints the rows on screen with the shown columns, no controls', () => {
    const input = ledgerListingInput({
      title: '科技顾问名册',
      columns,
      hiddenColumnIds: ['phone'],
      rows: [
        { name: '陈思远', paid: 300000, isFiled: true },
        { name: '林若溪', paid: 0, isFiled: false },
      ],
      scopeDescription: '筛选出的 2 条记录（共 5 条）',
      organisation: '广西壮族自治区科学技术厅',
      generatedOn: '2026-11-30',
    });
    expect(input.columns.map((c) => c.header)).toEqual(['姓名', '聘金', '已备案']);
    expect(input.rows).toEqual([
      ['陈思远', '30万元', '是'],
      ['林若溪', '0万元', '否'],
    ]);
    expect(() => buildDocument('ledgerListing', input)).not.toThrow();
  });
});
