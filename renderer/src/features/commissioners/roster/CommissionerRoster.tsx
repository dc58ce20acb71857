import { useCallback, useState } from 'react';
import { Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { commissionerSchema } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import { useHashRoute } from '../../../navigation/useHashRoute';
import { LedgerTable, type DisplayedIds } from '../../../components/LedgerTable';
import { LedgerPrintButton } from '../../../components/LedgerPrint';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import type { SciLedgerDb } from '../../../db/database';
import { addCommissionerRecord, loadRosterFigures } from '../../../db/repositories/commissionerFiles';
import { usePagedLedgerSource } from '../../../db/usePagedLedgerSource';
import { CommissionerFields } from '../forms/PeopleFields';
import { todayIso, useCommissionerLookups, useCommissionerRules } from '../useCommissioners';
import { rosterColumns } from './rosterColumns';
import { rosterRowFromKey, type CommissionerRosterRow } from './rosterRows';

const RECENT_FIRST = { field: 'updatedAt', desc: true };
const rowId = (r: CommissionerRosterRow) => r.commissioner.id;
const ROSTER_ATTACHMENTS = { table: 'commissioners' };

/**
 * 科技特派员名册 (paged like the advisors' roster, issue 9): found, filtered and sorted by key
 * rows; only the commissioners on screen are read, with their current dispatch and compliance.
 */
export function CommissionerRoster() {
  const db = useDb();
  const [, navigate] = useHashRoute();
  const rules = useCommissionerRules();
  const [isCreating, setCreating] = useState(false);
  const [displayed, setDisplayed] = useState<DisplayedIds>({ count: 0, ids: () => [] });
  const loadRows = useCallback(
    async (database: SciLedgerDb, ids: readonly string[]) => {
      const figures = await loadRosterFigures(database, ids, todayIso(), rules);
      return new Map([...figures].map(([id, row]) => [id, row as CommissionerRosterRow]));
    },
    [rules],
  );
  const source = usePagedLedgerSource(db, 'commissioners', loadRows, RECENT_FIRST, rosterRowFromKey);

  return (
    <>
      <LedgerTable
        tableId="commissioners"
        ariaLabel="科技特派员名册"
        columns={rosterColumns}
        source={source}
        // 有附件: the commissioner's service logs carry the files (photos, 签到表).
        attachments={ROSTER_ATTACHMENTS}
        getRowId={rowId}
        onDisplayedIdsChange={setDisplayed}
        onRowActivate={(r) => navigate('commissioners', `c/${r.commissioner.id}`)}
        excelImport={{ target: 'commissioners' }}
        height="calc(100vh - 300px)"
        emptyText={source.index || source.firstPage ? '尚无科技特派员，请点击“新增科技特派员”登记' : '正在读取…'}
        toolbarExtra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增科技特派员
            </Button>
            <LedgerPrintButton
              tableId="commissioners"
              title="科技特派员名册"
              columns={rosterColumns}
              displayedCount={displayed.count}
              rows={async () => {
                const ids = displayed.ids();
                const rows = await loadRows(db, ids);
                return ids.map((id) => rows.get(id)).filter((r): r is CommissionerRosterRow => !!r);
              }}
              totalCount={displayed.count}
            />
          </Space>
        }
      />
      <RecordFormModal
        open={isCreating}
        title="新增科技特派员"
        width={760}
        schema={commissionerSchema}
        defaults={{ priorityFlags: [] }}
        // seed 001 §六: a file starts at 意向征集.
        context={{ status: '意向' }}
        save={async (fields) => {
          const flags = (fields.priorityFlags as string[] | undefined) ?? [];
          const created = await addCommissionerRecord(db, 'commissioners', ({ ...fields, isPriority: flags.length > 0 } as never));
          navigate('commissioners', `c/${created.id}`);
        }}
        successMessage="已新增科技特派员，请继续填写派驻信息"
        onClose={() => setCreating(false)}
      >
        <NewCommissionerFields />
      </RecordFormModal>
    </>
  );
}

/**
 * The 新增 form's fields with their pick lists (派出单位, 特派团, people): read when the dialog
 * opens (it is destroyed when hidden), not while the paged roster is on screen — the lists
 * read whole tables.
 */
function NewCommissionerFields() {
  const lookups = useCommissionerLookups();
  return <CommissionerFields lookups={lookups} autoFocus />;
}
