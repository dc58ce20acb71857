import { Tag } from 'antd';
import { commissionerTeamSchema, dispatchUnitSchema, hostEnterpriseSchema, type CommissionerTeam, type DispatchUnit, type HostEnterprise } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { addCommissionerRecord, updateCommissionerRecord } from '../../../db/repositories/commissionerFiles';
import { saveTeam } from '../../../db/repositories/commissioners';
import { DispatchUnitFields, EnterpriseFields, TeamFields } from '../forms/PeopleFields';
import { RecordTable } from '../RecordTable';
import { useCommissionerLookups, useCommissionerRules, type CommissionerLookups } from '../useCommissioners';

const unitColumns: LedgerColumn<DispatchUnit>[] = [
  { id: 'name', header: '单位名称', accessor: (r) => r.name, width: 220, filter: 'text' },
  { id: 'kind', header: '类型', accessor: (r) => r.kind, width: 100, filter: 'select' },
  { id: 'inRegion', header: '区内/区外', accessor: (r) => (r.inRegion ? '区内' : '区外'), width: 90, filter: 'select' },
  { id: 'creditCode', header: '统一社会信用代码', accessor: (r) => r.creditCode, width: 180 },
  { id: 'contact', header: '联系人', accessor: (r) => [r.contactPerson, r.contactPhone].filter(Boolean).join(' '), width: 180 },
];

/** 派出单位名录. */
export function DispatchUnitsSection() {
  const db = useDb();
  const lookups = useCommissionerLookups();
  return (
    <RecordTable
      table="dispatchUnits"
      tableId="commissioner-units"
      rows={lookups?.units ?? []}
      columns={unitColumns}
      noun="派出单位"
      describe={(r) => r.name}
      schema={dispatchUnitSchema}
      defaults={() => ({ kind: '高校', inRegion: true })}
      fields={() => <DispatchUnitFields />}
      save={(fields, row) => (row ? updateCommissionerRecord(db, 'dispatchUnits', row.id, fields) : addCommissionerRecord(db, 'dispatchUnits', fields as never))}
      height="calc(100vh - 300px)"
    />
  );
}

const enterpriseColumns: LedgerColumn<HostEnterprise>[] = [
  { id: 'name', header: '企业名称', accessor: (r) => r.name, width: 220, filter: 'text' },
  { id: 'creditCode', header: '统一社会信用代码', accessor: (r) => r.creditCode, width: 180 },
  { id: 'city', header: '设区市', accessor: (r) => r.city, width: 90, filter: 'select' },
  { id: 'county', header: '县（区）', accessor: (r) => r.county, width: 100, filter: 'select' },
  { id: 'kinds', header: '企业类型', accessor: (r) => r.kinds.join('、'), width: 200 },
  {
    id: 'rd',
    header: '研发投入核算',
    accessor: (r) => (r.hasRdAccounting && r.hasRdActivity ? '已建立并开展研发' : r.hasRdAccounting ? '已建立制度' : '未建立'),
    width: 140,
    filter: 'select',
    cell: (r) => <Tag color={r.hasRdAccounting && r.hasRdActivity ? 'green' : r.hasRdAccounting ? 'blue' : 'default'}>{r.hasRdAccounting && r.hasRdActivity ? '已建立并开展研发' : r.hasRdAccounting ? '已建立制度' : '未建立'}</Tag>,
  },
  { id: 'legalRepresentative', header: '法定代表人', accessor: (r) => r.legalRepresentative, width: 100, defaultHidden: true },
  { id: 'contact', header: '联系人', accessor: (r) => [r.contactPerson, r.contactPhone].filter(Boolean).join(' '), width: 180, defaultHidden: true },
];

/** 派驻企业名录. */
export function EnterprisesSection() {
  const db = useDb();
  const lookups = useCommissionerLookups();
  return (
    <RecordTable
      table="hostEnterprises"
      tableId="commissioner-enterprises"
      excelImport={{ target: 'hostEnterprises' }}
      rows={lookups?.enterprises ?? []}
      columns={enterpriseColumns}
      noun="派驻企业"
      describe={(r) => r.name}
      schema={hostEnterpriseSchema}
      defaults={() => ({ kinds: [], hasRdAccounting: false, hasRdActivity: false })}
      fields={() => <EnterpriseFields />}
      save={(fields, row) => (row ? updateCommissionerRecord(db, 'hostEnterprises', row.id, fields) : addCommissionerRecord(db, 'hostEnterprises', fields as never))}
      height="calc(100vh - 300px)"
    />
  );
}

function teamColumns(lookups: CommissionerLookups | undefined): LedgerColumn<CommissionerTeam>[] {
  const name = (id?: string) => (id ? (lookups?.personById.get(id)?.name ?? '') : '');
  return [
    { id: 'name', header: '特派团名称', accessor: (r) => r.name, width: 200, filter: 'text' },
    { id: 'leader', header: '团长', accessor: (r) => name(r.leaderId), width: 90 },
    { id: 'members', header: '成员', accessor: (r) => r.memberIds.map(name).join('、'), width: 260 },
    { id: 'size', header: '人数', accessor: (r) => r.memberIds.length, width: 60 },
    { id: 'industryCluster', header: '产业链/集群', accessor: (r) => r.industryCluster, width: 140 },
  ];
}

/**
 * 科技特派团 (3–5 members, a leader; sizes from the profile). Saved through saveTeam, which
 * refuses a team of the wrong size or a member already in another team; members' teamId follows.
 */
export function TeamsSection() {
  const db = useDb();
  const rules = useCommissionerRules();
  const lookups = useCommissionerLookups();
  return (
    <RecordTable
      table="commissionerTeams"
      tableId="commissioner-teams"
      rows={lookups?.teams ?? []}
      columns={teamColumns(lookups)}
      noun="科技特派团"
      describe={(r) => r.name}
      schema={commissionerTeamSchema}
      defaults={() => ({ memberIds: [] })}
      fields={() => <TeamFields lookups={lookups} minSize={rules.teamSizeMin} maxSize={rules.teamSizeMax} />}
      save={(fields, row) => saveTeam(db, ({ ...fields, id: row?.id } as never), rules)}
      height="calc(100vh - 300px)"
    />
  );
}
