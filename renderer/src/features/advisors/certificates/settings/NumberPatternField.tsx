import { Form, Input, Typography, type FormInstance } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { checkNumberPattern, nextCertificateNumber } from '../../../../../../shared/domain/advisors/certificateNumber';
import type { CertificateSettings } from '../../../../../../shared/domain/advisors/certificateSettings';
import { useDb } from '../../../../db/DbContext';
import { nextNumberUnder } from '../../../../db/repositories/appointmentCertificates';

/** 编号格式 with the number the next 聘书 of this year would get under the typed pattern. */
export function NumberPatternField({ form }: { form: FormInstance<CertificateSettings> }) {
  const db = useDb();
  const pattern = Form.useWatch('numberPattern', form) ?? '';
  // Counted as issuing counts (voided rows and numbers on advisor records too), so the example is
  // the number the next 聘书 really gets.
  const problem = checkNumberPattern(pattern);
  const year = new Date().getFullYear();
  const typed = pattern.trim();
  const next = useLiveQuery(async () => (problem ? null : { typed, number: await nextNumberUnder(db, typed, year) }), [db, typed, year, problem]);

  return (
    <Form.Item
      label="编号格式"
      name="numberPattern"
      required
      extra={
        <>
          {'{年} 为颁发年度，{序号} 为当年顺序号（{序号:3} 补足三位，如 001），每年从 1 号起。'}
          <br />
          {problem ? (
            <Typography.Text type="danger">{problem}</Typography.Text>
          ) : (
            <span data-testid="number-example">
              按此格式，{year} 年下一份聘书编号为：<Typography.Text strong>{next?.typed === typed ? next.number : nextCertificateNumber(typed, year, [])}</Typography.Text>
            </span>
          )}
        </>
      }
    >
      <Input aria-label="编号格式" style={{ maxWidth: 360 }} />
    </Form.Item>
  );
}
