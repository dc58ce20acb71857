import { useEffect, useState } from 'react';
import { App, Button, Input, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/DbContext';
import { getNodeId } from '../../db/meta';
import { DEFAULT_NODE_NAME, getNodeName, setNodeName } from '../../db/sync';

/**
 * 本机名称: the name other machines see in their summaries ("电脑“财务科”的时钟…") and in
 * conflicts — worth setting once per PC. The node id is shown for support calls.
 */
export function NodeIdentity() {
  const db = useDb();
  const { message } = App.useApp();
  // The default name is shown as an empty box with a hint: a real name is what makes other
  // machines' summaries readable.
  const stored = useLiveQuery(async () => {
    const saved = await getNodeName(db);
    return { name: saved === DEFAULT_NODE_NAME ? '' : saved, id: await getNodeId(db) };
  }, [db]);
  const [name, setName] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (stored && name === null) setName(stored.name ?? '');
  }, [stored, name]);

  async function save() {
    setSaving(true);
    try {
      await setNodeName(db, (name ?? '').trim());
      message.success('本机名称已保存');
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  const dirty = stored !== undefined && name !== null && name.trim() !== (stored.name ?? '');
  return (
    <Space direction="vertical" size={4}>
      <form
        aria-label="本机名称"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Space.Compact>
          <Input
            aria-label="本机名称"
            value={name ?? ''}
            onChange={(e) => setName(e.target.value)}
            placeholder="例如：办公室-张三"
            maxLength={50}
            style={{ width: 240 }}
            disabled={stored === undefined}
          />
          <Button htmlType="submit" loading={saving} disabled={!dirty}>
            保存名称
          </Button>
        </Space.Compact>
      </form>
      <Typography.Text type={stored && !stored.name ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
        {stored && !stored.name ? '请为本机起一个名称，' : ''}其他电脑会以此名称显示本机的数据。本机编号：<Typography.Text copyable={{ text: stored?.id ?? '' }} type="secondary" style={{ fontSize: 12 }} data-testid="node-id">{stored?.id ?? '—'}</Typography.Text>
      </Typography.Text>
    </Space>
  );
}
