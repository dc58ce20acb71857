import { describe, expect, it } from 'vitest';
import { appModules } from '../../../../renderer/src/app/modules';
import { availableModuleIds, shownLedgerTables } from '../../../../renderer/src/navigation/moduleIds';

describe('modules of this build', () => {
  it('are the navigation’s modules, so counts show only ledgers a screen can open', () => {
    expect(appModules.map((m) => m.id)).toEqual([...availableModuleIds]);
    expect(shownLedgerTables).toContain('advisorStipends');
    expect(shownLedgerTables).toContain('rectificationItems');
    expect(shownLedgerTables).toContain('serviceLogs');
  });
});
