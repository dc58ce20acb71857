import { useCallback, useState } from 'react';
import { Button, Tag } from 'antd';
import { advisorSuggestionSchema, type AdvisorSuggestion } from '../../../../../shared/domain/advisors/schema';
import { useDb } from '../../../db/DbContext';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { updateAdvisorRecord } from '../../../db/repositories/advisors';
import { FeedbackFields } from '../forms/FeedbackFields';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { SuggestionFields } from '../forms/SuggestionFields';
import { todayIso } from '../useAdvisors';
import { RecordList } from './RecordList';

const feedbackColors: Record<AdvisorSuggestion['feedbackStatus'], string> = { 待反馈: 'orange', 已采纳: 'green', 部分采纳: 'cyan', 未采纳: 'default' };
const implementationColors: Record<NonNullable<AdvisorSuggestion['implementationStatus']>, string> = { 待落实: 'orange', 落实中: 'blue', 已落实: 'green' };

const columns: LedgerColumn<AdvisorSuggestion>[] = [
  { id: 'date', header: '提出日期', accessor: (r) => r.date, width: 110, filter: 'dateRange' },
  { id: 'title', header: '建议标题', accessor: (r) => r.title, width: 280, filter: 'text' },
  { id: 'sentTo', header: '报送单位', accessor: (r) => r.sentTo, width: 180, filter: 'select' },
  { id: 'sentDate', header: '报送日期', accessor: (r) => r.sentDate, width: 110 },
  {
    id: 'feedbackStatus',
    header: '采纳情况',
    accessor: (r) => r.feedbackStatus,
    width: 110,
    filter: 'select',
    cell: (r) => <Tag color={feedbackColors[r.feedbackStatus]}>{r.feedbackStatus}</Tag>,
  },
  { id: 'feedbackDate', header: '反馈日期', accessor: (r) => r.feedbackDate, width: 110 },
  { id: 'feedbackNote', header: '反馈说明', accessor: (r) => r.feedbackNote, width: 200, defaultHidden: true },
  {
    id: 'implementationStatus',
    header: '落实情况',
    accessor: (r) => r.implementationStatus,
    width: 110,
    filter: 'select',
    cell: (r) => (r.implementationStatus ? <Tag color={implementationColors[r.implementationStatus]}>{r.implementationStatus}</Tag> : null),
  },
  { id: 'implementationDate', header: '落实日期', accessor: (r) => r.implementationDate, width: 110, defaultHidden: true },
  { id: 'implementationNote', header: '落实说明', accessor: (r) => r.implementationNote, width: 200, defaultHidden: true },
];

const describe = (r: AdvisorSuggestion) => r.title;
const defaults = () => ({ date: todayIso(), title: '', feedbackStatus: '待反馈' });

/** 咨询建议 with their 采纳落实情况 (seed 000 §七.(一).5, §七(四)). */
export function SuggestionsTab({ advisorId, rows }: { advisorId: string; rows: AdvisorSuggestion[] }) {
  const db = useDb();
  const [feedbackFor, setFeedbackFor] = useState<AdvisorSuggestion | null>(null);
  const rowActions = useCallback(
    (row: AdvisorSuggestion) => (
      <Button type="link" size="small" onClick={() => setFeedbackFor(row)}>
        登记反馈
      </Button>
    ),
    [],
  );
  return (
    <>
      <RecordList
        table="advisorSuggestions"
        advisorId={advisorId}
        rows={rows}
        columns={columns}
        noun="咨询建议"
        describe={describe}
        schema={advisorSuggestionSchema}
        defaults={defaults}
        fields={() => <SuggestionFields />}
        rowActions={rowActions}
        modalWidth={720}
      />
      <RecordFormModal
        open={feedbackFor !== null}
        title="登记采纳落实情况"
        schema={advisorSuggestionSchema}
        record={feedbackFor ?? undefined}
        save={(fields) => updateAdvisorRecord(db, 'advisorSuggestions', feedbackFor!.id, fields)}
        successMessage="采纳落实情况已保存"
        onClose={() => setFeedbackFor(null)}
      >
        {feedbackFor && <FeedbackFields title={feedbackFor.title} />}
      </RecordFormModal>
    </>
  );
}
