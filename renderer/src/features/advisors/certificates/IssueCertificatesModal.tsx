import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Modal, Radio, Result, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Advisor, AppointmentCertificate } from '../../../../../shared/domain/advisors/schema';
import { activeOffset } from '../../../../../shared/domain/advisors/certificateSettings';
import { useDb } from '../../../db/DbContext';
import { issueCertificates, previewNumbers, type CertificateMode } from '../../../db/repositories/appointmentCertificates';
import { useSetting } from '../../settings/settingsStore';
import { chosenAdvisors, planIssue } from './issuePlan';
import { loadCertificateInput } from './loadCertificateInput';
import { PackedCertificateActions } from './PackedCertificateActions';

interface Props {
  /**
   * The selected advisors; the plan sorts them into 颁发 / 补打 / not possible. Read once when
   * the modal mounts (parents render it only while open), so the list does not shift under the
   * clerk when the issue itself changes their status.
   */
  advisors: Advisor[];
  onClose: () => void;
}

const todayIso = () => dayjs().format('YYYY-MM-DD');

/**
 * 颁发 / 补打 聘书 for one or many advisors: choose date and print mode, see the numbers that
 * will be taken, confirm, then get one file with a page per certificate.
 */
export function IssueCertificatesModal({ advisors: given, onClose }: Props) {
  const db = useDb();
  const { modal } = App.useApp();
  const settings = useSetting('advisorCertificate');
  const [advisors] = useState(given);
  const plan = useMemo(() => planIssue(advisors), [advisors]);
  // Reprints are never preselected next to first issues: a stray reprint still costs a register row.
  const [choice, setChoice] = useState(() => ({ firstIssue: plan.firstIssue.length > 0, reprint: plan.firstIssue.length === 0 && plan.reprint.length > 0 }));
  const [issuedOn, setIssuedOn] = useState(todayIso);
  const [mode, setMode] = useState<CertificateMode>('整页');
  const [numbers, setNumbers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<AppointmentCertificate[] | null>(null);

  const chosen = useMemo(() => chosenAdvisors(advisors, plan, choice), [advisors, plan, choice]);
  const firstIds = useMemo(() => new Set(plan.firstIssue.map((a) => a.id)), [plan]);
  const firstCount = chosen.filter((a) => firstIds.has(a.id)).length;

  useEffect(() => {
    if (firstCount === 0) {
      setNumbers([]);
      return;
    }
    let live = true;
    void previewNumbers(db, issuedOn, firstCount).then((n) => live && setNumbers(n));
    return () => {
      live = false;
    };
  }, [db, issuedOn, firstCount, settings]);

  const preview = useMemo(() => {
    let next = 0;
    return chosen.map((a) => ({
      key: a.id,
      name: a.name,
      isReprint: !firstIds.has(a.id),
      number: firstIds.has(a.id) ? (numbers[next++] ?? '…') : (a.certificateNumber ?? ''),
    }));
  }, [chosen, firstIds, numbers]);

  async function issue() {
    setError(null);
    try {
      // Per advisor: the ones chosen as reprints are 已聘任, the rest are first issues.
      setIssued(await issueCertificates(db, chosen.map((a) => a.id), { issuedOn, mode }, dayjs().format('YYYY-MM-DD')));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function confirm() {
    const parts = [firstCount && `颁发 ${firstCount} 份（取用新编号）`, chosen.length - firstCount && `补打 ${chosen.length - firstCount} 份（沿用原编号）`].filter(Boolean);
    modal.confirm({
      title: '确认登记聘书？',
      content: `将${parts.join('、')}，并记入聘书发放登记。编号一经取用不再重复使用。`,
      okText: '确认',
      cancelText: '取消',
      onOk: issue,
    });
  }

  // Stable, so the packer runs once per issue and not on every render.
  const getInput = useCallback(() => loadCertificateInput(db, issued ?? [], mode), [db, issued, mode]);
  const offset = settings ? activeOffset(settings) : { dxMm: 0, dyMm: 0 };
  const footer = issued
    ? [<Button key="close" type="primary" onClick={onClose}>完成</Button>]
    : [
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" disabled={chosen.length === 0} onClick={confirm}>
          {firstCount ? '颁发聘书' : '补打聘书'}
        </Button>,
      ];

  return (
    <Modal open title="颁发聘书" width={720} onCancel={onClose} footer={footer} destroyOnHidden maskClosable={false}>
      {issued ? (
        <Result
          status="success"
          title={`已登记 ${issued.length} 份聘书`}
          subTitle={issued.map((r) => `${advisors.find((a) => a.id === r.advisorId)?.name ?? ''} ${r.number}${r.isReprint ? '（补打）' : ''}`).join('；')}
          extra={<PackedCertificateActions getInput={getInput} />}
        />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {plan.firstIssue.length > 0 && (
            <Checkbox checked={choice.firstIssue} onChange={(e) => setChoice({ ...choice, firstIssue: e.target.checked })}>
              颁发聘书（已审定 {plan.firstIssue.length} 人，取用新编号）
            </Checkbox>
          )}
          {plan.reprint.length > 0 && (
            <Checkbox checked={choice.reprint} onChange={(e) => setChoice({ ...choice, reprint: e.target.checked })}>
              补打聘书（已聘任 {plan.reprint.length} 人，沿用原编号，登记为补打）
            </Checkbox>
          )}
          {plan.refused.length > 0 && (
            <Alert type="warning" showIcon title="以下人员不能颁发聘书" description={plan.refused.map((r) => `${r.advisor.name}：${r.reason}`).join('；')} />
          )}
          <Form layout="horizontal" labelCol={{ flex: '100px' }}>
            <Form.Item label="颁发日期" extra={firstCount ? '编号按颁发日期所在年度顺序取号' : '补打登记的日期；聘书上仍印原颁发日期'}>
              <DatePicker aria-label="颁发日期" allowClear={false} value={dayjs(issuedOn)} onChange={(d) => d && setIssuedOn(d.format('YYYY-MM-DD'))} />
            </Form.Item>
            <Form.Item
              label="打印方式"
              extra={
                mode === '套打'
                  ? settings?.activePrinter
                    ? `套打使用打印机“${settings.activePrinter}”的校准偏移（向右 ${offset.dxMm} 毫米，向下 ${offset.dyMm} 毫米）`
                    : '尚未选择打印机校准偏移，可在 设置 → 聘书 中校准'
                  : '在空白 A4 纸上打印完整聘书'
              }
            >
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as CertificateMode)} options={['整页', '套打'].map((m) => ({ value: m, label: m === '整页' ? '整页打印' : '套打（预印聘书纸）' }))} />
            </Form.Item>
          </Form>
          <Table
            size="small"
            pagination={false}
            dataSource={preview}
            locale={{ emptyText: '未选择任何人员' }}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 140 },
              { title: '聘书编号', dataIndex: 'number', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
              { title: '类型', dataIndex: 'isReprint', width: 100, render: (r: boolean) => (r ? <Tag color="orange">补打</Tag> : <Tag color="blue">颁发</Tag>) },
            ]}
          />
          {error && <Alert type="error" showIcon title="未登记任何聘书" description={error} />}
        </Space>
      )}
    </Modal>
  );
}
