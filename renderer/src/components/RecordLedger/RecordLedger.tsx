import { useMemo, useState, type ReactNode } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { FieldWarning } from '../../../../shared/domain/contactWarnings';
import { LedgerTable, type LedgerColumn } from '../LedgerTable';
import type { LedgerAttachmentFilter, LedgerExcelImport } from '../LedgerTable/types';
import { RecordFormModal } from '../forms/RecordFormModal';
import { LedgerPrintButton } from '../LedgerPrint';
import { RowActions } from './RowActions';

type Row = { id: string };

export interface RecordLedgerProps<T extends Row> {
  /** Grid id (column widths, visibility) and the print's stem. */
  tableId: string;
  rows: T[];
  /** The record's own columns; 操作 (修改 / 删除 and `rowActions`) is added here. */
  columns: LedgerColumn<T>[];
  /** e.g. 工作记录: used in 新增工作记录, 删除工作记录？ and the grid's name. */
  noun: string;
  /** How the record is named in confirmations, e.g. 2026-04-16 来桂座谈. */
  describe: (row: T) => string;
  schema: z.ZodType;
  /** Initial values of a new record (today, the policy's amount …). */
  defaults: () => Record<string, unknown>;
  /** Fixed fields of every record, e.g. { advisorId } or { agreementId }. */
  context?: Record<string, unknown>;
  fields: (row?: T) => ReactNode;
  /** Writes the record (new when `row` is absent); a rule refusal throws a Chinese message. */
  save: (fields: Record<string, unknown>, row?: T) => Promise<unknown>;
  /** Tombstones the record and undoes it (the module's repository, so its rules run). */
  remove: (row: T) => Promise<void>;
  restore: (row: T) => Promise<void>;
  rowActions?: (row: T) => ReactNode;
  /** Width of 操作 with and without `rowActions`. */
  actionsWidth?: [withExtra: number, plain: number];
  /** Opens the row somewhere else instead of the edit form (e.g. a commissioner's file). */
  onOpen?: (row: T) => void;
  toolbarExtra?: ReactNode;
  /** Why 新增 is not possible now; the button is disabled and says so. */
  addDisabledReason?: string | null;
  /** No 新增 button (the list is added to elsewhere). */
  readOnlyAdd?: boolean;
  /** 从 Excel 导入 on the toolbar (a target of renderer/src/components/Excel/importRegistry.ts). */
  excelImport?: LedgerExcelImport;
  /** 有/无附件 on the toolbar, for records that hold 附件 (e.g. { table: 'advisorStipends' }). */
  attachments?: LedgerAttachmentFilter;
  /** Asked before saving, overridable (a second payment for the same year …). */
  warnings?: (draft: Record<string, unknown>) => FieldWarning[];
  height?: number | string;
  modalWidth?: number;
}

/**
 * A sub-ledger of a record file or module (科技顾问 工作记录/聘金/…, 科技特派员 派出单位/考核/补助/…):
 * a LedgerTable with 新增 / 修改 (Enter or double-click) / 删除 (asked, tombstoned, undoable) and
 * 打印. The caller says how a record is saved and removed, so each module's rules run inside its
 * repository; this part only owns the list's behaviour.
 */
export function RecordLedger<T extends Row>(props: RecordLedgerProps<T>) {
  const { noun, describe, remove, restore } = props;
  const [editing, setEditing] = useState<{ row?: T } | null>(null);
  const [displayed, setDisplayed] = useState<T[]>([]);
  const [withExtra, plain] = props.actionsWidth ?? [210, 130];

  const columns = useMemo<LedgerColumn<T>[]>(
    () => [
      ...props.columns,
      {
        id: 'actions',
        header: '操作',
        accessor: () => '',
        width: props.rowActions ? withExtra : plain,
        sortable: false,
        pin: 'right',
        cell: (row) => (
          <RowActions
            extra={props.rowActions?.(row)}
            onEdit={() => setEditing({ row })}
            removal={() => ({
              title: `删除${noun}？`,
              content: `将删除${noun}“${describe(row)}”。删除后可在提示中撤销。`,
              remove: () => remove(row),
              restore: () => restore(row),
              doneMessage: `已删除${noun}“${describe(row)}”`,
            })}
          />
        ),
      },
    ],
    // Callers pass module-level columns/describe and memoised callbacks, so this stays stable.
    [props.columns, props.rowActions, describe, remove, restore, noun, withExtra, plain],
  );

  const row = editing?.row;
  return (
    <>
      <LedgerTable
        tableId={props.tableId}
        excelImport={props.excelImport}
        attachments={props.attachments}
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
        width={props.modalWidth}
        schema={props.schema}
        record={row as Record<string, unknown> | undefined}
        defaults={editing && !row ? props.defaults() : undefined}
        context={props.context}
        save={(fields) => props.save(fields, row)}
        successMessage={`${noun}已保存`}
        warnings={props.warnings}
        onClose={() => setEditing(null)}
      >
        {props.fields(row)}
      </RecordFormModal>
    </>
  );
}
