import { Col, Divider, Form, Input, Row, Typography } from 'antd';
import { opinionsDueDate, type ConsultationRules } from '../../../../../shared/domain/consultations/rules';
import { consultationRoundSchema, consultationStages, type ConsultationRound } from '../../../../../shared/domain/consultations/schema';
import { useDb } from '../../../db/DbContext';
import { DateField } from '../../../components/forms/fields';
import { InlineRecordForm } from '../../../components/forms/InlineRecordForm';
import { saveRound } from '../../../db/repositories/consultations';

const STAGE_HINT: Partial<Record<(typeof consultationStages)[number], string>> = {
  会商建议: '第十条：每年第一季度提交',
  上轮落实情况评估: '第十二条：科技厅综合评估',
  签署: '第十七条：厅长与市主要领导签署',
  实施: '第十九条：每季度报送推进情况台账',
};

/** The procedure of seed 002 第十条–第二十条 as dated stages, the meeting and its 纪要. */
export function StagesTab({ round, rules }: { round: ConsultationRound; rules: ConsultationRules }) {
  const db = useDb();
  const meeting = round.stageDates.会议召开;
  return (
    <InlineRecordForm
      key={round.updatedAt}
      label="会商程序"
      schema={consultationRoundSchema}
      record={round as unknown as Record<string, unknown>}
      save={(fields) => saveRound(db, { ...round, ...fields } as ConsultationRound, rules)}
      successMessage="已保存会商程序"
    >
      <Typography.Paragraph type="secondary">
        各阶段日期须按程序先后填写；具体意见应在会议前 {rules.opinionLeadMonths} 个月报送{meeting ? `（即 ${opinionsDueDate(meeting, rules)} 前）` : ''}。
      </Typography.Paragraph>
      <Row gutter={12}>
        {consultationStages.map((stage) => (
          <Col span={6} key={stage}>
            <Form.Item label={stage} name={['stageDates', stage]} extra={STAGE_HINT[stage]}>
              <DateField aria-label={`${stage}日期`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider titlePlacement="left">会议（第十七条）</Divider>
      <Row gutter={12}>
        <Col span={4}><Form.Item label="会议时间" name="meetingTime"><Input placeholder="09:30" maxLength={5} /></Form.Item></Col>
        <Col span={10}><Form.Item label="会议地点" name="meetingPlace"><Input maxLength={100} /></Form.Item></Col>
        <Col span={5}><Form.Item label="主持人" name="meetingHost"><Input maxLength={50} /></Form.Item></Col>
        <Col span={5}><Form.Item label="市报告领导" name="cityReporter"><Input maxLength={50} /></Form.Item></Col>
        <Col span={6}><Form.Item label="宣读议定书领导" name="protocolReader"><Input maxLength={50} /></Form.Item></Col>
        <Col span={6}><Form.Item label="科技厅签署人（厅长）" name="departmentSigner"><Input aria-label="科技厅签署人" maxLength={50} /></Form.Item></Col>
        <Col span={6}><Form.Item label="市签署人（主要领导）" name="citySigner"><Input aria-label="市签署人" maxLength={50} /></Form.Item></Col>
        <Col span={6}><Form.Item label="讲话领导" name="speakers"><Input maxLength={200} /></Form.Item></Col>
      </Row>
      <Divider titlePlacement="left">会商纪要与上轮评估</Divider>
      <Row gutter={12}>
        <Col span={12}><Form.Item label="议定事项（一行一项）" name="agreedMatters"><Input.TextArea rows={3} maxLength={5000} /></Form.Item></Col>
        <Col span={12}><Form.Item label="讨论情况" name="discussion"><Input.TextArea rows={3} maxLength={5000} /></Form.Item></Col>
        <Col span={12}><Form.Item label="参会人员" name="attendees"><Input.TextArea rows={2} maxLength={2000} /></Form.Item></Col>
        <Col span={12}><Form.Item label="上轮落实情况评估意见" name="previousAssessment"><Input.TextArea rows={2} maxLength={3000} /></Form.Item></Col>
      </Row>
    </InlineRecordForm>
  );
}
