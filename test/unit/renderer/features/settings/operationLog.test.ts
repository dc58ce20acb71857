import { describe, expect, it } from 'vitest';
import { actionOf, recordNameOf, summariseFields, toOperationLogRows } from '../../../../../renderer/src/features/settings/operationLog';
import type { OplogEntry } from '../../../../../renderer/src/db/oplog';

const base: OplogEntry = { opId: 'x', nodeId: 'n', table: 'advisors', id: 'a1', fields: {}, deleted: false, operator: '甲', at: '2026-11-24T02:00:00.000Z' };

describe('操作记录 wording', () => {
  it('tells inserts, edits, tombstones, restores and hard deletes apart', () => {
    expect(actionOf({ ...base, fields: { name: '陈', createdAt: 't' } })).toBe('新增');
    expect(actionOf({ ...base, fields: { status: '已聘任' } })).toBe('修改');
    expect(actionOf({ ...base, fields: { deletedAt: '2026-11-24T00:00:00Z' } })).toBe('删除');
    expect(actionOf({ ...base, fields: { deletedAt: null } })).toBe('修改');
    expect(actionOf({ ...base, deleted: true })).toBe('删除');
  });

  it('summarises changed fields in Chinese, hides bookkeeping fields, marks restores and cleared fields', () => {
    expect(summariseFields({ ...base, fields: { status: '已聘任', updatedAt: 't', duties: ['规划政策咨询', '其他交办任务'] } })).toBe(
      '状态：已聘任；工作职责：规划政策咨询、其他交办任务',
    );
    expect(summariseFields({ ...base, fields: { deletedAt: null, updatedAt: 't' } })).toBe('恢复记录');
    expect(summariseFields({ ...base, fields: { notes: 'x' }, unset: ['termEnd'] })).toBe('备注：x；聘期结束：（清除）');
    expect(summariseFields({ ...base, deleted: true })).toBe('记录被删除');
    expect(summariseFields({ ...base, fields: { isPriority: true, amount: '' } })).toBe('优先支持：是；金额：（空）');
  });

  it('shows the referenced record name instead of its UUID', () => {
    const rows = toOperationLogRows(
      [{ ...base, table: 'advisorActivities', id: 'act1', fields: { advisorId: 'a1', content: '座谈', createdAt: 't' } }],
      (table, id) => (table === 'advisors' && id === 'a1' ? { id: 'a1', name: '陈思远' } : undefined),
    );
    expect(rows[0]).toMatchObject({ tableLabel: '顾问工作记录', action: '新增', recordName: '座谈', fields: '科技顾问：陈思远；内容：座谈', date: '2026-11-24' });
  });

  it('names settings records and falls back to the short id', () => {
    expect(recordNameOf('settings', undefined, 'policyProfile')).toBe('政策配置');
    expect(recordNameOf('advisors', {}, '12345678-aaaa')).toBe('12345678');
  });
});
