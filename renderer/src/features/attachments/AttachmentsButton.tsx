import { useState } from 'react';
import { Badge, Button, Modal } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { AttachmentsPanel, type AttachmentsPanelProps } from './AttachmentsPanel';

export interface AttachmentsButtonProps extends AttachmentsPanelProps {
  /** Live attachments of the record (from useAttachmentCounts): the badge on the button. */
  count?: number;
  /** The record in words, for the dialog title, e.g. "2026年度 聘金 60,000.00 元". */
  title: string;
}

/**
 * A row action for any ledger: "附件" with the record's count, opening the record's
 * AttachmentsPanel in a dialog.
 */
export function AttachmentsButton({ count = 0, title, ...panel }: AttachmentsButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => setOpen(true)} aria-label={`附件（${count}）`}>
        附件
        {count > 0 && <Badge count={count} size="small" color="#1677ff" style={{ marginLeft: 4 }} />}
      </Button>
      <Modal open={open} title={`附件：${title}`} width={980} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <AttachmentsPanel {...panel} />
      </Modal>
    </>
  );
}
