import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Typography } from 'antd';
import { describeRecordCounts } from '../../../../shared/domain/ledgerModules';
import { shownLedgerTables } from '../../navigation/moduleIds';
import { CloudDownloadOutlined, ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { useDb } from '../../db/DbContext';
import { DEFAULT_NODE_NAME, exportBundle, getNodeName, importBundle, setNodeName, previewBundle, type ImportPreview, type ImportResult } from '../../db/sync';
import { closeBundle, type BundleInput } from '../../db/sync/bundleInput';
import { usePlatform } from '../../platform';
import { ImportPreviewCard } from './ImportPreviewCard';
import { ImportResultView } from './ImportResultView';
import { loadKnownMachines } from './useConflictRows';
import type { KnownMachine } from './machines';
import { deleteShareLimit, duplicateCertificateNumbers, BUNDLE_FILTERS, pickBundle, takeBackup } from './syncDeps';
import { bundleFileName, formatDateTime } from './wording';

const ALL = '__all__';
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * 导入/导出 by hand: when there is no common folder, a bundle travels as a file (mail, chat, a
 * stick passed around). 全量导出 is what goes upward to the provincial office.
 */
export function FilesPanel() {
  const db = useDb();
  const platform = usePlatform();
  const { message, modal } = App.useApp();
  const [machines, setMachines] = useState<KnownMachine[]>([]);
  const [target, setTarget] = useState<string>(ALL);
  const [exporting, setExporting] = useState(false);
  // The bundle as picked, read in slices, never whole: a File on web, a file the main process holds open on desktop.
  const [pending, setPending] = useState<{ name: string; content: BundleInput; preview: ImportPreview } | null>(null);
  // A bundle the main process holds open for us (desktop) is closed once it is no longer the one
  // waiting to be imported: another was chosen, it was imported or cancelled, or the page left.
  const pendingContent = pending?.content;
  useEffect(() => () => void closeBundle(pendingContent).catch(() => undefined), [pendingContent]);
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<{ result: ImportResult; duplicates: { number: string; holders: string[] }[] } | null>(null);

  useEffect(() => {
    void loadKnownMachines(db).then(setMachines);
  }, [db, result]);

  /**
   * A bundle names the machine it came from; "未命名电脑" helps nobody at the other end, so the
   * first export asks for the name (issue 8 item 15). Resolves false when the clerk cancels.
   */
  async function ensureMachineName(): Promise<boolean> {
    if ((await getNodeName(db)) !== DEFAULT_NODE_NAME) return true;
    let typed = '';
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '请先为本机命名',
        content: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>数据包会注明来自哪台电脑，对方据此识别。例如“南宁市科技局-张三”。</Typography.Text>
            <Input aria-label="本机名称" maxLength={40} autoFocus onChange={(e) => (typed = e.target.value)} />
          </Space>
        ),
        okText: '保存并导出',
        cancelText: '取消',
        onOk: async () => {
          if (!typed.trim()) {
            message.error('请填写本机名称');
            throw new Error('empty');
          }
          await setNodeName(db, typed.trim());
          resolve(true);
        },
        onCancel: () => resolve(false),
      });
    });
  }

  async function save(kind: 'incremental' | 'full', machine?: KnownMachine) {
    if (!(await ensureMachineName())) return;
    setExporting(true);
    try {
      const target = machine ? { nodeId: machine.nodeId, nodeName: machine.name } : undefined;
      const out = await exportBundle(db, { kind, receiverVector: machine?.receiverVector, target });
      const nodeName = await getNodeName(db);
      const now = new Date();
      const holds = describeRecordCounts(out.recordsPerTable, shownLedgerTables);
      const files = out.parts.reduce((n, p) => n + p.fileCount, 0);
      const withFiles = files > 0 ? `及 ${files} 个附件文件` : '';
      // Attachment files over the bundle cap: several files, each saved (and later imported) on its own.
      for (const part of out.parts) {
        const name = bundleFileName(nodeName, kind, now, target?.nodeName, part.part);
        const saved = await platform.saveFile({ suggestedName: name, bytes: part.bytes, filters: BUNDLE_FILTERS });
        if (!saved.saved) return;
        if (out.parts.length === 1) message.success(`已导出${kind === 'full' ? '全量数据包' : '更新包'}，含 ${holds}${withFiles}：${saved.path ?? name}`);
      }
      if (out.parts.length > 1) message.success(`附件较多，已分为 ${out.parts.length} 个数据包导出（含 ${holds}${withFiles}），请全部导入，顺序不限`);
    } catch (error) {
      message.error(`导出失败：${errorText(error)}`);
    } finally {
      setExporting(false);
    }
  }

  function exportUpdate() {
    const machine = machines.find((m) => m.nodeId === target);
    return machine ? save('incremental', machine) : save('full');
  }

  async function chooseBundle() {
    setImportError(null);
    setResult(null);
    setPending(null);
    const file = await pickBundle(platform);
    if (!file) return;
    try {
      setPending({ name: file.name, content: file.content, preview: await previewBundle(db, file.content, { deleteShareLimit: await deleteShareLimit(db) }) });
    } catch (error) {
      // A refused bundle (BundleError) has touched nothing: only its message is shown.
      setImportError(`无法导入“${file.name}”：${errorText(error)}`);
      await closeBundle(file.content).catch(() => undefined);
    }
  }

  async function confirmImport() {
    if (!pending) return;
    const { preview } = pending;
    if (preview.needsDeleteConfirmation) {
      const ok = await modal.confirm({
        title: '确认删除这些记录？',
        content: '该数据包将删除较多记录。导入前会先备份本机数据（桌面版）。',
        okText: '仍然导入',
        okType: 'danger',
        cancelText: '取消',
        autoFocusButton: 'cancel',
      });
      if (!ok) return;
    }
    setImporting(true);
    try {
      if (preview.newOps > 0) await takeBackup(db, platform, 'before-import');
      const imported = await importBundle(db, pending.content, { confirmLargeDelete: preview.needsDeleteConfirmation, deleteShareLimit: await deleteShareLimit(db) });
      setResult({ result: imported, duplicates: await duplicateCertificateNumbers(db) });
      setPending(null);
    } catch (error) {
      setImportError(`导入失败，本机数据未改变：${errorText(error)}`);
    } finally {
      setImporting(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title="导出">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>导出给：</Typography.Text>
            <Select
              aria-label="导出给"
              value={target}
              onChange={setTarget}
              style={{ minWidth: 320 }}
              options={[
                { value: ALL, label: '任意电脑（包含全部数据）' },
                ...machines.map((m) => ({ value: m.nodeId, label: `${m.name}（上次收到其数据：${formatDateTime(m.lastSeen)}）` })),
              ]}
            />
            <Button type="primary" icon={<ExportOutlined />} onClick={exportUpdate} loading={exporting}>
              导出更新包
            </Button>
          </Space>
          <Typography.Text type="secondary">选择一台以前交换过数据的电脑时，只导出它可能还没有的改动，文件更小。对方在“导入数据包”中导入即可。</Typography.Text>
          <Space wrap>
            <Button icon={<CloudDownloadOutlined />} onClick={() => save('full')} loading={exporting}>
              全量导出
            </Button>
            <Typography.Text type="secondary">本机全部台账数据，用于报送上级或存档。</Typography.Text>
          </Space>
        </Space>
      </Card>

      <Card size="small" title="导入">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Button type="primary" icon={<ImportOutlined />} onClick={chooseBundle} disabled={importing}>
              导入数据包
            </Button>
            <Typography.Text type="secondary">选择其他电脑导出的 .sclb 文件；导入前会先显示将要发生的变化。</Typography.Text>
          </Space>
          {importError && <Alert type="error" showIcon message={importError} closable onClose={() => setImportError(null)} data-testid="import-error" />}
          {pending && <ImportPreviewCard fileName={pending.name} preview={pending.preview} busy={importing} onConfirm={confirmImport} onCancel={() => setPending(null)} />}
          {result && <ImportResultView result={result.result} duplicates={result.duplicates} />}
        </Space>
      </Card>
    </Space>
  );
}
