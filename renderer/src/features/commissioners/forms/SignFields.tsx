import { Form, Input, Row } from 'antd';
import { serviceEndDate, type CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { DateField } from '../../../components/forms/fields';
import { FieldRow } from '../../../components/forms/FieldRow';

/** 签订协议: the date signed and the service period it opens (length from the profile). */
export function SignFields({ rules }: { rules: CommissionerRules }) {
  const form = Form.useFormInstance();
  return (
    <>
      <FieldRow
        fields={[
          { span: 12, label: '签订日期', name: 'signedDate', required: true, control: <DateField autoFocus /> },
          { span: 12, label: '协议编号', name: 'agreementNumber', control: <Input maxLength={60} /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 12, label: '服务期开始', name: 'startDate', required: true, extra: `服务期 ${rules.servicePeriodYears} 年`, control: <DateField onChange={(d) => d && form.setFieldValue('endDate', serviceEndDate(d, rules))} /> },
          { span: 12, label: '服务期结束', name: 'endDate', required: true, control: <DateField /> },
        ]}
      />
    </>
  );
}
