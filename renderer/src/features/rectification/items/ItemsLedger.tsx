import { useMemo, useState, type ReactNode } from 'react';
import { Button, Space } from 'antd';
import type { RectificationItem, RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { useDb } from '../../../db/DbContext';
import { useHashRoute } from '../../../navigation/useHashRoute';
import { LedgerTable } from '../../../components/LedgerTable';
import { LedgerPrintButton } from '../../../components/LedgerPrint';
import { removeItem, restoreItem } from '../../../db/repositories/rectification';
import { useConfirmRemove } from '../../../components/RecordLedger/useConfirmRemove';
import { todayIso } from '../useRectification';
import { ItemFormModal } from './ItemFormModal';
import { itemColumns } from './itemColumns';
import { ProgressModal } from './ProgressModal';
import { useAttachmentCounts } from '../../attachments';

export interface ItemsLedgerProps {
  plan: RectificationPlan;
  /** The rows this view shows (the whole plan or one of its views). */
  rows: RectificationItem[];
  /** 序号 a new item gets. */
  nextSeq: number;
  /** Keys remembered columns; one per view. */
  tableId: string;
  /** Names the grid and its printed listing, e.g. 整改事项 or 农村处的整改事项. */
  title: string;
  toolbarExtra?: ReactNode;
  emptyText: string;
  height?: string | number;
}

/** 有/无附件 on the toolbar: an item's 佐证材料 are its 附件. */
const ITEM_ATTACHMENTS = { table: 'rectificationItems' };

const describe = (item: RectificationItem) => `第 ${item.seq} 项 ${item.content.length > 20 ? `${item.content.slice(0, 20)}…` : item.content}`;

/**
 * A plan's items as a ledger with 详情 / 修改 / 登记进展 / 删除 on every row; the whole plan and
 * each view (处室, 责任人, 本月到期, 逾期) are this ledger over different rows.
 */
export function ItemsLedger({ plan, rows, nextSeq, tableId, title, toolbarExtra, emptyText, height = 'calc(100vh - 350px)' }: ItemsLedgerProps) {
  const db = useDb();
  const [, navigate] = useHashRoute();
  const confirmRemove = useConfirmRemove();
  const [editing, setEditing] = useState<{ item?: RectificationItem } | null>(null);
  const [progressFor, setProgressFor] = useState<RectificationItem | null>(null);
  const [displayed, setDisplayed] = useState<RectificationItem[]>([]);
  const today = todayIso();
  // 佐证材料 per item: the derived counts, one key range for the table (no file is read).
  const fileCounts = useAttachmentCounts('rectificationItems');

  const columns = useMemo(
    () =>
      itemColumns(
        today,
        (item) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => navigate('rectification', `${plan.id}/item/${item.id}`)}>
              详情
            </Button>
            <Button type="link" size="small" onClick={() => setEditing({ item })}>
              修改
            </Button>
            <Button type="link" size="small" onClick={() => setProgressFor(item)}>
              登记进展
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() =>
                confirmRemove({
                  title: '删除整改事项？',
                  content: `将删除整改事项“${describe(item)}”及其推进情况。删除后可在提示中撤销。`,
                  remove: () => removeItem(db, item.id),
                  restore: () => restoreItem(db, item.id),
                  doneMessage: `已删除整改事项“${describe(item)}”`,
                })
              }
            >
              删除
            </Button>
          </Space>
        ),
        250,
        (item) => fileCounts.get(item.id) ?? 0,
      ),
    [today, navigate, plan.id, confirmRemove, db, fileCounts],
  );

  return (
    <>
      <LedgerTable
        tableId={tableId}
        ariaLabel={title}
        columns={columns}
        rows={rows}
        getRowId={(r) => r.id}
        onRowActivate={(r) => navigate('rectification', `${plan.id}/item/${r.id}`)}
        excelImport={{ target: 'rectificationItems', options: { planId: plan.id, plan } }}
        attachments={ITEM_ATTACHMENTS}
        onDisplayedRowsChange={setDisplayed}
        height={height}
        emptyText={emptyText}
        toolbarExtra={
          <Space wrap>
            {toolbarExtra}
            <LedgerPrintButton tableId={tableId} title={`${plan.name}——${title}`} columns={columns} displayedCount={displayed.length} rows={displayed} totalCount={rows.length} />
          </Space>
        }
      />
      {editing && <ItemFormModal open plan={plan} item={editing.item} nextSeq={nextSeq} onClose={() => setEditing(null)} />}
      <ProgressModal item={progressFor} onClose={() => setProgressFor(null)} />
    </>
  );
}
