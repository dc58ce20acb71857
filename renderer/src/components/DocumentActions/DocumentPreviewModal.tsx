import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { PrinterOutlined, SaveOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fitZoom, stepZoom } from './previewZoom';
import { sanitizePreviewNodes } from './sanitizePreview';

export interface DocumentPreviewModalProps {
  open: boolean;
  title: string;
  /** The packed .docx; rendered as Word would lay it out, before anything is saved. */
  bytes: Uint8Array | null;
  onClose: () => void;
  /** The document's own actions, on the very bytes shown (issue 8 item 12). */
  onSave?: () => void;
  onPrint?: () => void;
}

/**
 * 预览: docx-preview draws the pages into the modal (it reads the same bytes 保存 writes). The
 * pages are fitted to the window — a landscape certificate included — with a zoom control, and
 * 保存 / 打印 sit in the footer so the clerk acts on what they just checked.
 */
export function DocumentPreviewModal({ open, title, bytes, onClose, onSave, onPrint }: DocumentPreviewModalProps) {
  const viewer = useRef<HTMLDivElement>(null);
  const pages = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'rendering' | 'ready' | 'failed'>('rendering');
  const [zoom, setZoom] = useState(1);

  const fit = useCallback(() => {
    const widest = Math.max(0, ...[...(pages.current?.querySelectorAll<HTMLElement>('section.docx-preview') ?? [])].map((s) => s.offsetWidth));
    setZoom(fitZoom(viewer.current?.clientWidth ?? 0, widest));
  }, []);

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
        if (cancelled || !pages.current) return;
        pages.current.replaceChildren(...nodes);
        setState('ready');
        fit();
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [open, bytes, fit]);

  const footer = (
    <div className="document-preview-footer">
      <Space>
        <Button size="small" icon={<ZoomOutOutlined />} aria-label="缩小" onClick={() => setZoom(stepZoom(zoom, -1))} />
        <Typography.Text data-testid="preview-zoom" style={{ minWidth: 48, display: 'inline-block', textAlign: 'center' }}>
          {Math.round(zoom * 100)}%
        </Typography.Text>
        <Button size="small" icon={<ZoomInOutlined />} aria-label="放大" onClick={() => setZoom(stepZoom(zoom, 1))} />
        <Button size="small" onClick={fit}>
          适合窗口
        </Button>
        <Button size="small" onClick={() => setZoom(1)}>
          实际大小
        </Button>
      </Space>
      <Space>
        {onSave && (
          <Button icon={<SaveOutlined />} onClick={onSave}>
            保存
          </Button>
        )}
        {onPrint && (
          <Button type="primary" icon={<PrinterOutlined />} onClick={onPrint}>
            打印
          </Button>
        )}
      </Space>
    </div>
  );

  return (
    <Modal open={open} title={`预览：${title}`} onCancel={onClose} footer={footer} width="min(1240px, 96vw)" style={{ top: 16 }} destroyOnHidden>
      {state === 'rendering' && <Spin tip="正在排版预览…" />}
      {state === 'failed' && <Alert type="warning" showIcon message="无法预览该文档，请直接保存后用 Word 或 WPS 打开查看。" />}
      <div ref={viewer} className="document-preview-viewer" style={{ height: 'calc(100vh - 190px)', overflow: 'auto', background: '#f0f0f0' }}>
        {/* CSS zoom scales layout too, so the scrollbars match what is shown. */}
        <div ref={pages} data-testid="document-preview" style={{ zoom }} />
      </div>
    </Modal>
  );
}
