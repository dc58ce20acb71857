import { useState } from 'react';
import { Button, Space, Steps, Typography } from 'antd';
import { allowedTransitions } from '../../../../../shared/domain/advisors/rules';
import type { Advisor, AdvisorStatus } from '../../../../../shared/domain/advisors/schema';
import { transitionAction, type TransitionAction } from '../advisorStatus';
import { TransitionModal } from '../forms/TransitionModal';

// seed 000 §二–三: the main line of a file; 期满 / 解聘 end it.
const mainLine: AdvisorStatus[] = ['推荐', '评议', '已审定', '已聘任'];

function stepIndex(status: AdvisorStatus): number {
  return status === '期满' || status === '解聘' ? mainLine.length : mainLine.indexOf(status);
}

/** Where the file stands and the steps allowed from here, each asking what it needs. */
export function StatusActions({ advisor }: { advisor: Advisor }) {
  const [action, setAction] = useState<TransitionAction | null>(null);
  const actions = allowedTransitions(advisor.status).map((to) => transitionAction(advisor.status, to));
  const ended = advisor.status === '期满' || advisor.status === '解聘';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={stepIndex(advisor.status)}
        status={advisor.status === '解聘' ? 'error' : ended ? 'finish' : 'process'}
        items={[...mainLine.map((title) => ({ title })), { title: ended ? advisor.status : '期满 / 解聘' }]}
      />
      <Space wrap data-testid="status-actions">
        <Typography.Text>当前状态：{advisor.status}。</Typography.Text>
        {actions.length === 0 && <Typography.Text type="secondary">已解聘，不能再变更状态。</Typography.Text>}
        {actions.map((a) =>
          a.viaCertificate ? (
            <Typography.Text key={a.to} type="secondary">
              填写聘期后，在下方“聘书”中颁发聘书，颁发后自动变为“已聘任”。
            </Typography.Text>
          ) : (
            <Button key={a.to} type={a.tone === 'primary' ? 'primary' : 'default'} danger={a.tone === 'danger'} onClick={() => setAction(a)}>
              {a.label}
            </Button>
          ),
        )}
      </Space>
      <TransitionModal advisor={advisor} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
