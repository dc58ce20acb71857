import { describe, expect, it } from 'vitest';
import { formatConflictValue, textToValue, toConflictRow, valueToText, type ConflictLike, type ConflictSideLike } from '../../../../../renderer/src/features/exchange/conflictRows';
import { hasDailyBackupFor } from '../../../../../renderer/src/features/exchange/dailyBackup';
import { knownMachines } from '../../../../../renderer/src/features/exchange/machines';

const ME = 'me-node';
const THEM = 'their-node';
const side = (nodeId: string, value: unknown, at: string): ConflictSideLike => ({ opId: `${at}-${nodeId}`, nodeId, operator: nodeId === ME ? '张三' : '李四', at, value, unset: false });
const conflict = (winner: ConflictSideLike, loser: ConflictSideLike, over: Partial<ConflictLike> = {}): ConflictLike => ({
  key: 'k1',
  table: 'advisors',
  id: 'a1',
  field: 'field',
  winner,
  loser,
  sameValue: false,
  ...over,
});
const lookup = (table: string, id: string) => (table === 'advisors' && id === 'a1' ? { id: 'a1', name: '陈思远' } : undefined);
const machines = (id: string) => (id === THEM ? '财务科' : undefined);

describe('冲突 rows', () => {
  it('puts this machine’s edit under 本机 even when the other one won, and marks the current value', () => {
    const row = toConflictRow(conflict(side(THEM, '新材料', '2026-11-24T02:00:00Z'), side(ME, '生物医药', '2026-11-24T01:00:00Z')), ME, lookup, machines);
    expect(row).toMatchObject({ tableLabel: '科技顾问', recordName: '陈思远', fieldLabel: '领域', resolved: false });
    expect(row.mine).toMatchObject({ role: 'loser', value: '生物医药', isCurrent: false });
    expect(row.mine.who).toBe('张三（本机）');
    expect(row.theirs).toMatchObject({ role: 'winner', value: '新材料', isCurrent: true, who: '李四（财务科）' });
  });

  it('uses isLocal from the data layer, and the current value as 本机 for a relayed conflict', () => {
    const relayed = toConflictRow(conflict({ ...side('x', 'A', '2026-01-02'), isLocal: false }, { ...side('y', 'B', '2026-01-01'), isLocal: false }), ME, lookup, machines);
    expect(relayed.mine.value).toBe('A');
    expect(relayed.theirs.who).toBe('李四（电脑 y）');
  });

  it('tells a resolved conflict’s outcome', () => {
    const row = toConflictRow(conflict(side(ME, 'a', '2026-01-02'), side(THEM, 'b', '2026-01-01'), { resolvedAt: '2026-01-03T00:00:00Z', resolution: 'theirs' }), ME, lookup, machines);
    expect(row).toMatchObject({ resolved: true, resolution: '采用了对方的值' });
  });

  it('formats values: empty, booleans, lists, references by name', () => {
    expect(formatConflictValue(undefined, 'x', lookup)).toBe('（空）');
    expect(formatConflictValue(true, 'x', lookup)).toBe('是');
    expect(formatConflictValue(['甲', '乙'], 'x', lookup)).toBe('甲、乙');
    expect(formatConflictValue('a1', 'advisorId', lookup)).toBe('陈思远');
    expect(formatConflictValue('x', 'x', lookup, true)).toBe('（空）');
  });

  it('edits text as text and other values as JSON', () => {
    expect(valueToText('新材料')).toBe('新材料');
    expect(textToValue('新材料', '旧')).toEqual({ ok: true, value: '新材料' });
    expect(textToValue('12', '旧')).toEqual({ ok: true, value: '12' });
    expect(textToValue('12', 3)).toEqual({ ok: true, value: 12 });
    expect(textToValue('["甲","乙"]', ['丙'])).toEqual({ ok: true, value: ['甲', '乙'] });
    expect(textToValue('[甲', ['丙'])).toMatchObject({ ok: false });
    expect(textToValue('备注', undefined)).toEqual({ ok: true, value: '备注' });
  });
});

describe('known machines and daily backup', () => {
  it('keeps each machine’s newest bundle and assumes it holds at least its own ops', () => {
    const list = knownMachines(
      [
        { bundleId: 'b1', nodeId: THEM, nodeName: '旧名', createdAt: '2026-01-01', appliedAt: '2026-01-02' },
        { bundleId: 'b2', nodeId: THEM, nodeName: '财务科', createdAt: '2026-02-01', appliedAt: '2026-02-02' },
        { bundleId: 'b3', nodeId: ME, nodeName: '本机', createdAt: '2026-02-01' },
      ],
      { [THEM]: 'op-them-9', [ME]: 'op-me-3' },
      ME,
    );
    expect(list).toEqual([{ nodeId: THEM, name: '财务科', lastSeen: '2026-02-02', receiverVector: { [THEM]: 'op-them-9' } }]);
  });

  it('finds today’s daily backup by local day, ignoring other reasons', () => {
    const today = new Date(2026, 10, 24, 9, 0);
    const at = (h: number) => new Date(2026, 10, 24, h, 0).toISOString();
    expect(hasDailyBackupFor([{ reason: 'daily', createdAt: at(1) }], today)).toBe(true);
    expect(hasDailyBackupFor([{ reason: 'manual', createdAt: at(1) }], today)).toBe(false);
    expect(hasDailyBackupFor([{ reason: 'daily', createdAt: new Date(2026, 10, 23, 23, 0).toISOString() }], today)).toBe(false);
  });
});
