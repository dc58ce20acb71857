import { useState } from 'react';
import { Button, Card, Col, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { endedQuarters, implementationStart, nextQuarter, quarterLabel, quarterOf, quarterStart, type Quarter } from '../../../../../shared/domain/consultations/reminders';
import { consultationAnnualReportSchema, consultationProgressSchema, type ConsultationAnnualReport, type ConsultationProgress } from '../../../../../shared/domain/consultations/schema';
import { useDb } from '../../../db/DbContext';
import { DateField, YearField } from '../../../components/forms/fields';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { saveAnnualReport, saveProgress, type RoundRecords } from '../../../db/repositories/consultations';
import { todayIso } from '../useConsultations';

/** Quarters from the implementation start to the one running today (the current one may be reported early). */
export function ledgerQuarters(start: string, today: string): Quarter[] {
  const ended = endedQuarters(start, today);
  const current = ended.length ? nextQuarter(ended[ended.length - 1]) : quarterOf(start);
  return quarterStart(current) <= today ? [...ended, current] : ended;
}

const qKey = (q: Quarter) => `${q.year}-${q.quarter}`;

/** 工作推进情况台账 (seed 002 第十九条): each topic's progress per quarter, and the year's 落实情况. */
export function ImplementationTab({ records }: { records: RoundRecords }) {
  const db = useDb();
  const today = todayIso();
  const start = implementationStart(records.round);
  const quarters = start ? ledgerQuarters(start, today) : [];
  const [chosen, setChosen] = useState<string | undefined>(quarters.length ? qKey(quarters[quarters.length - 1]) : undefined);
  const [editing, setEditing] = useState<{ topicId: string; record?: ConsultationProgress } | null>(null);
  const [report, setReport] = useState<ConsultationAnnualReport | 'new' | null>(null);
  if (!start) return <Empty description="议定书签署后开始登记季度推进情况" />;
  const q = quarters.find((x) => qKey(x) === chosen) ?? quarters[quarters.length - 1];
  const rows = records.topics.map((t) => ({ topic: t, progress: records.progress.find((p) => p.topicId === t.id && q && p.year === q.year && p.quarter === q.quarter) }));
  const reportRecord = report && report !== 'new' ? report : undefined;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {q ? (
        <>
          <Space>
            <Typography.Text>季度：</Typography.Text>
            <Select aria-label="台账季度" value={qKey(q)} onChange={setChosen} style={{ width: 180 }} options={quarters.map((x) => ({ value: qKey(x), label: quarterLabel(x) }))} />
          </Space>
          <Table
            aria-label="季度推进情况"
            size="small"
            rowKey={(r) => r.topic.id}
            pagination={false}
            dataSource={rows}
            columns={[
              { title: '议题', render: (_, r) => `${r.topic.seq}. ${r.topic.title}`, width: 220 },
              { title: '推进情况', render: (_, r) => r.progress?.progress ?? <Tag color="orange">未报送</Tag> },
              { title: '存在问题', render: (_, r) => r.progress?.problems, width: 160 },
              { title: '下一步工作', render: (_, r) => r.progress?.nextSteps, width: 160 },
              { title: '责任人', render: (_, r) => r.progress?.responsiblePerson, width: 80 },
              { title: '报送日期', render: (_, r) => r.progress?.reportedDate, width: 100 },
              { title: '操作', width: 80, render: (_, r) => <Button size="small" type="link" aria-label={`登记议题${r.topic.seq}推进情况`} onClick={() => setEditing({ topicId: r.topic.id, record: r.progress })}>{r.progress ? '修改' : '登记'}</Button> },
            ]}
          />
        </>
      ) : (
        <Empty description={`会商自 ${start} 实施，首个季度尚未开始`} />
      )}
      <Card size="small" title="年度落实情况" extra={<Button size="small" onClick={() => setReport('new')}>登记年度落实情况</Button>}>
        {records.annualReports.length === 0 ? <Typography.Text type="secondary">尚未登记</Typography.Text> : records.annualReports.sort((a, b) => a.year - b.year).map((r) => (
          <div key={r.id}><Button size="small" type="link" onClick={() => setReport(r)}>{r.year}年度</Button>{r.receivedDate ? `${r.receivedDate} 收到` : '未收到'}{r.summary ? `：${r.summary}` : ''}</div>
        ))}
      </Card>
      <RecordFormModal
        open={editing !== null}
        title={editing?.record ? '修改推进情况' : '登记推进情况'}
        schema={consultationProgressSchema}
        record={editing?.record as unknown as Record<string, unknown> | undefined}
        defaults={{ topicId: editing?.topicId, year: q?.year, quarter: q?.quarter, reportedDate: today }}
        context={{ roundId: records.round.id }}
        save={(fields) => saveProgress(db, fields as ConsultationProgress, today)}
        successMessage="已保存推进情况"
        onClose={() => setEditing(null)}
        width={720}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="议题" name="topicId" required>
              <Select aria-label="推进议题" options={records.topics.map((t) => ({ value: t.id, label: `${t.seq}. ${t.title}` }))} />
            </Form.Item>
          </Col>
          <Col span={6}><Form.Item label="年度" name="year" required><YearField aria-label="推进年度" /></Form.Item></Col>
          <Col span={6}>
            <Form.Item label="季度" name="quarter" required>
              <Select aria-label="推进季度" options={[1, 2, 3, 4].map((n) => ({ value: n, label: `第${'一二三四'[n - 1]}季度` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="推进情况" name="progress" required><Input.TextArea aria-label="推进情况" rows={3} maxLength={5000} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="存在问题" name="problems"><Input.TextArea rows={2} maxLength={3000} /></Form.Item></Col>
          <Col span={12}><Form.Item label="下一步工作" name="nextSteps"><Input.TextArea rows={2} maxLength={3000} /></Form.Item></Col>
          <Col span={12}><Form.Item label="责任人" name="responsiblePerson"><Input maxLength={50} /></Form.Item></Col>
          <Col span={12}><Form.Item label="报送日期" name="reportedDate"><DateField /></Form.Item></Col>
        </Row>
      </RecordFormModal>
      <RecordFormModal
        open={report !== null}
        title="年度落实情况"
        schema={consultationAnnualReportSchema}
        record={reportRecord as unknown as Record<string, unknown> | undefined}
        defaults={{ year: Number(today.slice(0, 4)) }}
        context={{ roundId: records.round.id }}
        save={(fields) => saveAnnualReport(db, fields as ConsultationAnnualReport)}
        successMessage="已保存年度落实情况"
        onClose={() => setReport(null)}
        width={720}
      >
        <Row gutter={12}>
          <Col span={12}><Form.Item label="年度" name="year" required><YearField /></Form.Item></Col>
          <Col span={12}><Form.Item label="收到日期" name="receivedDate"><DateField /></Form.Item></Col>
        </Row>
        <Form.Item label="落实情况" name="summary"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item label="存在问题" name="problems"><Input.TextArea rows={2} maxLength={3000} /></Form.Item>
        <Form.Item label="下一年度计划" name="nextYearPlan"><Input.TextArea rows={2} maxLength={3000} /></Form.Item>
      </RecordFormModal>
    </Space>
  );
}
