import { useState, type ReactNode } from 'react';
import { Modal, Progress } from 'antd';
import type { SheetData } from '../../../../shared/excel/sheetCell';
import { usePlatform } from '../../platform';
import type { LedgerExcelImport as LedgerExcelImportConfig } from '../LedgerTable/types';
import { readSpreadsheet } from './excelClient';
import { importTargets } from './importRegistry';
import { ImportWizardModal } from './ImportWizardModal';

const XLSX_FILTER = { name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] };

/**
 * 从 Excel 导入 (an item of the ledger's Excel menu, drawn by `children` with the pick action): pick a file, read it in the worker (progress bar), then the
 * wizard — sheet, column mapping, preview with every row's result, import all valid rows or none.
 */
export function LedgerExcelImport({ target, options, onImported, title, children }: LedgerExcelImportConfig & { title: string; children: (pick: () => void) => ReactNode }) {
  const platform = usePlatform();
  const [reading, setReading] = useState<number | null>(null);
  const [file, setFile] = useState<{ name: string; sheets: SheetData[] } | null>(null);
  const [modal, contextHolder] = Modal.useModal();
  const adapter = importTargets[target];

  async function pick() {
    const [picked] = await platform.openFiles({ filters: [XLSX_FILTER], multiple: false });
    if (!picked) return;
    setReading(0);
    try {
      const sheets = await readSpreadsheet(picked.bytes, picked.name, (done) => setReading(Math.round(done * 100)));
      setFile({ name: picked.name, sheets });
    } catch (error) {
      void modal.error({ title: '无法导入该文件', content: <span data-testid="excel-import-file-error">{(error as Error).message}</span> });
    } finally {
      setReading(null);
    }
  }

  return (
    <>
      {contextHolder}
      {children(() => void (reading === null && pick()))}
      <Modal open={reading !== null} title="正在读取 Excel 文件" footer={null} closable={false} maskClosable={false}>
        <Progress percent={reading ?? 0} status="active" />
      </Modal>
      {file && (
        <ImportWizardModal
          adapter={adapter}
          options={options ?? {}}
          fileName={file.name}
          sheets={file.sheets}
          ledgerTitle={title}
          onClose={() => setFile(null)}
          onImported={(count) => {
            setFile(null);
            onImported?.(count);
          }}
        />
      )}
    </>
  );
}
