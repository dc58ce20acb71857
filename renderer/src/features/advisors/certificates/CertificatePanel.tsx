import { useCallback, useState } from 'react';
import { Alert, Button, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Advisor, AppointmentCertificate } from '../../../../../shared/domain/advisors/schema';
import { canIssueCertificate } from '../../../../../shared/domain/advisors/rules';
import { useDb } from '../../../db/DbContext';
import { DocumentActions } from '../../../components/DocumentActions';
import { listRegister } from '../../../db/repositories/appointmentCertificates';
import { IssueCertificatesModal } from './IssueCertificatesModal';
import { loadCertificateInput } from './loadCertificateInput';

export interface CertificatePanelProps {
  advisor: Advisor;
}

const noRows: AppointmentCertificate[] = [];

const registerColumns = [
  { title: '聘书编号', dataIndex: 'number' },
  { title: '登记日期', dataIndex: 'issuedOn', width: 120 },
  { title: '类型', dataIndex: 'isReprint', width: 90, render: (r: boolean) => (r ? <Tag color="orange">补打</Tag> : <Tag color="blue">颁发</Tag>) },
  { title: '打印方式', dataIndex: 'mode', width: 90 },
  { title: '聘期', key: 'term', render: (_: unknown, r: AppointmentCertificate) => `${r.termStart} 至 ${r.termEnd}` },
];

/** 聘书 on the advisor's page: term and number, 颁发 / 补打, and this advisor's register rows. */
export function CertificatePanel({ advisor: given }: CertificatePanelProps) {
  const db = useDb();
  // Live, so the number and status show as soon as the certificate is issued.
  const advisor = useLiveQuery(() => db.advisors.get(given.id), [db, given.id]) ?? given;
  const rows = useLiveQuery(() => listRegister(db, given.id), [db, given.id]) ?? noRows;
  const [open, setOpen] = useState(false);

  const isReprint = advisor.status === '已聘任';
  const check = canIssueCertificate(advisor, { isReprint });
  const latest = rows.at(-1);
  const latestInput = useCallback(() => loadCertificateInput(db, latest ? [latest] : [], latest?.mode ?? '整页'), [db, latest]);
  const action = isReprint ? '补打聘书' : '颁发聘书';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="certificate-panel">
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="聘书编号">{advisor.certificateNumber || <Typography.Text type="secondary">未颁发</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label="颁发日期">{advisor.certificateIssuedOn || '—'}</Descriptions.Item>
        <Descriptions.Item label="聘期">{advisor.termStart && advisor.termEnd ? `${advisor.termStart} 至 ${advisor.termEnd}` : <Typography.Text type="warning">未填写</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label="落款">{advisor.issuer || '—'}</Descriptions.Item>
      </Descriptions>
      {!check.ok && (advisor.status === '已审定' || isReprint) && <Alert type="warning" showIcon title={check.reason} />}
      <Space wrap>
        <Tooltip title={check.ok ? undefined : check.reason}>
          <Button type="primary" disabled={!check.ok} onClick={() => setOpen(true)}>
            {action}
          </Button>
        </Tooltip>
        {latest && (
          <>
            <Typography.Text type="secondary">
              最近登记的聘书（{latest.number}{latest.isReprint ? '，补打' : ''}）：
            </Typography.Text>
            <DocumentActions kind="appointmentCertificate" getInput={latestInput} size="small" />
          </>
        )}
      </Space>
      <Typography.Text strong>发放登记</Typography.Text>
      <Table size="small" rowKey="id" pagination={false} dataSource={rows} columns={registerColumns} locale={{ emptyText: '尚无聘书发放登记' }} />
      {open && <IssueCertificatesModal advisors={[advisor]} onClose={() => setOpen(false)} />}
    </Space>
  );
}
