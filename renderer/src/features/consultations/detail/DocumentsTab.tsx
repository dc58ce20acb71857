import { useCallback, useState } from 'react';
import { Alert, Card, Select, Space, Typography } from 'antd';
import { annualReportInputOf, meetingAgendaInputOf, meetingMinutesInputOf, progressLedgerInputOf, protocolInputOf, type RoundDocumentSource } from '../../../../../shared/documents/consultations/inputs-from-records';
import { implementationStart, quarterLabel } from '../../../../../shared/domain/consultations/reminders';
import { useDb } from '../../../db/DbContext';
import { DocumentActions } from '../../../components/DocumentActions';
import { roundRecords, type RoundRecords } from '../../../db/repositories/consultations';
import { readSetting } from '../../settings/settingsStore';
import { todayIso } from '../useConsultations';
import { ledgerQuarters } from './ImplementationTab';

/** Everything a document of the round needs, read fresh when a button is pressed. */
async function loadSource(db: ReturnType<typeof useDb>, roundId: string): Promise<RoundDocumentSource> {
  const [records, organisation, profile, settings] = await Promise.all([roundRecords(db, roundId), readSetting(db, 'organisation'), readSetting(db, 'policyProfile'), readSetting(db, 'consultations')]);
  if (!records) throw new Error('这一轮会商不存在或已删除');
  return { ...records, cities: settings.cities, wording: settings.protocolWording, rules: profile.consultations, department: organisation.department, division: organisation.division, today: todayIso() };
}

/** 议定书, 会议议程, 会商纪要, 推进情况台账, 年度落实情况报告 of this round: 预览 / 保存 / 打印. */
export function DocumentsTab({ records }: { records: RoundRecords }) {
  const db = useDb();
  const id = records.round.id;
  const today = todayIso();
  const start = implementationStart(records.round);
  const quarters = start ? ledgerQuarters(start, today) : [];
  const years = quarters.length ? [...new Set(quarters.map((q) => q.year))] : [records.round.year];
  const [quarter, setQuarter] = useState(quarters.length ? `${quarters[quarters.length - 1].year}-${quarters[quarters.length - 1].quarter}` : undefined);
  const [year, setYear] = useState(years[years.length - 1]);
  const protocol = useCallback(async () => protocolInputOf(await loadSource(db, id)), [db, id]);
  const agenda = useCallback(async () => meetingAgendaInputOf(await loadSource(db, id)), [db, id]);
  const minutes = useCallback(async () => meetingMinutesInputOf(await loadSource(db, id)), [db, id]);
  const ledger = useCallback(async () => {
    const [y, q] = (quarter ?? '').split('-').map(Number);
    return progressLedgerInputOf(await loadSource(db, id), y, q);
  }, [db, id, quarter]);
  const annual = useCallback(async () => annualReportInputOf(await loadSource(db, id), year), [db, id, year]);
  const noTopics = records.topics.length === 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {noTopics && <Alert type="info" showIcon title="议定书、年度报告须先添加会商议题" />}
      <Card size="small" title="厅市会商议定书" aria-label="议定书">
        <DocumentActions kind="consultationProtocol" getInput={protocol} disabled={noTopics} />
      </Card>
      <Card size="small" title="会商会议议程与纪要">
        <Space wrap>
          <Typography.Text>会议议程：</Typography.Text>
          <DocumentActions kind="consultationAgenda" getInput={agenda} size="small" />
          <Typography.Text>会商纪要：</Typography.Text>
          <DocumentActions kind="consultationMinutes" getInput={minutes} size="small" disabled={!records.round.stageDates.会议召开} />
        </Space>
      </Card>
      <Card size="small" title="工作推进情况台账与年度落实情况报告">
        <Space wrap>
          <Typography.Text>推进情况台账：</Typography.Text>
          <Select aria-label="台账季度（文档）" value={quarter} onChange={setQuarter} style={{ width: 170 }} options={quarters.map((q) => ({ value: `${q.year}-${q.quarter}`, label: quarterLabel(q) }))} placeholder="签署后可选" />
          <DocumentActions kind="consultationProgressLedger" getInput={ledger} size="small" disabled={!quarter} />
          <Typography.Text>年度落实情况报告：</Typography.Text>
          <Select aria-label="报告年度" value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
          <DocumentActions kind="consultationAnnualReport" getInput={annual} size="small" disabled={noTopics} />
        </Space>
      </Card>
    </Space>
  );
}
