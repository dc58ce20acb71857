import type { ReactNode } from 'react';
import { Col, Form, Row, type FormItemProps } from 'antd';

/** One field of a FieldRow: its column span (of 24), its Form.Item props and its control. */
export interface RowField extends Omit<FormItemProps, 'children'> {
  span: number;
  control: ReactNode;
}

/**
 * Several fields side by side on one form line — the Row/Col/Form.Item layout the record forms
 * repeated for every line, written once.
 */
export function FieldRow({ fields }: { fields: readonly RowField[] }) {
  return (
    <Row gutter={16}>
      {fields.map(({ span, control, ...item }, i) => (
        <Col span={span} key={String(item.name ?? i)}>
          <Form.Item {...item}>{control}</Form.Item>
        </Col>
      ))}
    </Row>
  );
}
