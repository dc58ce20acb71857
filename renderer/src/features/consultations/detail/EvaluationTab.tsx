import { useState } from 'react';
import { z } from 'zod';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag } from 'antd';
import { consultationEvaluationSchema, evaluationGrades, type ConsultationEvaluation } from '../../../../../shared/domain/consultations/schema';
import { useDb } from '../../../db/DbContext';
import { DateField } from '../../../components/forms/fields';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { saveEvaluation, type RoundRecords } from '../../../db/repositories/consultations';
import { todayIso } from '../useConsultations';

const WHOLE_ROUND = '__round__';
/** The form picks 整轮会商 as a value of its own; stored as topicId null. */
const evaluationFormSchema = consultationEvaluationSchema.extend({ topicId: z.union([z.literal(WHOLE_ROUND), z.string().uuid('请选择评估对象')]) });

/** 绩效评估 (seed 002 第二十条) per topic and for the whole round, against the 议定书. */
export function EvaluationTab({ records }: { records: RoundRecords }) {
  const db = useDb();
  const [editing, setEditing] = useState<ConsultationEvaluation | 'new' | null>(null);
  const record = editing && editing !== 'new' ? editing : undefined;
  const topicName = (id?: string | null) => {
    const t = records.topics.find((x) => x.id === id);
    return t ? `${t.seq}. ${t.title}` : '整轮会商';
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')}>新增评估</Button>
      <Table
        aria-label="绩效评估"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={records.evaluations}
        columns={[
          { title: '评估对象', render: (_, e) => topicName(e.topicId), width: 240 },
          { title: '评估日期', dataIndex: 'evaluatedDate', width: 110 },
          { title: '等次', render: (_, e) => <Tag color={e.grade === '不合格' ? 'red' : e.grade === '优秀' ? 'green' : 'blue'}>{e.grade}</Tag>, width: 80 },
          { title: '得分', dataIndex: 'score', width: 70 },
          { title: '评估意见', dataIndex: 'findings' },
          { title: '评估单位', dataIndex: 'evaluator', width: 160 },
          { title: '操作', width: 70, render: (_, e) => <Button size="small" type="link" onClick={() => setEditing(e)}>编辑</Button> },
        ]}
      />
      <RecordFormModal
        open={editing !== null}
        title="绩效评估"
        schema={evaluationFormSchema}
        record={record ? ({ ...record, topicId: record.topicId ?? WHOLE_ROUND } as unknown as Record<string, unknown>) : undefined}
        defaults={{ evaluatedDate: todayIso(), topicId: WHOLE_ROUND }}
        context={{ roundId: records.round.id }}
        save={(fields) => saveEvaluation(db, { ...fields, topicId: fields.topicId === WHOLE_ROUND ? null : fields.topicId } as ConsultationEvaluation)}
        successMessage="已保存绩效评估"
        onClose={() => setEditing(null)}
        width={720}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="评估对象" name="topicId" required>
              <Select options={[{ value: WHOLE_ROUND, label: '整轮会商' }, ...records.topics.map((t) => ({ value: t.id, label: `${t.seq}. ${t.title}` }))]} />
            </Form.Item>
          </Col>
          <Col span={6}><Form.Item label="评估日期" name="evaluatedDate" required><DateField /></Form.Item></Col>
          <Col span={6}><Form.Item label="等次" name="grade" required><Select options={evaluationGrades.map((g) => ({ value: g, label: g }))} /></Form.Item></Col>
          <Col span={6}><Form.Item label="得分" name="score"><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={18}><Form.Item label="评估单位" name="evaluator"><Input maxLength={100} /></Form.Item></Col>
        </Row>
        <Form.Item label="评估意见" name="findings" required><Input.TextArea rows={3} maxLength={3000} /></Form.Item>
      </RecordFormModal>
    </Space>
  );
}
