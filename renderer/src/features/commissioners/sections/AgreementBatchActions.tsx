import { Space, Typography } from 'antd';
import type { CooperationAgreement } from '../../../../../shared/domain/commissioners/schema';
import type { CooperationAgreementInput } from '../../../../../shared/documents/commissioners/cooperation-agreement';
import { MAX_AGREEMENTS_PER_BATCH } from '../../../../../shared/documents/commissioners/cooperation-agreement-batch';
import { useDb } from '../../../db/DbContext';
import { DocumentActions } from '../../../components/DocumentActions';
import { readSetting } from '../../settings/settingsStore';
import { agreementDocumentInput } from '../documentInputs';
import { partyName, useCommissionerLookups, useCommissionerRules, useProfileVariant } from '../useCommissioners';

/**
 * 合作协议书 of many dispatches in one .docx (a year's signing round, or the rows ticked): each
 * agreement starts on a new page with its own page numbers. Built in the document worker with
 * progress and 取消; an agreement that cannot be drawn up stops the batch, named with its reason.
 */
export function AgreementBatchActions({ agreements, scope }: { agreements: readonly CooperationAgreement[]; scope: string }) {
  const db = useDb();
  const lookups = useCommissionerLookups();
  const rules = useCommissionerRules();
  const variant = useProfileVariant();
  const tooMany = agreements.length > MAX_AGREEMENTS_PER_BATCH;
  return (
    <Space size="small" aria-label="批量合作协议书">
      <Typography.Text>合作协议书（{scope} {agreements.length} 份）</Typography.Text>
      <DocumentActions
        kind="cooperationAgreementBatch"
        actions={['save', 'print']}
        disabled={!lookups || agreements.length === 0 || tooMany}
        getInput={async () => {
          const [organisation, wording] = await Promise.all([readSetting(db, 'organisation'), readSetting(db, 'commissionerAgreement')]);
          const inputs: CooperationAgreementInput[] = [];
          const problems: string[] = [];
          for (const agreement of agreements) {
            try {
              inputs.push(agreementDocumentInput(agreement, lookups!, rules, variant, organisation, wording));
            } catch (error) {
              problems.push(`${partyName(agreement, lookups)}：${error instanceof Error ? error.message : String(error)}`);
            }
          }
          if (problems.length) throw new Error(`${problems.length} 份协议无法生成（${problems.slice(0, 3).join('；')}${problems.length > 3 ? '……' : ''}）`);
          return { scope, agreements: inputs };
        }}
      />
      {tooMany && <Typography.Text type="warning">一次最多 {MAX_AGREEMENTS_PER_BATCH} 份，请勾选后分批生成</Typography.Text>}
    </Space>
  );
}
