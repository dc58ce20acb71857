import { describe, expect, it } from 'vitest';
import { addImport, addPerTable, describeDeleteShares, emptySummary, headline, perTableRows, totalChanges } from '../../../../../renderer/src/features/exchange/syncSummary';

const HOUR = 3_600_000;
const outcome = (over: Partial<Parameters<typeof addImport>[1]> = {}) => ({
  bundleId: 'b1',
  nodeName: '甲',
  applied: 3,
  skipped: 0,
  perTable: { advisors: { added: 1, changed: 2, deleted: 0 } },
  conflicts: 0,
  ...over,
});

describe('同步 summary', () => {
  it('adds per-ledger counts across imports', () => {
    const sum = addPerTable({ advisors: { added: 1, changed: 0, deleted: 0 } }, { advisors: { added: 1, changed: 1, deleted: 1 }, advisorStipends: { added: 2, changed: 0, deleted: 0 } });
    expect(sum).toEqual({ advisors: { added: 2, changed: 1, deleted: 1 }, advisorStipends: { added: 2, changed: 0, deleted: 0 } });
    expect(totalChanges(sum)).toBe(6);
  });

  it('lists changed ledgers in schema order with Chinese labels, leaving out unchanged ones', () => {
    const rows = perTableRows({ advisorStipends: { added: 2, changed: 0, deleted: 0 }, advisors: { added: 1, changed: 0, deleted: 0 }, settings: { added: 0, changed: 0, deleted: 0 } });
    expect(rows.map((r) => r.label)).toEqual(['科技顾问', '聘金发放']);
  });

  it('names only ledgers this build can open; the rest are summed as 其他 (issue 8 item 15)', () => {
    const rows = perTableRows({ advisors: { added: 1, changed: 0, deleted: 0 }, commissioners: { added: 3, changed: 1, deleted: 0 }, rectificationItems: { added: 2, changed: 0, deleted: 1 } });
    expect(rows.map((r) => [r.label, r.added, r.changed, r.deleted])).toEqual([
      ['科技顾问', 1, 0, 0],
      ['科技特派员', 3, 1, 0],
      ['整改事项', 2, 0, 1],
    ]);
  });

  it('counts conflicts, tells each machine’s skew once, and treats an empty import as already applied', () => {
    let s = addImport(emptySummary(), outcome({ conflicts: 1, skewWarning: { nodeName: '甲', skewMs: 2 * HOUR } }));
    s = addImport(s, outcome({ bundleId: 'b2', conflicts: 2, skewWarning: { nodeName: '甲', skewMs: 3 * HOUR } }));
    s = addImport(s, outcome({ bundleId: 'b3', nodeName: '乙' }));
    s = addImport(s, outcome({ bundleId: 'b4', applied: 0, perTable: {} }));
    expect(s.conflicts).toBe(3);
    expect(s.skewWarnings).toEqual(['电脑“甲”的时钟比本机快 3 小时，请核对该电脑的日期和时间']);
    expect(s.imported.map((b) => b.bundleId)).toEqual(['b1', 'b2', 'b3']);
    expect(s.alreadyApplied).toBe(1);
    expect(headline({ ...s, written: { fileName: 'x.sclb', opCount: 4 } })).toBe('导入了 3 个数据包（来自 甲、乙），共 9 条记录有变化；写入了本机的更新包（4 项改动）。');
  });

  it('says so when there was nothing to do', () => {
    expect(headline(emptySummary())).toBe('没有需要导入的新数据包；同步文件夹已有本机的全部数据，无需写入。');
  });

  it('names the ledgers whose delete share is above the limit', () => {
    expect(describeDeleteShares({ advisors: 0.5, advisorStipends: 0.1 }, 0.2)).toEqual(['科技顾问 的 50%']);
  });
});
