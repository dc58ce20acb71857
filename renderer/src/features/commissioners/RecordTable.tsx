import type { LedgerExcelImport } from '../../components/LedgerTable/types';
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { useDb } from '../../app/DbContext';
import { LedgerTable, type LedgerColumn } from '../../components/LedgerTable';
import { RecordFormModal } from '../../components/forms/RecordFormModal';
import { LedgerPrintButton } from '../../components/LedgerPrint';
import { removeCommissionerRecord, restoreCommissionerRecord } from '../../db/repositories/commissionerFiles';
import { useConfirmRemove } from '../advisors/useConfirmRemove';

type Row = { id: string } & Record<string, unknown>;

export interface RecordTableProps<T extends Row> {
  /** Ledger table the rows live in (删除 tombstones there). */
  table: LedgerTableName;
  /** Grid id (column widths, visibility) and print title's stem. */
  tableId: string;
  /** 从 Excel 导入 on the toolbar (a target declared in renderer/src/components/Excel/importRegistry.ts). */
  excelImport?: LedgerExcelImport;
  rows: T[];
  columns: LedgerColumn<T>[];
  /** e.g. 派出单位: 新增派出单位, 删除派出单位？ */
  noun: string;
  describe: (row: T) => string;
  schema: z.ZodType;
  defaults: () => Record<string, unknown>;
  /** Fixed fields of every record, e.g. { agreementId }. */
  context?: Record<string, unknown>;
  fields: (row?: T) => ReactNode;
  /** Writes the record (new when `row` is absent); rule refusals throw a Chinese message. */
  save: (fields: Record<string, unknown>, row?: T) => Promise<unknown>;
  rowActions?: (row: T) => ReactNode;
  /** Opens the row somewhere else instead of the edit form (e.g. a commissioner's file). */
  onOpen?: (row: T) => void;
  toolbarExtra?: ReactNode;
  addDisabledReason?: string | null;
  height?: number | string;
  modalWidth?: number;
  /** No 新增 button (the list is added to elsewhere). */
  readOnlyAdd?: boolean;
}

/**
 * A sub-ledger of the 科技特派员 module (派出单位, 派驻企业, 考核, 补助, 变更申请 …): a LedgerTable
 * with 新增 / 修改 (Enter or double-click) / 删除 (asked, tombstoned, undoable) and 打印. The
 * caller says how a record is saved, so the module's rules run inside the repository.
 */
export function RecordTable<T extends Row>(props: RecordTableProps<T>) {
  const { noun, describe, table } = props;
  const db = useDb();
  const confirmRemove = useConfirmRemove();
  const [editing, setEditing] = useState<{ row?: T } | null>(null);
  const [displayed, setDisplayed] = useState<T[]>([]);

  const columns = useMemo<LedgerColumn<T>[]>(
    () => [
      ...props.columns,
      {
        id: 'actions',
        header: '操作',
        accessor: () => '',
        width: props.rowActions ? 200 : 110,
        sortable: false,
        pin: 'right',
        cell: (row) => (
          <Space size={0}>
            {props.rowActions?.(row)}
            <Button type="link" size="small" onClick={() => setEditing({ row })}>
              修改
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() =>
                confirmRemove({
                  title: `删除${noun}？`,
                  content: `将删除${noun}“${describe(row)}”。删除后可在提示中撤销。`,
                  remove: () => removeCommissionerRecord(db, table, row.id),
                  restore: () => restoreCommissionerRecord(db, table, row.id),
                  doneMessage: `已删除${noun}“${describe(row)}”`,
                })
              }
            >
              删除
            </Button>
          </Space>
        ),
      },
    ],
    [props.columns, props.rowActions, describe, confirmRemove, db, table, noun],
  );

  const row = editing?.row;
  return (
    <>
      <LedgerTable
        tableId={props.tableId}
        excelImport={props.excelImport}
        ariaLabel={noun}
        columns={columns}
        rows={props.rows}
        getRowId={(r) => r.id}
        onRowActivate={(r) => (props.onOpen ? props.onOpen(r) : setEditing({ row: r }))}
        onDisplayedRowsChange={setDisplayed}
        height={props.height ?? 360}
        emptyText={`暂无${noun}`}
        toolbarExtra={
          <Space wrap>
            {!props.readOnlyAdd && (
              <Tooltip title={props.addDisabledReason}>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={!!props.addDisabledReason}>
                  新增{noun}
                </Button>
              </Tooltip>
            )}
            {props.addDisabledReason && <Typography.Text type="secondary">{props.addDisabledReason}</Typography.Text>}
            {props.toolbarExtra}
            <LedgerPrintButton tableId={props.tableId} title={`${noun}一览`} columns={columns} displayedCount={displayed.length} rows={displayed} totalCount={props.rows.length} />
          </Space>
        }
      />
      <RecordFormModal
        open={editing !== null}
        title={row ? `修改${noun}` : `新增${noun}`}
        width={props.modalWidth ?? 720}
        schema={props.schema}
        record={row}
        defaults={editing && !row ? props.defaults() : undefined}
        context={props.context}
        save={(fields) => props.save(fields, row)}
        successMessage={`${noun}已保存`}
        onClose={() => setEditing(null)}
      >
        {props.fields(row)}
      </RecordFormModal>
    </>
  );
}
