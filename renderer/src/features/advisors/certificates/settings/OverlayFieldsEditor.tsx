import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Table, Tabs, type FormInstance } from 'antd';
import { defaultOverlayFields, overlayFieldKeys, overlayFieldLabels, type CertificateSettings, type OverlayField } from '../../../../../../shared/domain/advisors/certificateSettings';
import type { SheetOrientation } from '../../../../../../shared/domain/advisors/overlayGeometry';

const fontOptions = [
  { value: 'kai', label: '楷体' },
  { value: 'fangsong', label: '仿宋' },
  { value: 'song', label: '宋体' },
  { value: 'hei', label: '黑体' },
];
const alignOptions = [
  { value: 'left', label: '左对齐' },
  { value: 'center', label: '居中' },
  { value: 'right', label: '右对齐' },
];

const mmInput = (label: string, min = -50, max = 400) => <InputNumber aria-label={label} min={min} max={max} step={0.5} suffix="mm" style={{ width: 110 }} />;

const orientationLabels: Record<SheetOrientation, string> = { landscape: '横向 A4', portrait: '纵向 A4' };

/**
 * 套打字段位置: where each variable text goes on the pre-printed stock, measured in mm from
 * the sheet's top-left corner to the top-left of the text's ink (the top of its characters),
 * kept separately for landscape and portrait stock (DOMAIN §5). Both lists stay mounted, so a
 * field the settings refuse shows its reason at the input even on the other tab.
 */
export function OverlayFieldsEditor({ form }: { form: FormInstance<CertificateSettings> }) {
  const orientation: SheetOrientation = Form.useWatch('orientation', form) ?? 'landscape';
  return (
    <Tabs
      defaultActiveKey={orientation}
      key={orientation}
      items={(['landscape', 'portrait'] as const).map((o) => ({
        key: o,
        forceRender: true,
        label: `${orientationLabels[o]}${o === orientation ? '（当前版式）' : ''}`,
        children: <OrientationFields form={form} orientation={o} />,
      }))}
    />
  );
}

function OrientationFields({ form, orientation }: { form: FormInstance<CertificateSettings>; orientation: SheetOrientation }) {
  const current: OverlayField[] = Form.useWatch(['overlayFields', orientation], form) ?? [];
  const unused = overlayFieldKeys.filter((k) => !current.some((f) => f?.key === k));
  const fieldLabel = (index: number) => overlayFieldLabels[current[index]?.key as OverlayField['key']] ?? '';

  return (
    <Form.List name={['overlayFields', orientation]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            aria-label={`套打字段位置（${orientationLabels[orientation]}）`}
            columns={[
              {
                title: '字段',
                width: 120,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'key']} noStyle>
                    <Select aria-label={`字段 ${f.name + 1}`} style={{ width: 110 }} options={overlayFieldKeys.map((k) => ({ value: k, label: overlayFieldLabels[k], disabled: k !== current[f.name]?.key && !unused.includes(k) }))} title={fieldLabel(f.name)} />
                  </Form.Item>
                ),
              },
              ...(
                [
                  ['xMm', '距左边', -50, 400],
                  ['yMm', '距上边', -50, 400],
                  ['widthMm', '宽度', 1, 300],
                ] as const
              ).map(([key, title, min, max]) => ({
                title: `${title}`,
                width: 150,
                render: (_: unknown, f: { name: number }) => (
                  // Not noStyle: a refused position shows its reason right under the input.
                  <Form.Item name={[f.name, key]} style={{ margin: 0, maxWidth: 200 }}>
                    {mmInput(`${fieldLabel(f.name)}${title}`, min, max)}
                  </Form.Item>
                ),
              })),
              {
                title: '字号',
                width: 100,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'fontSizePt']} noStyle>
                    <InputNumber aria-label="字号" min={6} max={72} suffix="磅" style={{ width: 90 }} />
                  </Form.Item>
                ),
              },
              {
                title: '字体',
                width: 100,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'font']} noStyle>
                    <Select aria-label="字体" options={fontOptions} style={{ width: 88 }} />
                  </Form.Item>
                ),
              },
              {
                title: '对齐',
                width: 110,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'align']} noStyle>
                    <Select aria-label="对齐" options={alignOptions} style={{ width: 96 }} />
                  </Form.Item>
                ),
              },
              {
                title: '',
                width: 48,
                render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除字段" onClick={() => remove(f.name)} />,
              },
            ]}
          />
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={unused.length === 0}
            style={{ marginTop: 8 }}
            onClick={() => add(defaultOverlayFields(orientation).find((f) => f.key === unused[0]) ?? ({ key: unused[0], xMm: 40, yMm: 40, widthMm: 100, fontSizePt: 16, font: 'kai', align: 'left' } satisfies OverlayField))}
          >
            添加字段
          </Button>
        </>
      )}
    </Form.List>
  );
}
