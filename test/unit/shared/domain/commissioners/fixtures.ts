import type { CommissionerAssessment, CooperationAgreement, ServiceLog } from '../../../../../shared/domain/commissioners/schema';

export const ids = {
  commissioner: '3f1d2c4b-5a6e-4f70-8123-456789abcdef',
  commissioner2: '4a1d2c4b-5a6e-4f70-8123-456789abcdef',
  team: '5b1d2c4b-5a6e-4f70-8123-456789abcdef',
  enterprise: '6c1d2c4b-5a6e-4f70-8123-456789abcdef',
  agreement: '7d1d2c4b-5a6e-4f70-8123-456789abcdef',
  agreement2: '8e1d2c4b-5a6e-4f70-8123-456789abcdef',
};
export const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
/** Valid check characters (GB 11643 / GB 32100). */
export const validIdNumber = '450103198503120026';
export const validCreditCode = '91450100MA5K123456';

export function agreement(overrides: Partial<CooperationAgreement> = {}): CooperationAgreement {
  return {
    id: ids.agreement,
    ...stamp,
    commissionerId: ids.commissioner,
    enterpriseId: ids.enterprise,
    status: '生效',
    stageDates: {},
    startDate: '2026-03-01',
    endDate: '2028-02-29',
    ...overrides,
  };
}

let n = 0;
export function log(date: string, overrides: Partial<ServiceLog> = {}): ServiceLog {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    ...stamp,
    commissionerId: ids.commissioner,
    agreementId: ids.agreement,
    enterpriseId: ids.enterprise,
    date,
    days: 1,
    mode: '线下',
    kind: '参与技术攻关',
    content: '现场指导工艺优化',
    ...overrides,
  };
}

export function assessment(i: number, overrides: Partial<CommissionerAssessment> = {}): CommissionerAssessment {
  return {
    id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    ...stamp,
    commissionerId: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    year: 2026,
    tookPart: true,
    grade: '合格',
    ...overrides,
  };
}
