import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  checkOneDispatchPerEnterprise,
  checkRenewal,
  checkServicePeriod,
  checkTeamMembership,
  checkTeamSize,
  serviceEndDate,
} from '../../../../../shared/domain/commissioners/rules';
import { cityPreset, guangxiPreset } from '../../../../../shared/policy/profile';
import { agreement, ids, stamp } from './fixtures';

const gx = guangxiPreset.commissioners;
const city = cityPreset.commissioners;
const university = { kind: '高校' as const, inRegion: true };

describe('eligibility per profile (seed 001 §四(一)2 / seed 004 第十三条(二))', () => {
  it('provincial: 博士 or 副高级, either is enough', () => {
    expect(checkEligibility({ degree: '博士', academicTitle: '中级' }, university, gx).eligible).toBe(true);
    expect(checkEligibility({ degree: '硕士', academicTitle: '副高级' }, university, gx)).toEqual({ eligible: true, reasons: ['具有副高级职称（要求副高级及以上）', '派出单位类型“高校”符合选派范围'], overridden: false });
    const r = checkEligibility({ degree: '硕士', academicTitle: '中级' }, university, gx);
    expect(r).toEqual({ eligible: false, reasons: ['学位硕士、职称中级：须具有博士及以上学位或副高级及以上职称'], overridden: false });
  });
  it('city: 硕士 or 中级 suffices; enterprise staff and 区外 units allowed', () => {
    expect(checkEligibility({ degree: '硕士', academicTitle: '初级' }, { kind: '企业', inRegion: false }, city).eligible).toBe(true);
    expect(checkEligibility({ degree: '学士', academicTitle: '初级' }, university, city).eligible).toBe(false);
  });
  it('provincial refuses enterprise staff and 区外 units', () => {
    expect(checkEligibility({ degree: '博士' }, { kind: '企业', inRegion: true }, gx).reasons).toEqual(['派出单位类型“企业”不在选派范围（高校、科研院所）']);
    expect(checkEligibility({ degree: '博士' }, { kind: '高校', inRegion: false }, gx).reasons).toEqual(['派出单位须为区内单位']);
  });
  it('an override keeps the problem and shows the justification', () => {
    const r = checkEligibility({ degree: '硕士', academicTitle: '中级', eligibilityOverrideReason: '企业急需，自治区工作办同意' }, university, gx);
    expect(r.eligible).toBe(false);
    expect(r.overridden).toBe(true);
    expect(r.reasons.at(-1)).toBe('已破格选派：企业急需，自治区工作办同意');
  });
});

describe('team size (seed 001 §四(一)6: 3—5 人)', () => {
  const member = (i: number) => `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const team = (n: number) => ({ memberIds: Array.from({ length: n }, (_, i) => member(i)), leaderId: member(0) });
  it.each([[2, false], [3, true], [5, true], [6, false]])('%i members → ok %s', (n, expected) => {
    expect(checkTeamSize(team(n), gx).ok).toBe(expected);
  });
  it('names the rule', () => expect(checkTeamSize(team(6), gx)).toEqual({ ok: false, reason: '科技特派团应为 3—5 人，当前 6 人' }));
  it('a person belongs to one team', () => {
    const other = { id: ids.team, ...stamp, name: '糖业特派团', memberIds: [member(1)] };
    expect(checkTeamMembership({ id: ids.agreement, memberIds: [member(1)] }, [other])).toEqual({ ok: false, reason: '成员已属于特派团“糖业特派团”' });
  });
});

describe('service period', () => {
  it('2 years provincial, 1 year city; 29 Feb start', () => {
    expect(serviceEndDate('2026-03-01', gx)).toBe('2028-02-29');
    expect(serviceEndDate('2026-03-01', city)).toBe('2027-02-28');
    expect(serviceEndDate('2028-02-29', city)).toBe('2029-02-27');
  });
  it('refuses a period longer than the profile, warns on a shorter one', () => {
    expect(checkServicePeriod({ startDate: '2026-03-01', endDate: '2028-02-29' }, gx)).toEqual({ ok: true, warnings: [] });
    expect(checkServicePeriod({ startDate: '2026-03-01', endDate: '2028-03-01' }, gx)).toEqual({ ok: false, reason: '服务期为 2 年，结束日期不能晚于 2028-02-29' });
    expect(checkServicePeriod({ startDate: '2026-03-01', endDate: '2028-02-28' }, gx).ok).toBe(true);
  });
});

describe('one enterprise, one active dispatch (seed 001 §六)', () => {
  const existing = agreement({ agreementNumber: 'GX-2026-001' });
  it('refuses an overlapping second 生效 agreement', () => {
    const r = checkOneDispatchPerEnterprise(agreement({ id: ids.agreement2, commissionerId: ids.commissioner2, startDate: '2028-02-29', endDate: '2030-02-27' }), [existing]);
    expect(r).toEqual({ ok: false, reason: '该企业已有生效的派驻协议（GX-2026-001），服务期 2026-03-01 至 2028-02-29；一家企业只能派驻一位科技特派员或一个特派团' });
  });
  it('allows one starting the day after the other ends, a draft, or after termination', () => {
    expect(checkOneDispatchPerEnterprise(agreement({ id: ids.agreement2, startDate: '2028-03-01', endDate: '2030-02-28' }), [existing]).ok).toBe(true);
    expect(checkOneDispatchPerEnterprise(agreement({ id: ids.agreement2, status: '草拟' }), [existing]).ok).toBe(true);
    const ended = agreement({ terminatedDate: '2026-09-01', terminationReason: '企业停产' });
    expect(checkOneDispatchPerEnterprise(agreement({ id: ids.agreement2, startDate: '2026-09-01', endDate: '2028-08-31' }), [ended]).ok).toBe(true);
    expect(checkOneDispatchPerEnterprise(agreement({ id: ids.agreement2, startDate: '2026-08-31', endDate: '2028-08-30' }), [ended]).ok).toBe(false);
  });
  it('ignores deleted agreements and other enterprises', () => {
    expect(checkOneDispatchPerEnterprise(agreement({ id: ids.agreement2 }), [{ ...existing, deletedAt: '2026-02-01T00:00:00.000Z' }]).ok).toBe(true);
    expect(checkOneDispatchPerEnterprise(agreement({ id: ids.agreement2, enterpriseId: ids.team }), [existing]).ok).toBe(true);
  });
});

describe('renewal (seed 004 第十四条(五))', () => {
  const cityAgreement = agreement({ startDate: '2026-03-01', endDate: '2027-02-28' });
  it('city renews from the day after the end', () => {
    expect(checkRenewal(cityAgreement, '2027-02-01', city)).toEqual({ ok: true, warnings: [], startDate: '2027-03-01', endDate: '2028-02-29' });
    expect(checkRenewal(cityAgreement, '2027-03-01', city).ok).toBe(true);
    expect(checkRenewal(cityAgreement, '2027-03-02', city)).toMatchObject({ ok: true, warnings: ['原协议已于 2027-02-28 期满，续签将从 2027-03-01 起算'] });
  });
  it('provincial re-dispatches instead; terminated agreements do not renew', () => {
    expect(checkRenewal(cityAgreement, '2027-02-01', gx)).toEqual({ ok: false, reason: '当前政策配置不设续签：服务期满后须重新选派（服务周期 2 年）' });
    expect(checkRenewal({ ...cityAgreement, status: '终止' }, '2027-02-01', city).ok).toBe(false);
  });
});
