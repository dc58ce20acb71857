import type { CommissionerRules } from './rules';
import type { CommissionerOutcome, CooperationAgreement, HostEnterprise } from './schema';

/** One programme target of seed 001 §一 with what has been reached so far. */
export interface TargetProgress {
  key: 'enterprises' | 'projects' | 'transfers' | 'rdAccounting' | 'rdActivity';
  label: string;
  reached: number;
  target: number;
  unit: string;
  /** 0–100, capped. */
  percent: number;
}

const alive = <T extends { deletedAt?: string | null }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);
const pct = (reached: number, target: number) => (target <= 0 ? 100 : Math.min(100, Math.floor((reached / target) * 1000) / 10));

/**
 * seed 001 §一 工作目标 (numbers from the profile): 累计服务企业 (distinct enterprises with a signed
 * dispatch), 参与企业科技攻关项目 and 转化应用科技成果 (outcomes recorded), and the share of
 * enterprises served with a 研发投入核算制度 / R&D activity. Counted up to the target year's end.
 */
export function programmeProgress(agreements: readonly CooperationAgreement[], outcomes: readonly CommissionerOutcome[], enterprises: ReadonlyMap<string, Pick<HostEnterprise, 'hasRdAccounting' | 'hasRdActivity' | 'deletedAt'>>, rules: CommissionerRules): TargetProgress[] {
  const end = `${rules.targetYear}-12-31`;
  const served = new Set(alive(agreements).filter((a) => a.status !== '草拟' && a.startDate && a.startDate <= end).map((a) => a.enterpriseId));
  const hosts = [...served].map((id) => enterprises.get(id)).filter((e): e is NonNullable<typeof e> => !!e && !e.deletedAt);
  const counted = alive(outcomes).filter((o) => o.date <= end);
  const projects = counted.filter((o) => o.kind === '参与科技攻关项目').length;
  const transfers = counted.filter((o) => o.kind === '成果转化应用').length;
  const share = (n: number) => (hosts.length ? Math.floor((n / hosts.length) * 1000) / 10 : 0);
  const rdAccounting = share(hosts.filter((e) => e.hasRdAccounting).length);
  const rdActivity = share(hosts.filter((e) => e.hasRdActivity).length);
  const percentTarget = rules.targetRdAccountingPercent;
  return [
    { key: 'enterprises', label: '累计服务企业', reached: served.size, target: rules.targetEnterprises, unit: '家', percent: pct(served.size, rules.targetEnterprises) },
    { key: 'projects', label: '参与企业科技攻关项目', reached: projects, target: rules.targetProjects, unit: '项', percent: pct(projects, rules.targetProjects) },
    { key: 'transfers', label: '转化应用科技成果', reached: transfers, target: rules.targetTransfers, unit: '项', percent: pct(transfers, rules.targetTransfers) },
    { key: 'rdAccounting', label: '派驻企业建立研发投入核算制度', reached: rdAccounting, target: percentTarget, unit: '%', percent: pct(rdAccounting, percentTarget) },
    { key: 'rdActivity', label: '派驻企业研发活动覆盖率', reached: rdActivity, target: percentTarget, unit: '%', percent: pct(rdActivity, percentTarget) },
  ];
}
