import { describe, expect, it } from 'vitest';
import {
  changeRequestSchema,
  commissionerAssessmentSchema,
  commissionerSchema,
  commissionerTeamSchema,
  cooperationAgreementSchema,
  hostEnterpriseSchema,
  serviceLogSchema,
} from '../../../../../shared/domain/commissioners/schema';
import { agreement, ids, log, stamp, validCreditCode, validIdNumber } from './fixtures';

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

const person = { id: ids.commissioner, ...stamp, name: '李明', dispatchUnit: '广西大学', status: '服务中' as const };

describe('commissioner schema', () => {
  it('accepts a valid 身份证号 and mobile, and reports a wrong check digit in Chinese', () => {
    expect(commissionerSchema.safeParse({ ...person, idNumber: validIdNumber, mobile: '138 0013 8000' }).success).toBe(true);
    const bad = commissionerSchema.safeParse({ ...person, idNumber: validIdNumber.slice(0, 17) + '1', mobile: '1380013800' });
    expect(messages(bad)).toEqual(['idNumber: 校验码应为 6', 'mobile: 手机号应为 11 位数字，当前为 10 位']);
  });
  it('requires a dated reason list for 取消资格 and a reason for an override', () => {
    const r = commissionerSchema.safeParse({ ...person, status: '取消资格', eligibilityOverrideDate: '2026-02-01' });
    expect(messages(r)).toEqual(['eligibilityOverrideReason: 破格选派须填写理由', 'disqualifiedDate: 取消资格须填写日期', 'disqualificationReasons: 取消资格须选择原因（第十六条）']);
  });
});

describe('host enterprise schema', () => {
  it('checks the 统一社会信用代码', () => {
    expect(hostEnterpriseSchema.safeParse({ id: ids.enterprise, ...stamp, name: '示范机械有限公司', creditCode: validCreditCode }).success).toBe(true);
    const r = hostEnterpriseSchema.safeParse({ id: ids.enterprise, ...stamp, name: '示范机械有限公司', creditCode: validCreditCode.slice(0, 17) + '7' });
    expect(messages(r)).toEqual(['creditCode: 校验码应为 6']);
  });
});

describe('team schema', () => {
  it('refuses a leader who is not a member and duplicate members', () => {
    const r = commissionerTeamSchema.safeParse({ id: ids.team, ...stamp, name: '糖业特派团', leaderId: ids.commissioner2, memberIds: [ids.commissioner, ids.commissioner] });
    expect(messages(r)).toEqual(['memberIds: 成员重复', 'leaderId: 团长须为特派团成员']);
  });
});

describe('agreement schema', () => {
  it('wants exactly one of commissioner / team', () => {
    expect(messages(cooperationAgreementSchema.safeParse(agreement({ teamId: ids.team })))).toEqual(['commissionerId: 乙方应为一名科技特派员或一个科技特派团（二选一）']);
    expect(messages(cooperationAgreementSchema.safeParse(agreement({ commissionerId: null })))).toHaveLength(1);
  });
  it('orders the dates: end after start (same day refused), stages in procedure order, 补录 unordered', () => {
    expect(messages(cooperationAgreementSchema.safeParse(agreement({ endDate: '2026-03-01' })))).toEqual(['endDate: 服务期结束日期应晚于开始日期']);
    expect(cooperationAgreementSchema.safeParse(agreement({ endDate: '2026-03-02' })).success).toBe(true);
    const stages = { 双向选择: '2026-01-10', 核查确认: '2026-01-09', 补录: '2025-12-01' };
    expect(messages(cooperationAgreementSchema.safeParse(agreement({ stageDates: stages })))).toEqual(['stageDates.核查确认: “核查确认”日期不能早于“双向选择”日期']);
    expect(cooperationAgreementSchema.safeParse(agreement({ stageDates: { ...stages, 核查确认: '2026-01-10' } })).success).toBe(true);
  });
  it('needs a reason to terminate', () => {
    expect(messages(cooperationAgreementSchema.safeParse(agreement({ status: '终止', terminatedDate: '2026-06-01' })))).toEqual(['terminationReason: 终止协议须填写原因']);
  });
});

describe('service log schema', () => {
  it('takes half days, refuses 0, negative, > 1 and non-half days', () => {
    expect(serviceLogSchema.safeParse(log('2026-03-02', { days: 0.5 })).success).toBe(true);
    expect(serviceLogSchema.safeParse(log('2026-03-02', { days: 1 })).success).toBe(true);
    expect(messages(serviceLogSchema.safeParse(log('2026-03-02', { days: -1 })))).toEqual(['days: 服务天数应大于 0']);
    expect(messages(serviceLogSchema.safeParse(log('2026-03-02', { days: 0 })))).toEqual(['days: 服务天数应大于 0']);
    expect(messages(serviceLogSchema.safeParse(log('2026-03-02', { days: 1.5 })))).toEqual(['days: 每个日期最多记 1 天（多日服务请按日期分别登记）']);
    expect(messages(serviceLogSchema.safeParse(log('2026-03-02', { days: 0.3 })))).toEqual(['days: 服务天数以半天为单位（0.5 或 1）']);
  });
});

describe('assessment and change request schemas', () => {
  const base = { id: ids.agreement, ...stamp, commissionerId: ids.commissioner, year: 2026 };
  it('grades those who took part, and only them', () => {
    expect(messages(commissionerAssessmentSchema.safeParse({ ...base, tookPart: true }))).toEqual(['grade: 请选择考核等次']);
    expect(messages(commissionerAssessmentSchema.safeParse({ ...base, tookPart: false, grade: '合格' }))).toEqual(['grade: 未参加考核不能评定等次']);
    expect(commissionerAssessmentSchema.safeParse({ ...base, tookPart: false }).success).toBe(true);
  });
  it('approval on or after the request', () => {
    const req = { id: ids.agreement, ...stamp, agreementId: ids.agreement, kind: '变更派驻单位', requestedBy: '派驻单位', requestDate: '2026-05-10', content: '企业搬迁', decision: '同意' };
    expect(messages(changeRequestSchema.safeParse({ ...req, approvalDate: '2026-05-09' }))).toEqual(['approvalDate: 审批日期不能早于申请日期']);
    expect(changeRequestSchema.safeParse({ ...req, approvalDate: '2026-05-10' }).success).toBe(true);
    expect(messages(changeRequestSchema.safeParse(req))).toEqual(['approvalDate: 请填写审批日期']);
  });
});
