import { useCallback, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { useDb } from '../../../db/DbContext';
import { DocumentActions } from '../../../components/DocumentActions';
import { loadAdvisorFiles } from '../../../db/repositories/advisors';
import { readSetting } from '../../settings/settingsStore';
import { reportYears, suggestionsCompilationInput } from '../documentInputs';
import { todayIso } from '../useAdvisors';

/**
 * 年度咨询建议汇编: seed 000 §七.(一).5 and §八.(二)1 — the office sends the year's suggestions
 * to the 党委/政府 before the end of December.
 */
export function SuggestionsCompilation() {
  const db = useDb();
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const getInput = useCallback(async () => {
    const [files, organisation] = await Promise.all([loadAdvisorFiles(db), readSetting(db, 'organisation')]);
    return suggestionsCompilationInput(files, year, organisation.committeeOffice, todayIso());
  }, [db, year]);
  return (
    <Space wrap aria-label="年度咨询建议汇编">
      <Typography.Text>年度咨询建议及科研成果汇编：</Typography.Text>
      <Select
        aria-label="汇编年度"
        value={year}
        onChange={setYear}
        style={{ width: 110 }}
        // The advisor programme began with 桂政办发〔2023〕86号.
        options={reportYears(['2023-01-01'], today).map((y) => ({ value: y, label: `${y}年度` }))}
      />
      <DocumentActions kind="suggestionsCompilation" getInput={getInput} />
    </Space>
  );
}
