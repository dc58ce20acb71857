import { useEffect } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { operatorNameSchema } from '../../../../shared/domain/settings/schema';
import { useDb } from '../../db/DbContext';
import { getNodeId, getOperatorName, setOperatorName } from '../../db/meta';
import { setCurrentOperator } from '../../db/tracking';

/** The operator is per machine (not synced): every change in 操作记录 carries this name. */
export function OperatorForm() {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ operatorName: string }>();
  const operatorName = useLiveQuery(() => getOperatorName(db), [db]);
  const nodeId = useLiveQuery(() => getNodeId(db), [db]);

  useEffect(() => {
    form.setFieldsValue({ operatorName: operatorName ?? '' });
  }, [operatorName, form]);

  async function save({ operatorName: raw }: { operatorName: string }) {
    const parsed = operatorNameSchema.safeParse(raw ?? '');
    if (!parsed.success) {
      form.setFields([{ name: 'operatorName', errors: parsed.error.issues.map((i) => i.message) }]);
      return;
    }
    await setOperatorName(db, parsed.data);
    setCurrentOperator(parsed.data);
    message.success('操作员已保存');
  }

  return (
    <Form form={form} layout="horizontal" labelCol={{ flex: '180px' }} style={{ maxWidth: 640 }} onFinish={save} aria-label="操作员">
      <Form.Item label="操作员姓名" name="operatorName" required extra="本机所做的每一项修改都以此姓名记入操作记录">
        <Input placeholder="请输入姓名" maxLength={30} />
      </Form.Item>
      <Form.Item label="本机编号">
        <Typography.Text code copyable>
          {nodeId ?? '…'}
        </Typography.Text>
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit">
          保存操作员
        </Button>
      </Form.Item>
    </Form>
  );
}
