import { useMemo, useState } from 'react';
import { Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { advisorSchema } from '../../../../shared/domain/advisors/schema';
import { useDb } from '../../db/DbContext';
import { useHashRoute } from '../../navigation/useHashRoute';
import { LedgerTable, type DisplayedIds } from '../../components/LedgerTable';
import { LedgerPrintButton } from '../../components/LedgerPrint';
import { createAdvisor, type NewAdvisor } from '../../db/repositories/advisors';
import { BatchCertificateButton } from './certificates';
import { AdvisorBasicsFields, newAdvisorDefaults } from './forms/AdvisorBasicsFields';
import { RecordFormModal } from '../../components/forms/RecordFormModal';
import { rosterColumns } from './roster/rosterColumns';
import { StatusSummary } from './roster/StatusSummary';
import { SuggestionsCompilation } from './roster/SuggestionsCompilation';
import type { RosterRow } from './rosterRows';
import { loadRosterRows, todayIso, useAdvisorRosterSource, useAdvisorRules } from './useAdvisors';
import './advisors.css';

const rowId = (r: RosterRow) => r.advisor.id;
const ROSTER_ATTACHMENTS = { table: 'advisors' };
const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** 科技顾问名册: every advisor in one place, what is due, and the year's documents. */
export function AdvisorsPage() {
  const db = useDb();
  const [, navigate] = useHashRoute();
  const source = useAdvisorRosterSource();
  const rules = useAdvisorRules();
  // `version`: the index changes in place with every committed write.
  const liveTotal = useMemo(() => (source.index ? sum(source.index.countBy('status').values()) : (source.firstPage?.total ?? undefined)), [source.index, source.version, source.firstPage]);
  const [selected, setSelected] = useState<string[]>([]);
  const [displayed, setDisplayed] = useState<DisplayedIds>({ count: 0, ids: () => [] });
  const [isCreating, setCreating] = useState(false);

  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div className="advisor-summary">
          <StatusSummary index={source.index} version={source.version} total={source.firstPage?.total ?? undefined} />
          <SuggestionsCompilation />
        </div>
        <LedgerTable
          tableId="advisors"
          ariaLabel="科技顾问名册"
          columns={rosterColumns}
          source={source}
          // 有附件: an advisor's files hang on their 聘金 and 工作方案 records.
          attachments={ROSTER_ATTACHMENTS}
          getRowId={rowId}
          selectable
          onSelectionChange={setSelected}
          onDisplayedIdsChange={setDisplayed}
          onRowActivate={(r) => navigate('advisors', r.advisor.id)}
          excelImport={{ target: 'advisors' }}
          height="calc(100vh - 290px)"
          emptyText={source.index || source.firstPage ? '尚无科技顾问，请点击“新增科技顾问”登记' : '正在读取…'}
          toolbarExtra={
            <Space>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增科技顾问
              </Button>
              <BatchCertificateButton advisorIds={selected} />
              <LedgerPrintButton
                tableId="advisors"
                title="科技顾问名册"
                columns={rosterColumns}
                displayedCount={displayed.count}
                rows={() => loadRosterRows(db, displayed.ids(), todayIso(), rules)}
                totalCount={liveTotal ?? displayed.count}
              />
            </Space>
          }
        />
      </Space>
      <RecordFormModal
        open={isCreating}
        title="新增科技顾问"
        width={720}
        schema={advisorSchema}
        defaults={newAdvisorDefaults}
        // seed 000 §二(二): a new file starts as a recommendation.
        context={{ status: '推荐' }}
        save={async (fields) => {
          const advisor = await createAdvisor(db, fields as NewAdvisor);
          navigate('advisors', advisor.id);
        }}
        successMessage="已新增科技顾问，请继续填写选聘信息"
        onClose={() => setCreating(false)}
      >
        <AdvisorBasicsFields autoFocus />
      </RecordFormModal>
    </Card>
  );
}
