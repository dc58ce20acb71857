import { describe, expect, it } from 'vitest';
import { printButtonLabel } from '../../../../../renderer/src/components/LedgerPrint';

describe('the print button of a ledger says what it prints', () => {
  it('reads 打印名册 on a roster and 打印列表 on other lists (整改事项, 考核情况, 工作记录一览)', () => {
    expect(printButtonLabel('科技顾问名册')).toBe('打印名册');
    expect(printButtonLabel('科技特派员名册')).toBe('打印名册');
    expect(printButtonLabel('2020年度整改方案——全部事项')).toBe('打印列表');
    expect(printButtonLabel('2026年度科技特派员考核情况')).toBe('打印列表');
    expect(printButtonLabel('工作记录一览')).toBe('打印列表');
  });
});
