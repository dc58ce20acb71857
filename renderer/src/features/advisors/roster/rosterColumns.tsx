import { LedgerTag, type LedgerColumn } from '../../../components/LedgerTable';
import { severityColors, severityLabels, statusColors } from '../advisorStatus';
import type { RosterRow } from '../rosterRows';
import { advisorStatuses } from '../../../../../shared/domain/advisors/schema';
import { formatYuan } from '../yearSummary';

// Headers name the year; the rows are computed for the same calendar year (todayIso).
const year = new Date().getFullYear();

/** The 科技顾问名册: who, where, which step, and what this year has brought (seed 000 §七.(一).5). */
export const rosterColumns: LedgerColumn<RosterRow>[] = [
  {
    id: 'name',
    header: '姓名',
    accessor: (r) => r.advisor.name,
    key: 'name',
    width: 100,
    filter: 'text',
    personName: true,
    cell: (r) => <a href={`#/advisors/${r.advisor.id}`}>{r.advisor.name}</a>,
  },
  { id: 'honorific', header: '院士称号', accessor: (r) => r.advisor.honorific, key: 'honorific', width: 130, filter: 'select' },
  { id: 'homeInstitution', header: '所在单位', accessor: (r) => r.advisor.homeInstitution, key: 'homeInstitution', width: 160, filter: 'text' },
  { id: 'serviceUnit', header: '服务单位', accessor: (r) => r.advisor.serviceUnit, key: 'serviceUnit', width: 160, filter: 'text' },
  {
    id: 'status',
    header: '状态',
    accessor: (r) => r.advisor.status,
    key: 'status',
    width: 90,
    filter: 'select',
    filterOrder: advisorStatuses,
    cell: (r) => <LedgerTag color={statusColors[r.advisor.status]}>{r.advisor.status}</LedgerTag>,
  },
  {
    id: 'reminders',
    header: '提醒',
    // Filtered by the most urgent kind (已逾期 / 待办 / 提示 / 无); the tag's title lists them all.
    accessor: (r) => (r.topSeverity ? severityLabels[r.topSeverity] : '无'),
    width: 110,
    filter: 'select',
    cell: (r) =>
      r.pending ? (
        <span className="advisor-muted">…</span>
      ) : r.topSeverity ? (
        <LedgerTag color={severityColors[r.topSeverity]} title={r.reminders.map((m) => m.message).join('；')}>
          {severityLabels[r.topSeverity]} {r.reminders.length} 项
        </LedgerTag>
      ) : (
        <span className="advisor-muted">无</span>
      ),
  },
  { id: 'term', header: '聘期', accessor: (r) => r.term, key: 'termStart', width: 200 },
  { id: 'field', header: '领域', accessor: (r) => r.advisor.field, key: 'field', width: 100, filter: 'select' },
  { id: 'competentDepartment', header: '行业主管部门', accessor: (r) => r.advisor.competentDepartment, key: 'competentDepartment', width: 170, filter: 'select' },
  {
    id: 'activities',
    header: `${year}年工作`,
    accessor: (r) => r.thisYear.activities,
    width: 160,
    align: 'right',
    cell: (r) => (r.pending ? '…' : `${r.thisYear.activities} 次（座谈/拜访 ${r.thisYear.meetings}）`),
  },
  {
    id: 'suggestions',
    header: `${year}年建议`,
    accessor: (r) => r.thisYear.suggestions,
    width: 130,
    align: 'right',
    cell: (r) => (r.pending ? '…' : `${r.thisYear.suggestions} 条（采纳 ${r.thisYear.adopted}）`),
  },
  {
    id: 'paid',
    header: `${year}年聘金`,
    accessor: (r) => r.thisYear.paid,
    exportAs: 'amount',
    width: 100,
    align: 'right',
    // Only an appointed advisor is owed 聘金 (seed 000 §六); others show a dash, not 未拨付.
    cell: (r) => (r.pending ? '…' : r.thisYear.paid ? formatYuan(r.thisYear.paid) : <span className="advisor-muted">{r.advisor.status === '已聘任' ? '未拨付' : '—'}</span>),
  },
  { id: 'phone', header: '电话', accessor: (r) => r.advisor.phone, key: 'phone', width: 130, defaultHidden: true },
  { id: 'liaison', header: '服务单位联系人', accessor: (r) => r.advisor.serviceUnitLiaison, key: 'serviceUnitLiaison', width: 120, defaultHidden: true },
  { id: 'certificateNumber', header: '聘书编号', accessor: (r) => r.advisor.certificateNumber, key: 'certificateNumber', width: 170, defaultHidden: true },
  {
    id: 'updatedAt',
    header: '最近修改',
    accessor: (r) => r.advisor.updatedAt,
    key: 'updatedAt',
    exportAs: 'dateTime',
    width: 170,
    defaultHidden: true,
    cell: (r) => new Date(r.advisor.updatedAt).toLocaleString('zh-CN', { hour12: false }),
  },
];
