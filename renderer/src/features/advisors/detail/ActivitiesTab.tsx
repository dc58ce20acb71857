import { Tag } from 'antd';
import { advisorActivitySchema, type AdvisorActivity } from '../../../../../shared/domain/advisors/schema';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { ActivityFields } from '../forms/ActivityFields';
import { todayIso } from '../useAdvisors';
import { RecordList } from './RecordList';

const columns: LedgerColumn<AdvisorActivity>[] = [
  { id: 'date', header: '日期', accessor: (r) => r.date, width: 110, filter: 'dateRange' },
  {
    id: 'form',
    header: '工作形式',
    accessor: (r) => r.form,
    width: 120,
    filter: 'select',
    // seed 000 §四(一): 来桂座谈 / 拜访 are the 1–2 leader meetings a year.
    cell: (r) => <Tag color={r.form === '来桂座谈' || r.form === '拜访' ? 'green' : 'default'}>{r.form}</Tag>,
  },
  { id: 'duties', header: '工作职责', accessor: (r) => r.duties.join('、'), width: 220, filter: 'text' },
  { id: 'content', header: '工作内容', accessor: (r) => r.content, width: 320, filter: 'text' },
  { id: 'location', header: '地点', accessor: (r) => r.location, width: 100 },
  { id: 'participants', header: '参加人员', accessor: (r) => r.participants, width: 160, defaultHidden: true },
];

const describe = (r: AdvisorActivity) => `${r.date} ${r.form}`;
const defaults = () => ({ date: todayIso(), duties: [], content: '' });

/** 工作记录 (seed 000 §七.(一).5: 参与咨询论证的具体情况) by 工作形式 and 工作职责. */
export function ActivitiesTab({ advisorId, rows }: { advisorId: string; rows: AdvisorActivity[] }) {
  return (
    <RecordList
      table="advisorActivities"
      advisorId={advisorId}
      rows={rows}
      columns={columns}
      noun="工作记录"
      describe={describe}
      schema={advisorActivitySchema}
      defaults={defaults}
      fields={() => <ActivityFields />}
      modalWidth={720}
    />
  );
}
