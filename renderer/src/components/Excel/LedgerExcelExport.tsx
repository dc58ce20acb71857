import { memo, useState } from 'react';
import { Button, Dropdown, Modal, Progress, message } from 'antd';
import { DownOutlined, FileExcelOutlined, ImportOutlined } from '@ant-design/icons';
import { useOptionalPlatform } from '../../platform';
import type { LedgerColumn } from '../LedgerTable/types';
import { exportFileName, exportLedgerCsv, exportLedgerXlsx, type LedgerExportJob } from './ledgerExport';

export interface LedgerExcelExportProps<T> {
  title: string;
  columns: readonly LedgerColumn<T>[];
  /**
   * Rows on screen (filters and search applied), in displayed order. Counts are read when the
   * menu is drawn (on opening), so the ledger does not draw the menu again on every keystroke.
   */
  displayed: { count: () => number; ids: () => readonly string[] };
  /** Every row of the ledger. */
  all: { count: () => number; ids: () => readonly string[] };
  rowsOf: (ids: readonly string[]) => Promise<readonly T[]>;
  /** Adds 从 Excel 导入… to the menu (ledgers with an import target). */
  onImport?: () => void;
}

const XLSX_FILTER = { name: 'Excel 工作簿', extensions: ['xlsx'] };
const CSV_FILTER = { name: 'CSV 文件（逗号分隔）', extensions: ['csv'] };

function now(): { date: string; time: string } {
  const d = new Date();
  const date = d.toLocaleDateString('sv-SE');
  return { date, time: `${date} ${d.toTimeString().slice(0, 5)}` };
}

type Choice = 'displayed' | 'all' | 'displayedCsv';

/**
 * The Excel menu on every LedgerTable — 导出 Excel: what is on screen (filters, search, sort, visible columns in
 * their order) or the whole ledger, as .xlsx (or CSV). Rows are read block by block and written
 * in a worker, with a progress bar; the file goes out through the Platform's save dialog.
 */
function LedgerExcelExportImpl<T>({ title, columns, displayed, all, rowsOf, onImport }: LedgerExcelExportProps<T>) {
  const platform = useOptionalPlatform();
  const [messageApi, contextHolder] = message.useMessage();
  const [progress, setProgress] = useState<number | null>(null);
  // Opening the menu draws it again with the counts of that moment.
  const [open, setOpen] = useState(false);
  const counts = { displayed: displayed.count(), all: all.count() };
  const filtered = counts.displayed !== counts.all;

  async function run(choice: Choice) {
    if (!platform) return;
    const whole = choice === 'all';
    const ids = whole ? all.ids() : displayed.ids();
    if (ids.length === 0) return void messageApi.warning('没有可导出的记录');
    const { date, time } = now();
    const csv = choice === 'displayedCsv';
    const job: LedgerExportJob<T> = {
      title,
      columns,
      ids,
      rowsOf,
      scope: whole || !filtered ? `全部 ${all.count()} 条记录` : `筛选出的 ${ids.length} 条记录（共 ${all.count()} 条）`,
      exportedAt: time,
      onProgress: (done, total) => setProgress(Math.floor((done / total) * 100)),
    };
    setProgress(0);
    try {
      const bytes = csv ? await exportLedgerCsv(job) : await exportLedgerXlsx(job);
      setProgress(null);
      const result = await platform.saveFile({ suggestedName: exportFileName(title, date, csv ? 'csv' : 'xlsx'), bytes, filters: [csv ? CSV_FILTER : XLSX_FILTER] });
      if (result.saved) void messageApi.success(`已导出 ${ids.length} 条记录${result.path ? `：${result.path}` : ''}`);
    } catch (error) {
      setProgress(null);
      void messageApi.error(`导出失败：${(error as Error).message}`);
    }
  }

  if (!platform) return null;
  const items = [
    { key: 'displayed', disabled: counts.displayed === 0, label: <span data-testid="ledger-export-displayed">{filtered ? `导出筛选结果（${counts.displayed} 条）` : `导出当前列表（${counts.displayed} 条）`}</span> },
    { key: 'all', disabled: counts.all === 0, label: <span data-testid="ledger-export-all">导出全部（{counts.all} 条）</span> },
    { key: 'displayedCsv', disabled: counts.displayed === 0, label: <span data-testid="ledger-export-csv">导出为 CSV（{counts.displayed} 条）</span> },
    ...(onImport ? [{ type: 'divider' as const }, { key: 'import', icon: <ImportOutlined />, label: <span data-testid="ledger-import">从 Excel 导入…</span> }] : []),
  ];
  return (
    <>
      {contextHolder}
      <Dropdown
        menu={{
          items,
          onClick: ({ key }) => {
            setOpen(false);
            if (key === 'import') onImport?.();
            else void run(key as Choice);
          },
        }}
        trigger={['click']}
        open={open}
        onOpenChange={setOpen}
        disabled={progress !== null}
      >
        <Button icon={<FileExcelOutlined />} data-testid="ledger-excel">
          Excel <DownOutlined />
        </Button>
      </Dropdown>
      <Modal open={progress !== null} title="正在导出 Excel" footer={null} closable={false} maskClosable={false}>
        <Progress percent={progress ?? 0} data-testid="ledger-export-progress" />
      </Modal>
    </>
  );
}

// Drawn again when its own state changes (menu opened, progress), not with every keystroke or
// page of the ledger it exports.
export const LedgerExcelExport = memo(LedgerExcelExportImpl) as typeof LedgerExcelExportImpl;
