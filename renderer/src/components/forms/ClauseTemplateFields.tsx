import { Button, Col, Form, Input, Row, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { placeholderHint } from '../../../../shared/domain/templates/clauseTemplate';

/**
 * The 设置 side of the shared clause-template facility (shared/domain/templates/clauseTemplate):
 * the placeholder hint, one heading + text row, and an editable list of numbered clauses.
 * 厅市会商's 议定书 (fixed sections) and the 合作协议书 (a clause list) both edit through these,
 * and both refuse an unknown placeholder with the same message at the field.
 */
export function PlaceholderHint({ allowed, note }: { allowed: readonly string[]; note?: string }) {
  return (
    <Typography.Paragraph type="secondary">
      {placeholderHint(allowed)}。{note}
    </Typography.Paragraph>
  );
}

interface ClauseRowProps {
  /** Form path of the clause object (holds heading and text). */
  name: (string | number)[];
  /** What the labels call this clause, e.g. 资金支持 or 第三条. */
  label: string;
  headingDisabled?: boolean;
  headingMax: number;
  /** Fields that stay in the row (e.g. the list's own buttons). */
  extra?: React.ReactNode;
}

export function ClauseRow({ name, label, headingDisabled, headingMax, extra }: ClauseRowProps) {
  return (
    <Row gutter={12} align="top">
      <Col span={5}>
        <Form.Item label={`${label}标题`} name={[...name, 'heading']}>
          <Input disabled={headingDisabled} maxLength={headingMax} />
        </Form.Item>
      </Col>
      <Col span={extra ? 16 : 19}>
        <Form.Item label={`${label}文字`} name={[...name, 'text']}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} />
        </Form.Item>
      </Col>
      {extra && <Col span={3} style={{ paddingTop: 30 }}>{extra}</Col>}
    </Row>
  );
}

const ordinal = (n: number) => `第${n}条`;

/** A Form.List of numbered clauses: add, remove, move up/down; numbers follow the order. */
export function ClauseListFields({ name, headingMax = 30, maxClauses = 20 }: { name: (string | number)[]; headingMax?: number; maxClauses?: number }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((field, index) => (
            <ClauseRow
              key={field.key}
              name={[field.name]}
              label={ordinal(index + 1)}
              headingMax={headingMax}
              extra={
                <Space size={0}>
                  <Button type="text" aria-label={`${ordinal(index + 1)}上移`} icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} />
                  <Button type="text" aria-label={`${ordinal(index + 1)}下移`} icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                  <Button type="text" aria-label={`删除${ordinal(index + 1)}`} icon={<MinusCircleOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} />
                </Space>
              }
            />
          ))}
          <Button icon={<PlusOutlined />} disabled={fields.length >= maxClauses} onClick={() => add({ heading: '', text: '' })} style={{ marginBottom: 16 }}>
            添加条款
          </Button>
        </>
      )}
    </Form.List>
  );
}
