import { useMemo, useState, type ReactNode } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import type { FieldWarning } from '../../../../../shared/domain/contactWarnings';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { useDb } from '../../../app/DbContext';
import { LedgerTable, type LedgerColumn } from '../../../components/LedgerTable';
import type { CreateInput, UpdateInput } from '../../../db/ledgerRepository';
import {
  addAdvisorRecord,
  removeAdvisorRecord,
  restoreAdvisorRecord,
  updateAdvisorRecord,
  type AdvisorRecord,
  type AdvisorRecordTable,
} from '../../../db/repositories/advisors';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { LedgerPrintButton } from '../../../components/LedgerPrint';
import { useConfirmRemove } from '../useConfirmRemove';

export interface RecordListProps<T extends AdvisorRecordTable> {
  table: T;
  advisorId: string;
  rows: AdvisorRecord<T>[];
  /** The record's own columns; 操作 (修改 / 删除 and `rowActions`) is added here. */
  columns: LedgerColumn<AdvisorRecord<T>>[];
  /** e.g. 工作记录: used in 新增工作记录, 删除工作记录？ and the grid's name. */
  noun: string;
  /** How the record is named in confirmations, e.g. 2026-04-16 来桂座谈. */
  describe: (row: AdvisorRecord<T>) => string;
  schema: z.ZodType;
  /** Initial values of a new record (today, the policy's amount …). */
  defaults: () => Record<string, unknown>;
  fields: (row?: AdvisorRecord<T>) => ReactNode;
  rowActions?: (row: AdvisorRecord<T>) => ReactNode;
  toolbarExtra?: ReactNode;
  modalWidth?: number;
  /** Why 新增 is not possible now (e.g. 聘金 before 聘任); the button is disabled and says so. */
  addDisabledReason?: string | null;
  /** Asked before saving, overridable (a second payment for the same year …). */
  warnings?: (draft: Record<string, unknown>) => FieldWarning[];
}

/**
 * One sub-ledger of an advisor's file (工作记录, 咨询建议, 聘金, 方案, 评估): a LedgerTable with
 * 新增 / 修改 (Enter or double-click on a row) / 删除 (asked, tombstoned, undoable). Each tab
 * only says what its records look like.
 */
export function RecordList<T extends AdvisorRecordTable>(props: RecordListProps<T>) {
  const { table, advisorId, noun, describe } = props;
  const db = useDb();
  const confirmRemove = useConfirmRemove();
  const [editing, setEditing] = useState<{ row?: AdvisorRecord<T> } | null>(null);
  const [displayed, setDisplayed] = useState<AdvisorRecord<T>[]>([]);

  const columns = useMemo<LedgerColumn<AdvisorRecord<T>>[]>(
    () => [
      ...props.columns,
      {
        id: 'actions',
        header: '操作',
        accessor: () => '',
        width: props.rowActions ? 210 : 130,
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
                  remove: () => removeAdvisorRecord(db, table, row.id),
                  restore: () => restoreAdvisorRecord(db, table, row.id),
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
    // Tabs pass module-level columns/describe and memoised rowActions, so this stays stable.
    [props.columns, props.rowActions, describe, confirmRemove, db, table, noun],
  );

  const row = editing?.row;
  return (
    <>
      <LedgerTable
        tableId={`advisor-${table}`}
        ariaLabel={noun}
        columns={columns}
        rows={props.rows}
        getRowId={(r) => r.id}
        onRowActivate={(r) => setEditing({ row: r })}
        onDisplayedRowsChange={setDisplayed}
        height={360}
        emptyText={`暂无${noun}`}
        toolbarExtra={
          <Space>
            <Tooltip title={props.addDisabledReason}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={!!props.addDisabledReason}>
                新增{noun}
              </Button>
            </Tooltip>
            {props.addDisabledReason && <Typography.Text type="secondary">{props.addDisabledReason}</Typography.Text>}
            {props.toolbarExtra}
            <LedgerPrintButton tableId={`advisor-${table}`} title={`${noun}一览`} columns={columns} displayedCount={displayed.length} rows={displayed} totalCount={props.rows.length} />
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
        context={{ advisorId }}
        save={(fields) =>
          row ? updateAdvisorRecord(db, table, row.id, fields as UpdateInput<T>) : addAdvisorRecord(db, table, fields as CreateInput<T>)
        }
        successMessage={`${noun}已保存`}
        warnings={props.warnings}
        onClose={() => setEditing(null)}
      >
        {props.fields(row)}
      </RecordFormModal>
    </>
  );
}
