import { useMemo } from 'react';
import { Space, Tag } from 'antd';
import type { ImportTargetSpec } from '../../../../shared/excel/importTarget';
import { cellText } from '../../../../shared/excel/sheetCell';
import type { DataRow } from '../../../../shared/excel/sheetTable';
import type { ImportCheck, RowCheck, RowStatus } from '../../../../shared/excel/validateImport';
import { LedgerTable, type LedgerColumn } from '../LedgerTable';

interface Props {
  spec: ImportTargetSpec;
  headers: readonly string[];
  rows: readonly DataRow[];
  mapping: readonly (string | null)[];
  check: ImportCheck;
}

interface PreviewRow {
  check: RowCheck;
  cells: DataRow['cells'];
}

const STATUS_TEXT: Record<RowStatus, string> = { ok: '可导入', duplicate: '重复，不导入', error: '有误，不导入' };
const STATUS_COLOR: Record<RowStatus, string> = { ok: 'green', duplicate: 'orange', error: 'red' };

/** 预览: every row with its result and reasons, filterable (有误 / 重复 first to fix them in the file). */
export function ImportPreview({ spec, headers, rows, mapping, check }: Props) {
  const data = useMemo<PreviewRow[]>(() => check.rows.map((c, i) => ({ check: c, cells: rows[i].cells })), [check, rows]);
  const columns = useMemo<LedgerColumn<PreviewRow>[]>(() => {
    const mapped = mapping.flatMap((field, column) => {
      if (!field) return [];
      const label = spec.fields.find((f) => f.id === field)?.label ?? field;
      return [{ id: `c${column}`, header: `${label}（${headers[column]}）`, accessor: (r: PreviewRow) => cellText(r.cells[column] ?? null), width: 140, exportAs: 'text' as const }];
    });
    return [
      { id: 'row', header: '行号', accessor: (r) => r.check.rowNumber, width: 70, align: 'right' },
      { id: 'status', header: '结果', accessor: (r) => STATUS_TEXT[r.check.status], width: 120, filter: 'select', cell: (r) => <Tag color={STATUS_COLOR[r.check.status]}>{STATUS_TEXT[r.check.status]}</Tag> },
      { id: 'messages', header: '说明', accessor: (r) => r.check.messages.join('；'), width: 360, filter: 'text' },
      ...mapped,
    ];
  }, [mapping, spec, headers]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space data-testid="excel-import-counts" data-ok={check.counts.ok} data-duplicate={check.counts.duplicate} data-error={check.counts.error}>
        <Tag color="green">可导入 {check.counts.ok} 条</Tag>
        <Tag color="orange">重复 {check.counts.duplicate} 条</Tag>
        <Tag color="red">有误 {check.counts.error} 条</Tag>
        <span>只导入“可导入”的行，全部成功或全部不导入；有误的行可在 Excel 中改正后再导入一次。</span>
      </Space>
      <LedgerTable tableId="excel-import-preview" ariaLabel="导入预览" exportTitle={`${spec.label}导入检查结果`} columns={columns} rows={data} getRowId={(r) => String(r.check.rowNumber)} height={380} />
    </Space>
  );
}
