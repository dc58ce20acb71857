import { useMemo, useState } from 'react';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../../db/DbContext';
import { useHashRoute } from '../../../navigation/useHashRoute';
import { LedgerTable, type LedgerColumn } from '../../../components/LedgerTable';
import { LedgerPrintButton } from '../../../components/LedgerPrint';
import { complianceOverview, type ComplianceRow } from '../../../db/repositories/commissionerFiles';
import { complianceColors } from '../roster/rosterRows';
import { AgreementBatchActions } from './AgreementBatchActions';
import { partyName, todayIso, useCommissionerLookups, useCommissionerRules, type CommissionerLookups } from '../useCommissioners';

const order = ['未达标', '进度落后', '进行中', '未开始', '达标'];

function columns(lookups: CommissionerLookups | undefined): LedgerColumn<ComplianceRow>[] {
  return [
    { id: 'party', header: '科技特派员（团）', accessor: (r) => partyName(r.agreement, lookups), width: 170, filter: 'text' },
    { id: 'enterprise', header: '派驻企业', accessor: (r) => lookups?.enterpriseById.get(r.agreement.enterpriseId)?.name, width: 180, filter: 'text' },
    { id: 'year', header: '服务年度', accessor: (r) => `第 ${r.compliance.year.index} 年 ${r.compliance.year.start} 至 ${r.compliance.year.end}`, width: 230 },
    { id: 'visits', header: '服务次数', accessor: (r) => r.compliance.visits, width: 80, align: 'right' },
    { id: 'days', header: '服务天数', accessor: (r) => r.compliance.days, width: 80, align: 'right' },
    {
      id: 'state',
      header: '状态',
      accessor: (r) => r.compliance.state,
      width: 100,
      filter: 'select',
      filterOrder: order,
      cell: (r) => (
        <Tooltip title={r.compliance.messages.join('；')}>
          <Tag color={complianceColors[r.compliance.state]}>{r.compliance.state}</Tag>
        </Tooltip>
      ),
    },
    { id: 'messages', header: '说明', accessor: (r) => r.compliance.messages.join('；'), width: 320 },
  ];
}

/**
 * 履职监测: who is behind, at a glance — every dispatch's current service year, those short or
 * behind pace first. Each agreement's logs are one index range (complianceOverview).
 */
export function ComplianceSection() {
  const db = useDb();
  const rules = useCommissionerRules();
  const lookups = useCommissionerLookups();
  const [, navigate] = useHashRoute();
  const today = todayIso();
  const rows = useLiveQuery(() => complianceOverview(db, today, today, rules), [db, today, rules]);
  const sorted = useMemo(() => [...(rows ?? [])].sort((a, b) => order.indexOf(a.compliance.state) - order.indexOf(b.compliance.state)), [rows]);
  const cols = useMemo(() => columns(lookups), [lookups]);
  // Ticked rows, or every agreement listed, go into the batch of 合作协议书.
  const [selected, setSelected] = useState<string[]>([]);
  const batch = useMemo(() => {
    if (selected.length === 0) return sorted.map((r) => r.agreement);
    const ids = new Set(selected);
    return sorted.filter((r) => ids.has(r.agreement.id)).map((r) => r.agreement);
  }, [sorted, selected]);
  const counts = order.map((s) => ({ s, n: sorted.filter((r) => r.compliance.state === s).length })).filter((c) => c.n > 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>
          要求每个服务年度到企业服务不少于 {rules.minVisitsPerYear} 次、累计 {rules.minServiceDaysPerYear} 天；
        </Typography.Text>
        {counts.map((c) => (
          <Tag key={c.s} color={complianceColors[c.s as keyof typeof complianceColors]}>
            {c.s} {c.n}
          </Tag>
        ))}
      </Space>
      <LedgerTable
        tableId="commissioner-compliance"
        ariaLabel="履职监测"
        columns={cols}
        rows={sorted}
        getRowId={(r) => r.agreement.id}
        selectable
        onSelectionChange={setSelected}
        onRowActivate={(r) => {
          const person = r.agreement.commissionerId ?? lookups?.teamById.get(r.agreement.teamId ?? '')?.leaderId;
          if (person) navigate('commissioners', `c/${person}/compliance`);
        }}
        height="calc(100vh - 330px)"
        emptyText={rows ? '尚无在服务期内的派驻' : '正在读取…'}
        toolbarExtra={
          <Space wrap>
            <LedgerPrintButton tableId="commissioner-compliance" title="科技特派员履职情况" columns={cols} displayedCount={sorted.length} rows={sorted} totalCount={sorted.length} />
            <AgreementBatchActions agreements={batch} scope={selected.length ? '所选' : '在服务期内'} />
          </Space>
        }
      />
    </Space>
  );
}
