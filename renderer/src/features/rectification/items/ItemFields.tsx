import { Button, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { RectificationPlan, ResponsiblePerson } from '../../../../../shared/domain/rectification/schema';
import { DateField } from '../../../components/forms/fields';
import { NameSelect } from './NameSelect';

/** 分管领导 / 经办人 of one pair (seed 003 writes 唐咸来/潘红雄). */
function PersonPairInput({ value, onChange, index }: { value?: ResponsiblePerson; onChange?: (v: ResponsiblePerson) => void; index: number }) {
  const pair = value ?? { leader: '', officer: '' };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input aria-label={`责任人${index + 1}分管领导`} placeholder="分管领导" maxLength={20} value={pair.leader} onChange={(e) => onChange?.({ ...pair, leader: e.target.value })} />
      <Input aria-label={`责任人${index + 1}经办人`} placeholder="经办人" maxLength={20} value={pair.officer} onChange={(e) => onChange?.({ ...pair, officer: e.target.value })} />
    </Space.Compact>
  );
}

/**
 * One 整改事项 with exactly the seed's columns: 序号, 主题, 整改内容, numbered 整改措施,
 * 整改检验形式, 计划完成时间, 责任处室 (several) and 责任人 pairs (several). Progress has its own
 * dialog (登记进展), so the history never misses a status change.
 */
export function ItemFields({ plan }: { plan: Pick<RectificationPlan, 'themes' | 'divisions'> }) {
  return (
    <>
      <Row gutter={16}>
        <Col span={5}>
          <Form.Item label="序号" name="seq" required>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={11}>
          <Form.Item label="主题" name="theme" required>
            <NameSelect names={plan.themes} noun="主题" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="计划完成时间" name="plannedDate" required>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="整改内容" name="content" required extra="反馈的意见建议">
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Form.List name="measures">
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label="整改措施" required extra="每条措施一项，打印时自动编号 1. 2. 3.">
            {fields.map((field, index) => (
              <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <span style={{ width: 20, lineHeight: '32px' }}>{index + 1}.</span>
                <Form.Item name={[field.name]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input.TextArea aria-label={`整改措施${index + 1}`} autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
                </Form.Item>
                <Button type="text" aria-label={`删除措施${index + 1}`} icon={<MinusCircleOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              添加措施
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item label="整改检验形式" name="verificationForm" required extra="应提交的佐证材料，如：培训通知、培训签到表、培训图片">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item label="责任处室" name="responsibleDivisions" required extra="可选多个；列表中没有的处室，输入名称后选择“添加处室”">
        <NameSelect names={plan.divisions} noun="处室" multiple />
      </Form.Item>
      <Form.Item label="责任处室（原文）" name="divisionWording" extra="措施分别由不同处室负责时填写，如：（1）办公室；（2）高新处、区域处。打印时代替上面的处室列表">
        <Input maxLength={300} />
      </Form.Item>
      <Form.List name="responsiblePersons">
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label="责任人（分管领导/经办人）" required>
            {fields.map((field, index) => (
              <div key={field.key} style={{ display: 'flex', gap: 8 }}>
                <Form.Item name={[field.name]} style={{ flex: 1, marginBottom: 8 }}>
                  <PersonPairInput index={index} />
                </Form.Item>
                <Button type="text" aria-label={`删除责任人${index + 1}`} icon={<MinusCircleOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ leader: '', officer: '' })}>
              添加责任人
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item label="已提交的佐证材料" name="evidenceNotes" extra="对照整改检验形式登记已收到的纸质或其他材料；电子文件在事项详情的“佐证材料”中添加附件">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  );
}
