import type { Advisor } from '../../../../../shared/domain/advisors/schema';

export function advisor(overrides: Partial<Advisor> = {}): Advisor {
  return {
    id: '5809077d-56d4-440b-ac89-65f9ec8e0d7b',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    name: '陈思远',
    honorific: '中国工程院院士',
    homeInstitution: '华南示范理工大学',
    status: '推荐',
    ...overrides,
  };
}
