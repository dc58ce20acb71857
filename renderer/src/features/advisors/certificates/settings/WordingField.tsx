import { Form, Input, Space, Tag, Typography, type FormInstance } from 'antd';
import { certificatePlaceholders, checkWording, fillCertificateWording, type CertificateSettings } from '../../../../../../shared/domain/advisors/certificateSettings';
import { sampleAdvisor } from '../certificateInputs';

/** 聘书文字 with the placeholder list (click to insert) and the filled text for a made-up advisor. */
export function WordingField({ form }: { form: FormInstance<CertificateSettings> }) {
  const wording = Form.useWatch('wording', form) ?? '';
  const problem = checkWording(wording);
  const sample = problem
    ? null
    : fillCertificateWording(wording, { name: sampleAdvisor.name, honorific: sampleAdvisor.honorific, homeInstitution: sampleAdvisor.homeInstitution, serviceUnit: sampleAdvisor.serviceUnit, termStart: sampleAdvisor.termStart!, termEnd: sampleAdvisor.termEnd! });

  function insert(name: string) {
    form.setFieldValue('wording', `${form.getFieldValue('wording') ?? ''}{${name}}`);
  }

  return (
    <>
      <Form.Item label="聘书文字" name="wording" required extra="正文中可使用下列占位符，打印时替换为科技顾问的信息；日期按聘书习惯印为中文数字。">
        <Input.TextArea aria-label="聘书文字" autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
      </Form.Item>
      <Form.Item label="可用占位符">
        <Space size={[4, 4]} wrap>
          {certificatePlaceholders.map((p) => (
            <Tag key={p} style={{ cursor: 'pointer' }} onClick={() => insert(p)} title={`插入 {${p}}`}>
              {`{${p}}`}
            </Tag>
          ))}
        </Space>
      </Form.Item>
      <Form.Item label="示例效果">
        {sample ? (
          <Typography.Paragraph data-testid="wording-sample" style={{ fontFamily: 'KaiTi, STKaiti, serif', fontSize: 16, marginBottom: 0 }}>
            {sample}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="danger">{problem}</Typography.Text>
        )}
      </Form.Item>
    </>
  );
}
