import { App, Button, Input, Space, Typography } from 'antd';
import { useDb } from '../../../db/DbContext';
import { voidCertificate, type RegisterEntry } from '../../../db/repositories/appointmentCertificates';

/**
 * 作废 a register row (a misprint, a wrong entry). Asks for a reason: the row disappears from
 * the register but stays in the oplog, and its number is not given out again.
 */
export function VoidCertificateButton({ entry }: { entry: RegisterEntry }) {
  const db = useDb();
  const { modal, message } = App.useApp();

  function confirm() {
    let reason = '';
    modal.confirm({
      title: `作废 ${entry.advisorName} 的聘书登记？`,
      okType: 'danger',
      okText: '作废',
      cancelText: '取消',
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {entry.number}（{entry.issuedOn}，{entry.isReprint ? '补打' : '颁发'}）将从登记簿中移除，编号不再使用。作废不改变科技顾问的聘任状态。
          </Typography.Text>
          <Input aria-label="作废原因" placeholder="作废原因，如：打印错位" onChange={(e) => (reason = e.target.value)} />
        </Space>
      ),
      onOk: async () => {
        await voidCertificate(db, entry.id, reason);
        message.success(`已作废 ${entry.number}`);
      },
    });
  }

  return (
    <Button size="small" type="link" danger onClick={confirm}>
      作废
    </Button>
  );
}
