import { Alert, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { assessmentGrades, changeKinds, disqualificationReasons, outcomeKinds, subsidyKinds } from '../../../../../shared/domain/commissioners/schema';
import type { QuotaState } from '../../../../../shared/domain/commissioners/assessment';
import { AmountField, DateField, YearField } from '../../../components/forms/fields';
import { FieldRow } from '../../../components/forms/FieldRow';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const notes = (
  <Form.Item label="备注" name="notes">
    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
  </Form.Item>
);

/**
 * 年度考核 (seed 004 第十七条): the grade with the enterprise's evaluation and the county's
 * opinion beside it; how many 优秀 the year still allows is shown before choosing.
 */
export function AssessmentFields({ quota, record }: { quota?: QuotaState; record?: string }) {
  const tookPart = Form.useWatch('tookPart') as boolean | undefined;
  return (
    <>
      {quota && (
        <Alert
          type={quota.remaining > 0 ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={`本年度参加考核 ${quota.assessed} 人（团），优秀名额 ${quota.quota} 名，已评优秀 ${quota.excellent} 名，还可评 ${Math.max(0, quota.remaining)} 名`}
        />
      )}
      {record && <Alert type="success" style={{ marginBottom: 12 }} title="服务记录" description={record} />}
      <FieldRow
        fields={[
          { span: 6, label: '考核年度', name: 'year', required: true, control: <YearField autoFocus /> },
          { span: 6, label: '参加考核', name: 'tookPart', valuePropName: 'checked', extra: '无故不参加考核的，次年不得申报', control: <Checkbox>参加</Checkbox> },
          { span: 6, label: '考核等次', name: 'grade', required: tookPart !== false, control: <Radio.Group options={options(assessmentGrades)} disabled={tookPart === false} /> },
          { span: 6, label: '考核日期', name: 'assessedDate', control: <DateField /> },
        ]}
      />
      <Form.Item label="派驻企业评价" name="enterpriseEvaluation">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
      <Form.Item label="县（区）、高新区科技管理部门意见" name="countyOpinion">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
      {notes}
    </>
  );
}

/** 补助发放 (seed 001 §五(一)1; seed 004 第十九条). */
export function SubsidyFields() {
  return (
    <>
      <FieldRow
        fields={[
          { span: 6, label: '年度', name: 'year', required: true, control: <YearField autoFocus /> },
          { span: 8, label: '补助类别', name: 'kind', required: true, control: <Select options={options(subsidyKinds)} /> },
          { span: 10, label: '金额（元）', name: 'amount', required: true, control: <AmountField /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 10, label: '领取人', name: 'payee', required: true, extra: '科技特派团按1人计', control: <Input maxLength={100} /> },
          { span: 7, label: '发放日期', name: 'paidDate', control: <DateField /> },
          { span: 7, label: '凭证号', name: 'voucherNumber', control: <Input maxLength={60} /> },
        ]}
      />
      {notes}
    </>
  );
}

/** seed 004 第十一条 / 第十五条(二): 书面申请, approval date, kept in the history. */
export function ChangeRequestFields() {
  const decision = Form.useWatch('decision') as string | undefined;
  return (
    <>
      <FieldRow
        fields={[
          { span: 8, label: '变更事项', name: 'kind', required: true, control: <Select options={options(changeKinds)} autoFocus /> },
          { span: 8, label: '申请方', name: 'requestedBy', required: true, control: <Select options={options(['科技特派员', '派驻单位'])} /> },
          { span: 8, label: '书面申请日期', name: 'requestDate', required: true, control: <DateField /> },
        ]}
      />
      <Form.Item label="申请内容" name="content" required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <FieldRow
        fields={[
          { span: 12, label: '审批意见', name: 'decision', required: true, control: <Radio.Group options={options(['待审批', '同意', '不同意'])} /> },
          { span: 12, label: '审批日期', name: 'approvalDate', required: decision !== undefined && decision !== '待审批', control: <DateField /> },
        ]}
      />
      {notes}
    </>
  );
}

/** seed 004 第十七条: 按季度报送工作进展. */
export function QuarterlyReportFields() {
  return (
    <>
      <FieldRow
        fields={[
          { span: 8, label: '年度', name: 'year', required: true, control: <YearField autoFocus /> },
          { span: 8, label: '季度', name: 'quarter', required: true, control: <InputNumber min={1} max={4} precision={0} style={{ width: '100%' }} /> },
          { span: 8, label: '报送日期', name: 'submittedDate', control: <DateField /> },
        ]}
      />
      {notes}
    </>
  );
}

/** 工作成效 (seed 001 §一 targets; seed 004 第九条–第十条). */
export function OutcomeFields() {
  return (
    <>
      <FieldRow
        fields={[
          { span: 10, label: '成效类别', name: 'kind', required: true, control: <Select options={options(outcomeKinds)} autoFocus /> },
          { span: 14, label: '日期', name: 'date', required: true, control: <DateField /> },
        ]}
      />
      <Form.Item label="名称" name="title" required>
        <Input maxLength={200} placeholder="如：参与自治区科技攻关项目“甘蔗糖蜜综合利用”" />
      </Form.Item>
      {notes}
    </>
  );
}

/** 破格选派: the justification stays on the record and on screen. */
export function OverrideFields() {
  return (
    <>
      <Form.Item label="破格选派理由" name="eligibilityOverrideReason" required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} autoFocus showCount />
      </Form.Item>
      <Form.Item label="决定日期" name="eligibilityOverrideDate" required>
        <DateField />
      </Form.Item>
    </>
  );
}

/** 取消资格 (seed 004 第十六条): dated, with its reasons. */
export function DisqualifyFields() {
  return (
    <>
      <Form.Item label="取消资格日期" name="disqualifiedDate" required>
        <DateField autoFocus />
      </Form.Item>
      <Form.Item label="原因（第十六条）" name="disqualificationReasons" required>
        <Checkbox.Group options={options(disqualificationReasons)} style={{ display: 'grid', rowGap: 4 }} />
      </Form.Item>
      <Form.Item label="说明" name="disqualificationNote">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
    </>
  );
}
