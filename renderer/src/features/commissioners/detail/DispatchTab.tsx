import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Steps, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { cooperationAgreementSchema, dispatchStages, type Commissioner, type CommissionerTeam, type CooperationAgreement } from '../../../../../shared/domain/commissioners/schema';
import { effectiveEndDate, serviceEndDate, type CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { formatYuan } from '../../advisors/yearSummary';
import { useDb } from '../../../db/DbContext';
import { DocumentActions } from '../../../components/DocumentActions';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { markInService, removeCommissionerRecord, restoreCommissionerRecord, type AgreementFileView } from '../../../db/repositories/commissionerFiles';
import { saveAgreement } from '../../../db/repositories/commissioners';
import { readSetting } from '../../settings/settingsStore';
import { useConfirmRemove } from '../../../components/RecordLedger/useConfirmRemove';
import { agreementDocumentInput } from '../documentInputs';
import { AgreementFields } from '../forms/AgreementFields';
import { SignFields } from '../forms/SignFields';
import { partyName, todayIso, useProfileVariant, type CommissionerLookups } from '../useCommissioners';

const statusColors: Record<string, string> = { 草拟: 'default', 生效: 'green', 期满: 'default', 终止: 'red' };

interface Props {
  commissioner: Commissioner;
  team?: CommissionerTeam;
  agreements: AgreementFileView[];
  lookups?: CommissionerLookups;
  rules: CommissionerRules;
}

/**
 * 派驻与协议 (seed 001 §六): each dispatch with its procedure stages and dates, the service
 * period, 签订协议 (which puts it in force — one enterprise, one active dispatch) and the
 * 合作协议书 (预览/保存/打印).
 */
export function DispatchTab({ commissioner, team, agreements, lookups, rules }: Props) {
  const db = useDb();
  const variant = useProfileVariant();
  const confirmRemove = useConfirmRemove();
  const [editing, setEditing] = useState<{ agreement?: CooperationAgreement } | null>(null);
  const [signing, setSigning] = useState<CooperationAgreement | null>(null);
  const party = { commissionerId: commissioner.id, teamId: team?.id, teamName: team?.name };
  const save = (fields: Record<string, unknown>, id?: string) => saveAgreement(db, ({ ...fields, id } as never), rules);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={commissioner.status === '取消资格'}>
        新增派驻
      </Button>
      {agreements.length === 0 && <Empty description="尚未派驻：点击“新增派驻”选择派驻企业并记录选派程序" />}
      {agreements.map(({ agreement }) => {
        const enterprise = lookups?.enterpriseById.get(agreement.enterpriseId);
        const reached = dispatchStages.filter((s) => agreement.stageDates[s]);
        const current = dispatchStages.findIndex((s) => s === reached[reached.length - 1]);
        return (
          <Card
            key={agreement.id}
            size="small"
            title={
              <Space wrap>
                <span>{enterprise?.name ?? '（派驻企业已删除）'}</span>
                <Tag color={statusColors[agreement.status]}>{agreement.status}</Tag>
                {agreement.teamId && <Tag color="purple">特派团：{partyName(agreement, lookups)}</Tag>}
                {agreement.agreementNumber && <Typography.Text type="secondary">{agreement.agreementNumber}</Typography.Text>}
              </Space>
            }
            extra={
              <Space wrap size={4}>
                {agreement.status === '草拟' && (
                  <Button size="small" type="primary" onClick={() => setSigning(agreement)}>
                    签订协议
                  </Button>
                )}
                <Button size="small" onClick={() => setEditing({ agreement })}>
                  修改
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    confirmRemove({
                      title: '删除派驻记录？',
                      content: `将删除派驻“${enterprise?.name ?? ''}”的记录（服务日志、考核等保留）。删除后可在提示中撤销。`,
                      remove: () => removeCommissionerRecord(db, 'cooperationAgreements', agreement.id),
                      restore: () => restoreCommissionerRecord(db, 'cooperationAgreements', agreement.id),
                      doneMessage: '已删除派驻记录',
                    })
                  }
                >
                  删除
                </Button>
              </Space>
            }
          >
            <Steps
              size="small"
              current={current}
              className="commissioner-steps"
              items={dispatchStages.map((stage) => ({ title: stage, description: agreement.stageDates[stage] ?? '', status: agreement.stageDates[stage] ? 'finish' : 'wait' }))}
            />
            <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
              <Descriptions.Item label="服务期">{agreement.startDate ? `${agreement.startDate} 至 ${effectiveEndDate(agreement) ?? '？'}` : '未填写'}</Descriptions.Item>
              <Descriptions.Item label="签订日期">{agreement.signedDate ?? '未签订'}</Descriptions.Item>
              <Descriptions.Item label="工作补助">{formatYuan(agreement.subsidyPerYear ?? rules.subsidyPerYear)}/年</Descriptions.Item>
              <Descriptions.Item label="派出单位">{agreement.dispatchUnit ?? commissioner.dispatchUnit}</Descriptions.Item>
              {agreement.terminationReason && <Descriptions.Item label="终止">{`${agreement.terminatedDate ?? ''} ${agreement.terminationReason}`}</Descriptions.Item>}
            </Descriptions>
            <Space wrap>
              <Typography.Text strong>合作协议书</Typography.Text>
              <DocumentActions
                kind="cooperationAgreement"
                size="small"
                disabled={!lookups || !agreement.startDate || !agreement.endDate}
                getInput={async () => agreementDocumentInput(agreement, lookups!, rules, variant, await readSetting(db, 'organisation'), await readSetting(db, 'commissionerAgreement'))}
              />
              {(!agreement.startDate || !agreement.endDate) && <Typography.Text type="secondary">填写服务期后可生成</Typography.Text>}
            </Space>
          </Card>
        );
      })}
      <RecordFormModal
        open={editing !== null}
        title={editing?.agreement ? '修改派驻' : '新增派驻'}
        width={860}
        schema={cooperationAgreementSchema}
        record={editing?.agreement}
        defaults={
          editing && !editing.agreement
            ? { commissionerId: commissioner.id, dispatchUnit: commissioner.dispatchUnit, status: '草拟', stageDates: { 意向征集: todayIso() } }
            : undefined
        }
        save={(fields) => save(fields, editing?.agreement?.id)}
        successMessage="派驻信息已保存"
        onClose={() => setEditing(null)}
      >
        <AgreementFields lookups={lookups} rules={rules} party={party} />
      </RecordFormModal>
      <RecordFormModal
        open={signing !== null}
        title="签订合作协议"
        width={640}
        schema={cooperationAgreementSchema}
        record={signing ?? undefined}
        defaults={signing && !signing.startDate ? { startDate: todayIso(), endDate: serviceEndDate(todayIso(), rules), signedDate: todayIso() } : { signedDate: todayIso() }}
        context={{ status: '生效' }}
        save={async (fields) => {
          const signed = await save({ ...fields, stageDates: { ...signing?.stageDates, 签订协议: fields.signedDate } }, signing?.id);
          await markInService(db, signed);
        }}
        submitOnEnter={false}
        successMessage="协议已签订，派驻生效"
        onClose={() => setSigning(null)}
      >
        <SignFields rules={rules} />
      </RecordFormModal>
    </Space>
  );
}
