import { Card, Progress, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { programmeProgress } from '../../../../../shared/domain/commissioners/targets';
import { useDb } from '../../../db/DbContext';
import { useCommissionerRules } from '../useCommissioners';

/** 工作目标 (seed 001 §一): live progress towards the profile's targets. */
export function TargetsSection() {
  const db = useDb();
  const rules = useCommissionerRules();
  const progress = useLiveQuery(async () => {
    const [agreements, outcomes, enterprises] = await Promise.all([
      db.cooperationAgreements.where('status').anyOf('生效', '期满', '终止').toArray(),
      db.commissionerOutcomes.where('kind').anyOf('参与科技攻关项目', '成果转化应用').toArray(),
      db.hostEnterprises.toArray(),
    ]);
    return programmeProgress(agreements, outcomes, new Map(enterprises.map((e) => [e.id, e])), rules);
  }, [db, rules]);
  return (
    <>
      <Typography.Paragraph>
        到 {rules.targetYear} 年底的工作目标（设置 → 政策配置 可修改）；项目与成果按各科技特派员“工作成效”中登记的条目计。
      </Typography.Paragraph>
      <div className="programme-targets" aria-label="工作目标进度">
        {progress?.map((t) => (
          <Card key={t.key} size="small" title={t.label}>
            <Progress type="dashboard" percent={t.percent} size={96} status={t.percent >= 100 ? 'success' : 'normal'} />
            <div aria-label={`${t.label}进度`}>
              {t.reached} / {t.target} {t.unit}
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
