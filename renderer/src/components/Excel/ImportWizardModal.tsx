import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Modal, Progress, Select, Space, Steps, message } from 'antd';
import { layoutKey, suggestMapping } from '../../../../shared/excel/headerMatch';
import type { SheetData } from '../../../../shared/excel/sheetCell';
import { locateTable } from '../../../../shared/excel/sheetTable';
import { mappingProblems, type ImportCheck } from '../../../../shared/excel/validateImport';
import { useDb } from '../../db/DbContext';
import { checkInChunks } from './checkInChunks';
import { ImportMappingTable } from './ImportMappingTable';
import { ImportPreview } from './ImportPreview';
import { prepareImport, writeImport, type ImportTargetAdapter } from './importRegistry';
import { rememberMapping, rememberedMapping } from './mappingMemory';

interface Props {
  adapter: ImportTargetAdapter;
  options: Readonly<Record<string, unknown>>;
  fileName: string;
  sheets: SheetData[];
  ledgerTitle: string;
  onClose: () => void;
  onImported: (count: number) => void;
}

const sheetLabel = (s: SheetData) => `${s.name}${s.state === 'visible' ? '' : '（隐藏的工作表）'}`;

/** The import wizard: 1 工作表, 2 列对应, 3 预览与导入. Nothing is written before the last click. */
export function ImportWizardModal({ adapter, options, fileName, sheets, ledgerTitle, onClose, onImported }: Props) {
  const db = useDb();
  const { spec } = adapter;
  const [messageApi, contextHolder] = message.useMessage();
  // Hidden sheets are offered but not chosen for the clerk: they are often lookup lists.
  const [sheetIndex, setSheetIndex] = useState(() => Math.max(0, sheets.findIndex((s) => s.state === 'visible' && locateTable(s, spec.fields).ok)));
  const [step, setStep] = useState(0);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const sheet = sheets[sheetIndex];
  const table = useMemo(() => locateTable(sheet, spec.fields), [sheet, spec.fields]);
  const layout = table.ok ? layoutKey(table.headers) : '';
  const knownFields = useMemo(() => new Set(spec.fields.map((f) => f.id)), [spec.fields]);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  useEffect(() => {
    if (!table.ok) return setMapping([]);
    setMapping(rememberedMapping(spec.id, layout, table.headers.length, knownFields) ?? suggestMapping(table.headers, spec.fields));
  }, [table, layout, spec, knownFields]);
  const problems = useMemo(() => mappingProblems(spec, mapping), [spec, mapping]);

  async function toPreview() {
    if (!table.ok) return;
    setFailure(null);
    setProgress(0);
    try {
      rememberMapping(spec.id, layout, mapping);
      const { context, existingKeys } = await prepareImport(db, adapter, options);
      setCheck(await checkInChunks(spec, table.headers, table.rows, mapping, context, existingKeys, (share) => setProgress(Math.round(share * 100))));
      setStep(2);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setProgress(null);
    }
  }

  async function runImport() {
    if (!check) return;
    const drafts = check.rows.flatMap((r) => (r.status === 'ok' && r.draft ? [r.draft] : []));
    setProgress(0);
    try {
      const count = await writeImport(db, spec, drafts, options);
      void messageApi.success(`已导入 ${count} 条${spec.label}记录`);
      onImported(count);
    } catch (error) {
      setFailure(`未导入任何记录：${(error as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const footer = (
    <Space>
      <Button onClick={onClose}>取消</Button>
      {step > 0 && (
        <Button onClick={() => setStep(step - 1)} data-testid="excel-import-back">
          上一步
        </Button>
      )}
      {step === 0 && (
        <Button type="primary" disabled={!table.ok} onClick={() => setStep(1)} data-testid="excel-import-next">
          下一步：列对应
        </Button>
      )}
      {step === 1 && (
        <Button type="primary" disabled={problems.length > 0 || progress !== null} onClick={() => void toPreview()} data-testid="excel-import-preview">
          下一步：预览
        </Button>
      )}
      {step === 2 && check && (
        <Button type="primary" disabled={check.counts.ok === 0 || progress !== null} onClick={() => void runImport()} data-testid="excel-import-run">
          导入 {check.counts.ok} 条
        </Button>
      )}
    </Space>
  );

  return (
    <Modal open title={`导入 Excel 到${ledgerTitle}：${fileName}`} width={1100} onCancel={onClose} footer={footer} maskClosable={false} destroyOnHidden>
      {contextHolder}
      <div data-testid="excel-import-wizard">
        <Steps size="small" current={step} items={[{ title: '选择工作表' }, { title: '列对应' }, { title: '预览与导入' }]} style={{ marginBottom: 16 }} />
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="excel-import-failure" />}
        {progress !== null && <Progress percent={progress} status="active" />}
        {step === 0 && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              工作表：
              <Select
                style={{ minWidth: 260 }}
                value={sheetIndex}
                onChange={(i) => {
                  setSheetIndex(i);
                  setCheck(null);
                }}
                options={sheets.map((s, i) => ({ value: i, label: sheetLabel(s) }))}
                data-testid="excel-import-sheet"
              />
            </Space>
            {sheet.state !== 'visible' && <Alert type="warning" showIcon message="这是隐藏的工作表，请确认它就是要导入的台账" />}
            {table.ok ? (
              <Alert
                type="info"
                showIcon
                message={`表头在第 ${table.headerRowNumber} 行，共 ${table.rows.length} 行数据（空行已跳过）`}
                description={table.notes.length > 0 ? table.notes.join('；') : undefined}
                data-testid="excel-import-sheet-summary"
              />
            ) : (
              <Alert type="error" showIcon message={table.message} data-testid="excel-import-sheet-problem" />
            )}
          </Space>
        )}
        {step === 1 && table.ok && (
          <>
            {problems.length > 0 && <Alert type="warning" showIcon message={problems.join('；')} style={{ marginBottom: 12 }} data-testid="excel-import-mapping-problems" />}
            <ImportMappingTable spec={spec} headers={table.headers} rows={table.rows} mapping={mapping} onChange={setMapping} />
          </>
        )}
        {step === 2 && check && table.ok && <ImportPreview spec={spec} headers={table.headers} rows={table.rows} mapping={mapping} check={check} />}
      </div>
    </Modal>
  );
}
