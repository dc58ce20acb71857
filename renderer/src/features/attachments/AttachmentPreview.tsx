import { useEffect, useRef, useState } from 'react';
import { Alert, Modal, Spin, Typography } from 'antd';
import type { PreviewKind } from '../../../../shared/attachments';
import { MAX_PREVIEW_PAGES, openPdfPreview, type PdfPreview } from './pdfPages';

export interface PreviewTarget {
  name: string;
  kind: PreviewKind;
  /** The stored bytes (already checked to be a real PDF or image by their magic bytes). */
  bytes: Uint8Array;
  mime: string;
}

const PAGE_WIDTH = 760;

/**
 * 预览 (issue 11): an image as <img> from a blob: URL typed by its sniffed mime (never SVG or
 * HTML), a PDF painted page by page by pdf.js (pdfPages.ts). Nothing in the file can run.
 */
export function AttachmentPreview({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  return (
    <Modal open={target !== null} title={target ? `预览：${target.name}` : ''} width={PAGE_WIDTH + 64} footer={null} onCancel={onClose} destroyOnHidden>
      {target?.kind === 'image' && <ImagePreview target={target} />}
      {target?.kind === 'pdf' && <PdfPagesPreview bytes={target.bytes} />}
    </Modal>
  );
}

function ImagePreview({ target }: { target: PreviewTarget }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([target.bytes as Uint8Array<ArrayBuffer>], { type: target.mime }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [target]);
  return url ? <img src={url} alt={target.name} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} /> : <Spin />;
}

function PdfPagesPreview({ bytes }: { bytes: Uint8Array }) {
  const [pdf, setPdf] = useState<PdfPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let opened: PdfPreview | null = null;
    openPdfPreview(bytes).then(
      (p) => {
        opened = p;
        if (cancelled) void p.close();
        else setPdf(p);
      },
      (e: unknown) => !cancelled && setError(`无法预览此 PDF（${e instanceof Error ? e.message : String(e)}），可用“打开”或“另存为”查看。`),
    );
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [bytes]);
  if (error) return <Alert type="warning" showIcon title={error} />;
  if (!pdf) return <Spin />;
  const shown = Math.min(pdf.pageCount, MAX_PREVIEW_PAGES);
  return (
    <div aria-label="PDF 预览" style={{ maxHeight: '70vh', overflow: 'auto', background: '#f0f0f0', padding: 8 }}>
      <Typography.Text type="secondary">
        共 {pdf.pageCount} 页{pdf.pageCount > shown ? `，预览前 ${shown} 页（全部内容请用“打开”）` : ''}
      </Typography.Text>
      {Array.from({ length: shown }, (_, i) => (
        <PdfPage key={i} pdf={pdf} n={i + 1} />
      ))}
    </div>
  );
}

function PdfPage({ pdf, n }: { pdf: PdfPreview; n: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'rendering' | 'done' | 'failed'>('rendering');
  useEffect(() => {
    if (!ref.current) return;
    pdf.render(n, ref.current, PAGE_WIDTH - 16).then(
      () => setState('done'),
      () => setState('failed'),
    );
  }, [pdf, n]);
  return (
    <div style={{ margin: '8px 0' }}>
      <canvas ref={ref} aria-label={`第 ${n} 页`} data-state={state} style={{ background: '#fff', display: 'block', boxShadow: '0 1px 3px rgba(0,0,0,.2)' }} />
      {state === 'failed' && <Typography.Text type="danger">第 {n} 页无法显示</Typography.Text>}
    </div>
  );
}
