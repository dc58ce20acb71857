import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { agreementStatuses, dispatchStages } from '../../../../../shared/domain/commissioners/schema';
import { serviceEndDate, type CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { AmountField, DateField } from '../../../components/forms/fields';
import type { CommissionerLookups } from '../useCommissioners';
import { FieldRow } from '../../../components/forms/FieldRow';

export interface AgreementPartyChoice {
  commissionerId: string;
  /** The commissioner's team, when they belong to one: it may be 乙方 instead (按1人计). */
  teamId?: string;
  teamName?: string;
}

/**
 * 派驻 (seed 001 §六): 乙方, 派驻企业, the procedure's stages with their dates, the service
 * period (from the profile), 补助 and the agreement's state. One enterprise, one active
 * dispatch — checked when saved.
 */
export function AgreementFields({ lookups, rules, party }: { lookups?: CommissionerLookups; rules: CommissionerRules; party?: AgreementPartyChoice }) {
  const form = Form.useFormInstance();
  const status = Form.useWatch('status') as string | undefined;
  return (
    <>
      {party?.teamId && (
        <Form.Item label="乙方" extra="科技特派团作为一名科技特派员派驻（按1人计）">
          <Radio.Group
            value={(Form.useWatch('teamId') as string | undefined) ? 'team' : 'person'}
            onChange={(e) => form.setFieldsValue(e.target.value === 'team' ? { teamId: party.teamId, commissionerId: undefined } : { teamId: undefined, commissionerId: party.commissionerId })}
            options={[
              { value: 'person', label: '本人' },
              { value: 'team', label: `所在特派团：${party.teamName ?? ''}` },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="commissionerId" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="teamId" hidden>
        <Input />
      </Form.Item>
      <FieldRow
        fields={[
          { span: 14, label: '派驻企业（甲方）', name: 'enterpriseId', required: true, control: <Select showSearch optionFilterProp="label" autoFocus options={lookups?.enterprises.map((e) => ({ value: e.id, label: e.name }))} /> },
          { span: 10, label: '协议编号', name: 'agreementNumber', control: <Input maxLength={60} placeholder="如：桂科特协〔2026〕001号" /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 14, label: '派出单位（丙方）', name: 'dispatchUnit', control: <Input maxLength={100} /> },
          { span: 10, label: '协议状态', name: 'status', required: true, control: <Select options={agreementStatuses.map((value) => ({ value, label: value }))} /> },
        ]}
      />
      <fieldset className="commissioner-stages">
        <legend>派驻程序</legend>
        <Row gutter={12}>
          {dispatchStages.map((stage) => (
            <Col span={6} key={stage}>
              <Form.Item label={stage} name={['stageDates', stage]}>
                <DateField />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </fieldset>
      <FieldRow
        fields={[
          {
            span: 8,
            label: '服务期开始',
            name: 'startDate',
            extra: `服务期 ${rules.servicePeriodYears} 年，结束日期自动填写`,
            control: (
              <DateField
                onChange={(d) => {
                  form.setFieldValue('startDate', d);
                  if (d) form.setFieldValue('endDate', serviceEndDate(d, rules));
                }}
              />
            ),
          },
          { span: 8, label: '服务期结束', name: 'endDate', control: <DateField /> },
          { span: 8, label: '签订日期', name: 'signedDate', control: <DateField /> },
        ]}
      />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="工作补助（元/年）" name="subsidyPerYear" extra="空着则按政策配置">
            <AmountField />
          </Form.Item>
        </Col>
        {status === '终止' && (
          <>
            <Col span={8}>
              <Form.Item label="终止日期" name="terminatedDate" required>
                <DateField />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="终止原因" name="terminationReason" required>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
    </>
  );
}
