import { EyeOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppointmentCertificateInput } from '../../../../../shared/documents/advisors/certificate-input';
import { DocumentPreviewModal, WORD_FILTER, isAbortError, packDocument, progressPercent, type PackedDocument } from '../../../components/DocumentActions';
import { usePlatform } from '../../../platform';

interface Props {
  /** Read when packing starts (fresh settings). */
  getInput: () => Promise<AppointmentCertificateInput>;
}

/**
 * Packs a whole batch of 聘书 once, in the worker, with progress and 取消; then 预览 / 保存 /
 * 打印 use the same bytes (a batch of dozens of pages should not be rebuilt per button).
 */
export function PackedCertificateActions({ getInput }: Props) {
  const platform = usePlatform();
  const { message } = App.useApp();
  const [packed, setPacked] = useState<PackedDocument | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const pack = useCallback(async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPercent(0);
    setPacked(null);
    try {
      const input = await getInput();
      setPacked(await packDocument('appointmentCertificate', input, { signal: controller.signal, onProgress: (p) => setPercent(progressPercent(p)) }));
    } catch (error) {
      if (isAbortError(error)) void message.info('已取消生成聘书，可重新生成');
      else void message.error(`生成聘书失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      abort.current = null;
      setPercent(null);
    }
  }, [getInput, message]);

  useEffect(() => {
    void pack();
    return () => abort.current?.abort();
  }, [pack]);

  async function save() {
    if (!packed) return;
    const result = await platform.saveFile({ suggestedName: packed.fileName, bytes: packed.bytes, filters: [WORD_FILTER] });
    if (result.saved) void message.success(`已保存到 ${result.path ?? packed.fileName}`);
  }

  async function print() {
    if (!packed) return;
    const result = await platform.openDocument({ suggestedName: packed.fileName, bytes: packed.bytes, filters: [WORD_FILTER] });
    void message.success(result.opened ? `已在 Word/WPS 中打开，请从中打印：${result.path}` : `已下载 ${result.path}，请打开后打印`);
  }

  if (percent !== null) {
    return (
      <Space aria-label="正在生成聘书">
        <Typography.Text>正在生成聘书…</Typography.Text>
        <Progress percent={percent} size="small" style={{ width: 200 }} />
        <Button size="small" onClick={() => abort.current?.abort()}>
          取消
        </Button>
      </Space>
    );
  }
  if (!packed) return <Button onClick={() => void pack()}>重新生成聘书文件</Button>;
  return (
    <>
      <Space wrap>
        <Typography.Text type="secondary">{packed.fileName}</Typography.Text>
        <Button icon={<EyeOutlined />} onClick={() => setPreviewOpen(true)}>
          预览
        </Button>
        <Button icon={<SaveOutlined />} onClick={() => void save()}>
          保存
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()}>
          打印
        </Button>
      </Space>
      <DocumentPreviewModal open={previewOpen} title="聘书" bytes={previewOpen ? packed.bytes : null} onClose={() => setPreviewOpen(false)} onSave={() => void save()} onPrint={() => void print()} />
    </>
  );
}
