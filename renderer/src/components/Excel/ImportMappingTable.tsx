import { Select, Table } from 'antd';
import type { ImportTargetSpec } from '../../../../shared/excel/importTarget';
import { cellText } from '../../../../shared/excel/sheetCell';
import { columnLetter, type DataRow } from '../../../../shared/excel/sheetTable';

interface Props {
  spec: ImportTargetSpec;
  headers: readonly string[];
  rows: readonly DataRow[];
  mapping: readonly (string | null)[];
  onChange: (mapping: (string | null)[]) => void;
}

const SKIP = '__skip__';

/** 列对应: each column of the sheet, a few of its values, and the field it fills (or 不导入). */
export function ImportMappingTable({ spec, headers, rows, mapping, onChange }: Props) {
  const options = [{ value: SKIP, label: '（不导入）' }, ...spec.fields.map((f) => ({ value: f.id, label: f.required ? `${f.label} *` : f.label }))];
  const data = headers.map((header, column) => ({
    key: column,
    column,
    header,
    // The first rows are enough to recognise a column (a sheet may hold 100,000).
    samples: rows
      .slice(0, 50)
      .map((r) => cellText(r.cells[column] ?? null))
      .filter((t) => t !== '')
      .slice(0, 3)
      .join('；'),
  }));
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ y: 420 }}
      dataSource={data}
      data-testid="excel-import-mapping"
      columns={[
        { title: '列', dataIndex: 'column', width: 50, render: (c: number) => columnLetter(c) },
        { title: '表格中的标题', dataIndex: 'header', width: 200 },
        { title: '示例内容', dataIndex: 'samples', ellipsis: true },
        {
          title: '导入为',
          width: 240,
          render: (_: unknown, r: { column: number; header: string }) => (
            <Select
              style={{ width: 220 }}
              value={mapping[r.column] ?? SKIP}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={`“${r.header}”导入为`}
              data-testid={`excel-import-map-${r.column}`}
              onChange={(value: string) => {
                const next = [...mapping];
                next[r.column] = value === SKIP ? null : value;
                onChange(next);
              }}
            />
          ),
        },
      ]}
    />
  );
}
