import { commissionerStatuses } from '../../../../../shared/domain/commissioners/schema';
import { effectiveEndDate } from '../../../../../shared/domain/commissioners/rules';
import { LedgerTag, type LedgerColumn } from '../../../components/LedgerTable';
import { complianceColors, complianceText, type CommissionerRosterRow } from './rosterRows';

const statusColors: Record<string, string> = { 意向: 'default', 已匹配: 'cyan', 已公示: 'geekblue', 服务中: 'green', 期满: 'default', 取消资格: 'red' };
const pending = <span className="commissioner-muted">…</span>;

/** 科技特派员名册: who, from where, where they serve, and how this service year stands. */
export const rosterColumns: LedgerColumn<CommissionerRosterRow>[] = [
  {
    id: 'name',
    header: '姓名',
    accessor: (r) => r.commissioner.name,
    key: 'name',
    width: 100,
    filter: 'text',
    personName: true,
    cell: (r) => <a href={`#/commissioners/c/${r.commissioner.id}`}>{r.commissioner.name}</a>,
  },
  { id: 'gender', header: '性别', accessor: (r) => r.commissioner.gender, key: 'gender', width: 60, filter: 'select', defaultHidden: true },
  { id: 'dispatchUnit', header: '派出单位', accessor: (r) => r.commissioner.dispatchUnit, key: 'dispatchUnit', width: 160, filter: 'text' },
  { id: 'degree', header: '学位', accessor: (r) => r.commissioner.degree, key: 'degree', width: 84, filter: 'select' },
  { id: 'academicTitle', header: '职称', accessor: (r) => r.commissioner.academicTitle, key: 'academicTitle', width: 96, filter: 'select' },
  { id: 'field', header: '专业领域', accessor: (r) => r.commissioner.field, key: 'field', width: 110, filter: 'text' },
  {
    id: 'status',
    header: '状态',
    accessor: (r) => r.commissioner.status,
    key: 'status',
    width: 90,
    filter: 'select',
    filterOrder: commissionerStatuses,
    cell: (r) => <LedgerTag color={statusColors[r.commissioner.status] ?? 'default'}>{r.commissioner.status}</LedgerTag>,
  },
  { id: 'enterprise', header: '派驻企业', accessor: (r) => r.figures.enterpriseName, width: 200, cell: (r) => (r.pending ? pending : r.figures.enterpriseName) },
  {
    id: 'period',
    header: '服务期',
    accessor: (r) => (r.figures.agreement?.startDate ? `${r.figures.agreement.startDate} 至 ${effectiveEndDate(r.figures.agreement) ?? '？'}` : ''),
    width: 200,
    defaultHidden: true,
  },
  {
    id: 'compliance',
    header: '本服务年度',
    accessor: (r) => r.figures.compliance?.state ?? '',
    width: 170,
    cell: (r) => {
      if (r.pending) return pending;
      const c = r.figures.compliance;
      if (!c) return <span className="commissioner-muted">未派驻</span>;
      return (
        <span title={c.messages.join('；') || `要求每年不少于 ${c.minVisits} 次、${c.minDays} 天`}>
          <LedgerTag color={complianceColors[c.state]}>{c.state}</LedgerTag> {complianceText(c)}
        </span>
      );
    },
  },
  {
    id: 'reminders',
    header: '提醒',
    accessor: (r) => (r.figures.reminders.length ? `${r.figures.reminders.length} 项` : '无'),
    width: 90,
    cell: (r) =>
      r.pending ? (
        pending
      ) : r.figures.reminders.length ? (
        <LedgerTag color={r.figures.reminders.some((m) => m.severity === 'overdue') ? 'red' : 'orange'} title={r.figures.reminders.map((m) => m.message).join('；')}>
          {r.figures.reminders.length} 项
        </LedgerTag>
      ) : (
        <span className="commissioner-muted">无</span>
      ),
  },
  { id: 'mobile', header: '手机', accessor: (r) => r.commissioner.mobile, key: 'mobile', width: 120, defaultHidden: true },
];
