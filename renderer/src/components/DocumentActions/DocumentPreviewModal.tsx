import { Alert, Modal, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { sanitizePreviewNodes } from './sanitizePreview';

export interface DocumentPreviewModalProps {
  open: boolean;
  title: string;
  /** The packed .docx; rendered as Word would lay it out, before anything is saved. */
  bytes: Uint8Array | null;
  onClose: () => void;
}

/** 预览: docx-preview draws the pages into the modal (it reads the same bytes 保存 writes). */
export function DocumentPreviewModal({ open, title, bytes, onClose }: DocumentPreviewModalProps) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'rendering' | 'ready' | 'failed'>('rendering');

  useEffect(() => {
    if (!open || !bytes) return;
    let cancelled = false;
    setState('rendering');
    // Loaded on demand: the previewer is only needed when someone clicks 预览.
    void import('docx-preview')
      .then(async ({ parseAsync, renderDocument }) => {
        const options = {
          className: 'docx-preview',
          inWrapper: true,
          ignoreLastRenderedPageBreak: true,
          renderHeaders: true,
          renderFooters: true,
        };
        // Rendered detached and cleaned before it touches the page: a document may come from
        // another machine, and docx-preview copies its links and attributes as they are.
        const nodes = await renderDocument(await parseAsync(bytes, options), options);
        sanitizePreviewNodes(nodes);
        if (cancelled || !container.current) return;
        container.current.replaceChildren(...nodes);
        if (!cancelled) setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [open, bytes]);

  return (
    <Modal open={open} title={`预览：${title}`} onCancel={onClose} footer={null} width={980} destroyOnHidden>
      {state === 'rendering' && <Spin tip="正在排版预览…" />}
      {state === 'failed' && <Alert type="warning" showIcon message="无法预览该文档，请直接保存后用 Word 或 WPS 打开查看。" />}
      <div ref={container} data-testid="document-preview" style={{ maxHeight: '75vh', overflow: 'auto', background: '#f0f0f0' }} />
    </Modal>
  );
}
