import type { ReactNode } from 'react';
import { Tag, Tooltip } from 'antd';
import { completedLate, displayStatus, daysOverdue, type RectificationDisplayStatus } from '../../../../../shared/domain/rectification/overdue';
import { evidenceFilesState } from '../../../../../shared/domain/rectification/evidence';
import { rectificationStatuses, type RectificationItem } from '../../../../../shared/domain/rectification/schema';
import { divisionsText, numberedMeasures, personsText } from '../../../../../shared/documents/rectification/plan-input';
import { LedgerTag, type LedgerColumn } from '../../../components/LedgerTable';

export const statusColors: Record<RectificationDisplayStatus, string> = { 未启动: 'default', 推进中: 'blue', 已完成: 'green', 逾期: 'red' };

/** 逾期 shows with the stored stage and how late, e.g. 逾期 推进中 · 12 天. */
export function StatusTag({ item, today }: { item: RectificationItem; today: string }) {
  const shown = displayStatus(item, today);
  if (shown === '已完成' && completedLate(item)) {
    return (
      <Tooltip title={`计划 ${item.plannedDate} 完成，实际 ${item.completedDate} 完成`}>
        <Tag color="gold">已完成（逾期）</Tag>
      </Tooltip>
    );
  }
  if (shown !== '逾期') return <Tag color={statusColors[shown]}>{shown}</Tag>;
  return (
    <Tooltip title={`计划 ${item.plannedDate} 完成，已逾期 ${daysOverdue(item, today)} 天（${item.status}）`}>
      <Tag color="red">逾期</Tag>
    </Tooltip>
  );
}

const evidenceColors = { present: 'green', missing: 'orange', missingCompleted: 'red' } as const;

/** 已上传 n 份 / 缺佐证材料, with what 整改检验形式 expects (and any note of paper evidence) on hover. */
function evidenceTag(item: RectificationItem, fileCount: number) {
  const { text, tone } = evidenceFilesState(fileCount, item.status === '已完成');
  const title = `整改检验形式：${item.verificationForm}${item.evidenceNotes ? `\n已登记：${item.evidenceNotes}` : ''}`;
  return (
    <LedgerTag color={evidenceColors[tone]} title={title}>
      {text}
    </LedgerTag>
  );
}

/**
 * The items ledger in the seed's column order (序号 … 责任人) with 佐证材料 (the item's live 附件,
 * `fileCount`) just before the 整改检验形式 it answers — there it is in view at 1366 px beside
 * the pinned 操作 column —, then progress; `actions` draws 操作.
 */
export function itemColumns(
  today: string,
  actions: (item: RectificationItem) => ReactNode,
  actionsWidth: number,
  fileCount: (item: RectificationItem) => number,
): LedgerColumn<RectificationItem>[] {
  return [
    { id: 'seq', header: '序号', accessor: (r) => r.seq, width: 64, align: 'center' },
    { id: 'theme', header: '主题', accessor: (r) => r.theme, width: 120, filter: 'select' },
    { id: 'content', header: '整改内容', accessor: (r) => r.content, width: 260, filter: 'text' },
    { id: 'measures', header: '整改措施', accessor: (r) => numberedMeasures(r.measures), width: 240, filter: 'text' },
    {
      id: 'evidence',
      header: '佐证材料',
      // The text is what prints, exports and quick search finds (缺佐证材料); the toolbar's
      // 有/无附件 filters on the same counts.
      accessor: (r) => evidenceFilesState(fileCount(r), r.status === '已完成').text,
      width: 112,
      cell: (r) => evidenceTag(r, fileCount(r)),
    },
    { id: 'verificationForm', header: '整改检验形式', accessor: (r) => r.verificationForm, width: 170 },
    { id: 'plannedDate', header: '计划完成时间', accessor: (r) => r.plannedDate, width: 140, filter: 'dateRange' },
    { id: 'divisions', header: '责任处室', accessor: (r) => divisionsText(r).replace(/\n/g, ' '), width: 140, filter: 'text' },
    { id: 'persons', header: '责任人', accessor: (r) => personsText(r).replace(/\n/g, '、'), width: 150, filter: 'text', personName: true },
    {
      id: 'status',
      header: '状态',
      accessor: (r) => displayStatus(r, today),
      width: 116,
      filter: 'select',
      filterOrder: [...rectificationStatuses, '逾期'],
      cell: (r) => <StatusTag item={r} today={today} />,
    },
    { id: 'completedDate', header: '完成日期', accessor: (r) => r.completedDate, width: 110, filter: 'dateRange' },
    { id: 'actions', header: '操作', accessor: () => '', width: actionsWidth, sortable: false, pin: 'right', cell: actions },
  ];
}
