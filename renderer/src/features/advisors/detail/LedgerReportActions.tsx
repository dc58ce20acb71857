import { useCallback, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { useDb } from '../../../db/DbContext';
import { DocumentActions } from '../../../components/DocumentActions';
import { loadAdvisorFile } from '../../../db/repositories/advisors';
import { readSetting } from '../../settings/settingsStore';
import { ledgerReportInput, reportYears } from '../documentInputs';
import { todayIso } from '../useAdvisors';
import type { Advisor } from '../../../../../shared/domain/advisors/schema';

/** 工作台账 (seed 000 §七.(一).5) of this advisor for the chosen year. */
export function LedgerReportActions({ advisor }: { advisor: Advisor }) {
  const db = useDb();
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const getInput = useCallback(async () => {
    const [file, organisation] = await Promise.all([loadAdvisorFile(db, advisor.id), readSetting(db, 'organisation')]);
    if (!file) throw new Error('该科技顾问记录不存在或已删除');
    return ledgerReportInput(file, year, organisation.committeeOffice, todayIso());
  }, [db, advisor.id, year]);
  const years = reportYears([advisor.termStart, advisor.recommendationDate], today);
  return (
    <Space wrap aria-label="工作台账">
      <Typography.Text>工作台账：</Typography.Text>
      <Select aria-label="台账年度" value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
      <DocumentActions kind="advisorLedgerReport" getInput={getInput} size="small" />
    </Space>
  );
}
