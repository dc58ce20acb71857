import { useMemo, useState } from 'react';
import { App, AutoComplete, Button, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { checkDomainBlock, checkFundingCap, formatWan, fundingCapOf, fundingTotal, type ConsultationRules } from '../../../../../shared/domain/consultations/rules';
import { consultationTopicSchema, suggestedDomains, topicStatuses, type ConsultationTopic } from '../../../../../shared/domain/consultations/schema';
import { useDb } from '../../../db/DbContext';
import { AmountField, DateField } from '../../../components/forms/fields';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { LedgerExcelImport } from '../../../components/Excel/LedgerExcelImport';
import type { ConsultationTopicImportOptions } from '../../../../../shared/excel/targets/consultationTopics';
import { removeTopic, saveTopic, type RoundRecords } from '../../../db/repositories/consultations';
import { RuleViolationsPanel } from '../RuleViolationsPanel';
import { earlierTopicsFrom, type RoundsWithTopics } from '../useConsultations';

interface Props {
  records: RoundRecords;
  all: RoundsWithTopics;
  rules: ConsultationRules;
}

/** 第十八条 cap and 第二十一条 domain block on the topic as typed. */
function LiveTopicCheck({ records, all, rules, topicId }: Props & { topicId?: string }) {
  const form = Form.useFormInstance();
  const domain = Form.useWatch('domain', form) as string | undefined;
  const funding = Form.useWatch('funding', form) as number | undefined;
  const others = records.topics.filter((t) => t.id !== topicId);
  const stored = records.topics.find((t) => t.id === topicId);
  const violations = [
    checkFundingCap(records.round.kind, [...others, { funding: typeof funding === 'number' ? funding : 0 }], rules),
    domain?.trim() && (!stored || stored.domain.trim() !== domain.trim()) ? checkDomainBlock({ domain }, records.round, earlierTopicsFrom(all, records.round)) : undefined,
  ].filter((v) => v !== undefined);
  return <RuleViolationsPanel violations={violations} />;
}

function TopicFields(props: Props & { topicId?: string }) {
  // Padding for the Row gutter's negative margins (see RoundFields).
  return (
    <div style={{ paddingInline: 6 }}>
      <Row gutter={12}>
        <Col span={4}><Form.Item label="序号" name="seq"><InputNumber precision={0} aria-label="议题序号" style={{ width: '100%' }} /></Form.Item></Col>
        <Col span={8}>
          <Form.Item label="领域" name="domain" required extra="第九条所列方向，可自填">
            <AutoComplete aria-label="领域" options={suggestedDomains.map((d) => ({ value: d, label: d }))} filterOption={(input, option) => String(option?.value ?? '').includes(input)} />
          </Form.Item>
        </Col>
        <Col span={12}><Form.Item label="议题名称" name="title" required><Input aria-label="议题名称" maxLength={200} /></Form.Item></Col>
      </Row>
      <Form.Item label="议题内容" name="content"><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      <Row gutter={12}>
        <Col span={16}><Form.Item label="科技厅任务" name="departmentTasks"><Input.TextArea rows={2} maxLength={3000} /></Form.Item></Col>
        <Col span={8}><Form.Item label="科技厅责任处室" name="departmentDivision"><Input maxLength={100} /></Form.Item></Col>
        <Col span={16}><Form.Item label="市任务" name="cityTasks"><Input.TextArea rows={2} maxLength={3000} /></Form.Item></Col>
        <Col span={8}><Form.Item label="市责任部门" name="cityDepartment"><Input maxLength={100} /></Form.Item></Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}><Form.Item label="项目资金" name="funding" required><AmountField aria-label="项目资金" /></Form.Item></Col>
        <Col span={8}><Form.Item label="议题状态" name="status"><Select aria-label="议题状态" options={topicStatuses.map((s) => ({ value: s, label: s }))} /></Form.Item></Col>
        <Col span={8}><Form.Item label="完成日期" name="completedDate"><DateField /></Form.Item></Col>
      </Row>
      <Form.Item label="关联项目（一行一项）" name="projects"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      <LiveTopicCheck {...props} />
    </div>
  );
}

/** 会商议题: numbered topics with both parties' tasks and funds, under the kind's cap. */
export function TopicsTab(props: Props) {
  const { records, rules } = props;
  const db = useDb();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState<ConsultationTopic | 'new' | null>(null);
  const total = fundingTotal(records.topics);
  const cap = fundingCapOf(records.round.kind, rules);
  const editingTopic = editing && editing !== 'new' ? editing : undefined;
  // 导入 Excel: the round's topics and the city's earlier ones, for the cap and the domain rule.
  const importOptions = useMemo<ConsultationTopicImportOptions>(
    () => ({ round: records.round, topics: records.topics, earlierTopics: earlierTopicsFrom(props.all, records.round), rules }),
    [records.round, records.topics, props.all, rules],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text aria-label="资金合计">项目资金合计 {formatWan(total)}，{records.round.kind}市上限 {formatWan(cap)}</Typography.Text>
        <Space>
          <LedgerExcelImport target="consultationTopics" options={importOptions as unknown as Record<string, unknown>} title={`${records.round.year}年${records.round.city}${records.round.kind}议题`}>
            {(pick) => (
              <Button onClick={pick} data-testid="topics-import">
                从 Excel 导入…
              </Button>
            )}
          </LedgerExcelImport>
          <Button type="primary" onClick={() => setEditing('new')}>新增议题</Button>
        </Space>
      </Space>
      <Table
        aria-label="会商议题"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={records.topics}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '领域', dataIndex: 'domain', width: 150 },
          { title: '议题', dataIndex: 'title' },
          { title: '科技厅责任处室', dataIndex: 'departmentDivision', width: 130 },
          { title: '市责任部门', dataIndex: 'cityDepartment', width: 150 },
          { title: '项目资金', render: (_, t) => formatWan(t.funding), width: 120 },
          { title: '状态', render: (_, t) => <Tag color={t.status === '已完成' ? 'green' : t.status === '推进中' ? 'blue' : 'default'}>{t.status}</Tag>, width: 80 },
          {
            title: '操作',
            width: 110,
            render: (_, t) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setEditing(t)}>编辑</Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() =>
                    modal.confirm({ title: `删除议题“${t.title}”？`, content: '该议题的推进情况一并删除（可在操作记录中查到）。', okText: '删除', okButtonProps: { danger: true }, cancelText: '取消', onOk: async () => { await removeTopic(db, t.id); message.success('已删除议题'); } })
                  }
                >
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <RecordFormModal
        open={editing !== null}
        title={editingTopic ? `编辑议题${editingTopic.seq}` : '新增议题'}
        schema={consultationTopicSchema}
        record={editingTopic as unknown as Record<string, unknown> | undefined}
        defaults={{ seq: Math.max(0, ...records.topics.map((t) => t.seq)) + 1, funding: 0, status: '未启动' }}
        context={{ roundId: records.round.id }}
        save={(fields) => saveTopic(db, fields as ConsultationTopic, rules)}
        successMessage="已保存议题"
        onClose={() => setEditing(null)}
        width={820}
      >
        <TopicFields {...props} topicId={editingTopic?.id} />
      </RecordFormModal>
    </Space>
  );
}
