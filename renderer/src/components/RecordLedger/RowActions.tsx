import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { useConfirmRemove, type RemoveRequest } from './useConfirmRemove';

/**
 * The 操作 cell of a ledger row: the caller's own buttons, then 修改 and 删除 (asked first,
 * tombstoned, undoable from the notice). One place for every list that edits and removes rows.
 */
export function RowActions({ extra, onEdit, removal }: { extra?: ReactNode; onEdit: () => void; removal: () => RemoveRequest }) {
  const confirmRemove = useConfirmRemove();
  return (
    <Space size={0}>
      {extra}
      <Button type="link" size="small" onClick={onEdit}>
        修改
      </Button>
      <Button type="link" size="small" danger onClick={() => confirmRemove(removal())}>
        删除
      </Button>
    </Space>
  );
}
