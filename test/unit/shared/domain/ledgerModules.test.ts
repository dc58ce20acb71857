import { describe, expect, it } from 'vitest';
import { describeRecordCounts, tablesOfModules } from '../../../../shared/domain/ledgerModules';

describe('ledgers by module (issue 8 item 15)', () => {
  it('lists the tables of the modules that exist', () => {
    expect(tablesOfModules(['advisors'])).toEqual(['advisors', 'advisorActivities', 'advisorSuggestions', 'advisorStipends', 'advisorPlans', 'advisorEvaluations', 'appointmentCertificates']);
    expect(tablesOfModules(['advisors', 'settings'])).toContain('settings');
    expect(tablesOfModules(['advisors'])).not.toContain('commissioners');
  });

  it('says what a bundle holds, ledger by ledger', () => {
    const shown = tablesOfModules(['advisors', 'settings']);
    expect(describeRecordCounts({ advisors: 3, advisorSuggestions: 5, settings: 1, commissioners: 2 }, shown)).toBe('设置 1 条、科技顾问 3 条、咨询建议 5 条、其他 2 条');
    expect(describeRecordCounts({}, shown)).toBe('没有记录');
  });
});
