import { useState } from 'react';
import { Alert, App, Input, Modal, Typography } from 'antd';
import { useDb } from '../../db/DbContext';
import { resolveConflict } from '../../db/sync';
import { textToValue, valueToText, type ConflictRow } from './conflictRows';

/**
 * 编辑: neither value is right, so the clerk types the correct one. Text for text fields, JSON for
 * numbers and lists; the data layer checks it against the ledger's schema and says why not.
 */
export function EditConflictModal({ row, current, onClose }: { row: ConflictRow; current: unknown; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [text, setText] = useState(() => valueToText(current));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const isText = typeof current === 'string' || current === undefined || current === null;

  async function save() {
    const parsed = textToValue(text, current);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setSaving(true);
    try {
      await resolveConflict(db, row.key, { value: parsed.value });
      message.success(`已修改：${row.recordName} · ${row.fieldLabel}`);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={`编辑：${row.recordName} · ${row.fieldLabel}`} okText="保存" cancelText="取消" onOk={save} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        本机的值：{row.mine.value}
        <br />
        对方的值：{row.theirs.value}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="新的值"
        autoFocus
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        autoSize={{ minRows: 2, maxRows: 10 }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {isText ? '直接输入文字。' : '该字段不是文字，请按 JSON 填写（数字如 12，列表如 ["甲","乙"]）。'}Ctrl+Enter 保存。
      </Typography.Text>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} />}
    </Modal>
  );
}
