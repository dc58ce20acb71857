import { Button, Space, Tag } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../db/DbContext';
import { getOperatorName } from '../db/meta';

export function OperatorBadge({ onEdit }: { onEdit: () => void }) {
  const db = useDb();
  const operatorName = useLiveQuery(() => getOperatorName(db), [db]);
  if (operatorName === undefined) return null;
  return (
    <Space>
      {operatorName ? (
        <Tag icon={<UserOutlined />} color="blue" data-testid="operator-badge">
          操作员：{operatorName}
        </Tag>
      ) : (
        <Button size="small" danger onClick={onEdit} data-testid="operator-badge">
          未设置操作员，点此设置
        </Button>
      )}
    </Space>
  );
}
