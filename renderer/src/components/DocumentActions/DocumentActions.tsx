import { EyeOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Progress, Space, message } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { documentKinds, type DocumentInput, type DocumentKindId } from '../../../../shared/documents/registry';
import { usePlatform } from '../../platform';
import { DocumentPreviewModal } from './DocumentPreviewModal';
import { isAbortError, packDocument } from './pack-document';
import { progressPercent, type PackedDocument } from './pack-protocol';

export const WORD_FILTER = { name: 'Word 文档', extensions: ['docx'] };

export interface DocumentActionsProps<K extends DocumentKindId> {
  /** Which builder, e.g. 'operationLogReport' (shared/documents/registry). */
  kind: K;
  /** The builder's input when it is already at hand… */
  input?: DocumentInput<K>;
  /** …or fetched on click (e.g. a repository query); called once per action. */
  getInput?: () => DocumentInput<K> | Promise<DocumentInput<K>>;
  /** Overrides the kind's own file name (a .docx extension is added when missing). */
  fileName?: string;
  disabled?: boolean;
  size?: 'small' | 'middle' | 'large';
  /** Which buttons to show (default all three); the preview always carries 保存 / 打印. */
  actions?: readonly Action[];
  /** Button texts other than 预览 / 保存 / 打印, e.g. { preview: '打印名册' }. */
  labels?: Partial<Record<Action, string>>;
}

export type Action = 'preview' | 'save' | 'print';
const ACTION_LABEL: Record<Action, string> = { preview: '预览', save: '保存', print: '打印' };

function withDocx(name: string): string {
  return /\.docx$/i.test(name) ? name : `${name}.docx`;
}

/**
 * 预览 / 保存 / 打印 for one generated document: the single component every module uses, so
 * the three actions behave the same everywhere. Building and packing run in a worker with a
 * 取消 button; files go out only through the Platform.
 */
export function DocumentActions<K extends DocumentKindId>({ kind, input, getInput, fileName, disabled, size, actions = ['preview', 'save', 'print'], labels = {} }: DocumentActionsProps<K>) {
  const platform = usePlatform();
  const [messageApi, contextHolder] = message.useMessage();
  const [busy, setBusy] = useState<Action | null>(null);
  const [percent, setPercent] = useState(0);
  const [preview, setPreview] = useState<PackedDocument | null>(null);
  const abort = useRef<AbortController | null>(null);
  const label = documentKinds[kind].label;

  const produce = useCallback(
    async (signal: AbortSignal): Promise<PackedDocument> => {
      const data = getInput ? await getInput() : input;
      if (data === undefined) throw new Error('没有可生成的数据');
      const packed = await packDocument(kind, data, { signal, onProgress: (p) => setPercent(progressPercent(p)) });
      return fileName ? { ...packed, fileName: withDocx(fileName) } : packed;
    },
    [kind, input, getInput, fileName],
  );

  /** Saves or prints a built document: from the buttons, or from the preview on the bytes it shows. */
  const deliver = useCallback(
    async (action: 'save' | 'print', doc: PackedDocument) => {
      if (action === 'save') {
        const result = await platform.saveFile({ suggestedName: doc.fileName, bytes: doc.bytes, filters: [WORD_FILTER] });
        if (result.saved) void messageApi.success(`已保存到 ${result.path ?? doc.fileName}`);
      } else {
        const result = await platform.openDocument({ suggestedName: doc.fileName, bytes: doc.bytes, filters: [WORD_FILTER] });
        void messageApi.success(result.opened ? `已在 Word/WPS 中打开，请从中打印：${result.path}` : `已下载 ${result.path}，请打开后打印`);
      }
    },
    [platform, messageApi],
  );

  const run = useCallback(
    async (action: Action) => {
      const controller = new AbortController();
      abort.current = controller;
      setBusy(action);
      setPercent(0);
      try {
        const doc = await produce(controller.signal);
        if (action === 'preview') setPreview(doc);
        else await deliver(action, doc);
      } catch (error) {
        if (isAbortError(error)) void messageApi.info(`已取消生成${label}`);
        else void messageApi.error(`${ACTION_LABEL[action]}${label}失败：${error instanceof Error ? error.message : String(error)}`);
      } finally {
        abort.current = null;
        setBusy(null);
      }
    },
    [produce, deliver, messageApi, label],
  );

  const isDisabled = disabled || busy !== null;
  return (
    <>
      {contextHolder}
      <Space wrap>
        {actions.includes('preview') && (
          <Button size={size} icon={<EyeOutlined />} disabled={isDisabled} loading={busy === 'preview'} onClick={() => void run('preview')}>
            {labels.preview ?? '预览'}
          </Button>
        )}
        {actions.includes('save') && (
          <Button size={size} icon={<SaveOutlined />} disabled={isDisabled} loading={busy === 'save'} onClick={() => void run('save')}>
            {labels.save ?? '保存'}
          </Button>
        )}
        {actions.includes('print') && (
          <Button size={size} icon={<PrinterOutlined />} disabled={isDisabled} loading={busy === 'print'} onClick={() => void run('print')}>
            {labels.print ?? '打印'}
          </Button>
        )}
        {busy && (
          <Space size="small" aria-label={`正在生成${label}`}>
            <Progress percent={percent} size="small" style={{ width: 160 }} />
            <Button size="small" onClick={() => abort.current?.abort()}>
              取消
            </Button>
          </Space>
        )}
      </Space>
      <DocumentPreviewModal
        open={preview !== null}
        title={label}
        bytes={preview?.bytes ?? null}
        onClose={() => setPreview(null)}
        onSave={() => preview && void deliver('save', preview).catch((e: unknown) => messageApi.error(`保存${label}失败：${String(e)}`))}
        onPrint={() => preview && void deliver('print', preview).catch((e: unknown) => messageApi.error(`打印${label}失败：${String(e)}`))}
      />
    </>
  );
}
