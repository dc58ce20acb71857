import { describe, expect, it } from 'vitest';
import { ledgerQuarters } from '../../../../../renderer/src/features/consultations/detail/ImplementationTab';

describe('ledger quarters offered on screen', () => {
  it('from the implementation quarter to the one running today, across a year end', () => {
    expect(ledgerQuarters('2026-10-20', '2027-02-01')).toEqual([{ year: 2026, quarter: 4 }, { year: 2027, quarter: 1 }]);
    expect(ledgerQuarters('2026-10-20', '2026-10-21')).toEqual([{ year: 2026, quarter: 4 }]);
  });

  it('offers nothing before the implementation quarter begins', () => {
    expect(ledgerQuarters('2027-01-05', '2026-12-20')).toEqual([]);
  });
});
