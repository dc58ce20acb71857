import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Tag } from 'antd';
import { checkEligibility, type CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { commissionerFields, commissionerSchema, type Commissioner } from '../../../../../shared/domain/commissioners/schema';
import { isoDate, requiredText } from '../../../../../shared/domain/common';
import { useDb } from '../../../db/DbContext';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { updateCommissionerRecord } from '../../../db/repositories/commissionerFiles';
import { CommissionerFields } from '../forms/PeopleFields';
import { DisqualifyFields, OverrideFields } from '../forms/RecordFields';
import { todayIso, type CommissionerLookups } from '../useCommissioners';

/** 破格选派 needs both the reason and the date (the record schema only ties them together). */
const overrideSchema = commissionerFields.extend({ eligibilityOverrideReason: requiredText('破格选派理由', 500), eligibilityOverrideDate: isoDate });

type Dialog = 'edit' | 'override' | 'disqualify' | null;

/** 基本信息 with 选派条件: met or not, why, and a recorded justification when overridden. */
export function BasicsTab({ commissioner, lookups, rules }: { commissioner: Commissioner; lookups?: CommissionerLookups; rules: CommissionerRules }) {
  const db = useDb();
  const [dialog, setDialog] = useState<Dialog>(null);
  const unit = commissioner.dispatchUnitId ? lookups?.unitById.get(commissioner.dispatchUnitId) : undefined;
  const eligibility = checkEligibility(commissioner, unit, rules);
  const save = (fields: Record<string, unknown>) => {
    const flags = (fields.priorityFlags as string[] | undefined) ?? commissioner.priorityFlags;
    return updateCommissionerRecord(db, 'commissioners', commissioner.id, { ...fields, isPriority: flags.length > 0 });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type={eligibility.eligible ? 'success' : eligibility.overridden ? 'warning' : 'error'}
        showIcon
        title={eligibility.eligible ? '符合选派条件' : eligibility.overridden ? '不符合选派条件，已破格选派' : '不符合选派条件'}
        description={
          <ul className="commissioner-reasons">
            {eligibility.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
            {eligibility.overridden && commissioner.eligibilityOverrideDate && <li>破格选派决定日期：{commissioner.eligibilityOverrideDate}</li>}
          </ul>
        }
        action={
          !eligibility.eligible && (
            <Button size="small" onClick={() => setDialog('override')}>
              {eligibility.overridden ? '修改破格理由' : '破格选派'}
            </Button>
          )
        }
      />
      {commissioner.status === '取消资格' && (
        <Alert
          type="error"
          showIcon
          title={`已于 ${commissioner.disqualifiedDate ?? '？'} 取消资格`}
          description={[...commissioner.disqualificationReasons, commissioner.disqualificationNote].filter(Boolean).join('；')}
        />
      )}
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="姓名">{commissioner.name}</Descriptions.Item>
        <Descriptions.Item label="性别">{commissioner.gender}</Descriptions.Item>
        <Descriptions.Item label="身份证号">{commissioner.idNumber}</Descriptions.Item>
        <Descriptions.Item label="派出单位">
          {commissioner.dispatchUnit} {unit && <Tag>{unit.kind}{unit.inRegion ? '·区内' : '·区外'}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="学位">{commissioner.degree}</Descriptions.Item>
        <Descriptions.Item label="职称">{commissioner.academicTitle}</Descriptions.Item>
        <Descriptions.Item label="手机">{commissioner.mobile}</Descriptions.Item>
        <Descriptions.Item label="专业领域">{commissioner.field}</Descriptions.Item>
        <Descriptions.Item label="优先选派">{commissioner.priorityFlags.join('、') || '—'}</Descriptions.Item>
        {commissioner.notes && <Descriptions.Item label="备注" span={3}>{commissioner.notes}</Descriptions.Item>}
      </Descriptions>
      <Space>
        <Button type="primary" onClick={() => setDialog('edit')}>
          修改基本信息
        </Button>
        {commissioner.status !== '取消资格' && (
          <Button danger onClick={() => setDialog('disqualify')}>
            取消资格
          </Button>
        )}
      </Space>
      <RecordFormModal open={dialog === 'edit'} title="修改基本信息" width={760} schema={commissionerSchema} record={commissioner} save={save} successMessage="基本信息已保存" onClose={() => setDialog(null)}>
        <CommissionerFields lookups={lookups} autoFocus />
      </RecordFormModal>
      <RecordFormModal
        open={dialog === 'override'}
        title="破格选派"
        schema={overrideSchema}
        record={commissioner}
        defaults={{ eligibilityOverrideDate: todayIso() }}
        save={save}
        submitOnEnter={false}
        successMessage="已记录破格选派理由"
        onClose={() => setDialog(null)}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={eligibility.reasons.join('；')} />
        <OverrideFields />
      </RecordFormModal>
      <RecordFormModal
        open={dialog === 'disqualify'}
        title={`取消 ${commissioner.name} 的科技特派员资格`}
        schema={commissionerSchema}
        record={commissioner}
        context={{ status: '取消资格' }}
        defaults={{ disqualifiedDate: todayIso() }}
        save={save}
        submitOnEnter={false}
        successMessage="已取消资格"
        onClose={() => setDialog(null)}
      >
        <DisqualifyFields />
      </RecordFormModal>
    </Space>
  );
}
