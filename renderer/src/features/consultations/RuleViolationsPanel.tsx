import { Alert, Space } from 'antd';
import type { RuleViolation } from '../../../../shared/domain/consultations/rules';

const RULE_TITLE: Record<RuleViolation['rule'], string> = {
  yearQuota: '年度会商数量',
  interval: '会商间隔',
  fundingCap: '项目资金上限',
  domainBlock: '领域未完成议题',
};

/**
 * The rules a round breaks, each with its reason (seed clause). Blocking ones are red; one let
 * through by a 重大/特殊/紧急 exception is amber and says so, so the override stays visible.
 */
export function RuleViolationsPanel({ violations, hint }: { violations: readonly RuleViolation[]; hint?: string }) {
  if (violations.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} aria-label="规则检查">
      {violations.map((v) => (
        <Alert
          key={`${v.rule}:${v.reason}`}
          type={v.overridden ? 'warning' : 'error'}
          showIcon
          title={`${RULE_TITLE[v.rule]}：${v.overridden ? '已按例外情况放行' : '不符合规定'}`}
          description={
            <>
              {v.reason}
              {!v.overridden && v.overridable && hint ? <div>{hint}</div> : null}
            </>
          }
        />
      ))}
    </Space>
  );
}
