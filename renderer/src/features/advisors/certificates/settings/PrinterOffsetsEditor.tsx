import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, type FormInstance } from 'antd';
import type { CertificateSettings, PrinterOffset } from '../../../../../../shared/domain/advisors/certificateSettings';

/**
 * 打印机校准: each printer shifts the page a little differently, so each gets its own offset;
 * 套打 uses the one chosen as 当前打印机.
 */
export function PrinterOffsetsEditor({ form }: { form: FormInstance<CertificateSettings> }) {
  const printers: PrinterOffset[] = Form.useWatch('printerOffsets', form) ?? [];
  const names = printers.map((p) => p?.printer?.trim()).filter((n): n is string => !!n);

  return (
    <>
      <Form.List name="printerOffsets">
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap aria-label={`打印机 ${f.name + 1}`}>
                <Form.Item name={[f.name, 'printer']} label="打印机" style={{ marginBottom: 0 }}>
                  <Input aria-label="打印机名称" placeholder="如：办公室 HP M1136" style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'dxMm']} label="水平偏移" tooltip="正值向右，负值向左" style={{ marginBottom: 0 }}>
                  <InputNumber aria-label="水平偏移" min={-30} max={30} step={0.5} suffix="mm" style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'dyMm']} label="垂直偏移" tooltip="正值向下，负值向上" style={{ marginBottom: 0 }}>
                  <InputNumber aria-label="垂直偏移" min={-30} max={30} step={0.5} suffix="mm" style={{ width: 110 }} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除打印机" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ printer: '', dxMm: 0, dyMm: 0 } satisfies PrinterOffset)}>
              添加打印机
            </Button>
          </Space>
        )}
      </Form.List>
      <Form.Item label="当前打印机" name="activePrinter" getValueProps={(value: string) => ({ value: value || undefined })} normalize={(value?: string) => value ?? ''} style={{ marginTop: 16 }} extra="套打和校准页使用这台打印机的偏移；不选则不偏移。">
        <Select aria-label="当前打印机" allowClear placeholder="不使用偏移" style={{ maxWidth: 320 }} options={names.map((n) => ({ value: n, label: n }))} />
      </Form.Item>
    </>
  );
}
