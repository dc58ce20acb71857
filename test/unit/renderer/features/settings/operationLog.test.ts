import { describe, expect, it } from 'vitest';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { actionOf, recordNameOf, summariseFields, toOperationLogRows } from '../../../../../renderer/src/features/settings/operationLog';
import type { OplogEntry } from '../../../../../renderer/src/db/oplog';

const base: OplogEntry = { opId: 'x', nodeId: 'n', table: 'advisors', id: 'a1', fields: {}, deleted: false, operator: '甲', at: '2026-11-24T02:00:00.000Z' };
const noRecords = () => undefined;

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
    expect(summariseFields({ ...base, table: 'commissioners', fields: { isPriority: true, mobile: '' } })).toBe('优先支持：是；手机：（空）');
  });

  it('names the fields the issue found in English (issue 8 item 9)', () => {
    const text = summariseFields({
      ...base,
      fields: { reviewDate: '2026-05-01', reviewResult: '通过', recommendationDate: '2026-04-01', advisorConsent: true, researchDirections: '新材料' },
    });
    expect(text).toBe('评议日期：2026-05-01；评议结果：通过；推荐日期：2026-04-01；院士本人同意：是；主要研究方向：新材料');
    expect(summariseFields({ ...base, table: 'appointmentCertificates', fields: { number: 'G-1', isReprint: false } })).toBe('聘书编号：G-1；补打：否');
  });

  it('shows "字段：旧 → 新" from the entry the change overwrote', () => {
    const first: OplogEntry = { ...base, opId: '1', fields: { status: '评议', createdAt: 't', name: '陈思远' }, prev: {} };
    const second: OplogEntry = { ...base, opId: '2', fields: { status: '已审定', approvalDate: '2026-05-20', updatedAt: 't' }, prev: { status: '1', updatedAt: '1' } };
    const rows = toOperationLogRows([second, first], noRecords);
    expect(rows[0].fields).toBe('状态：评议 → 已审定；审定日期：（空） → 2026-05-20');
    expect(rows[0].recordName).toBe('陈思远');
  });

  it('shows a policy change parameter by parameter, not as a slash-joined blob', () => {
    const raised = { ...guangxiPreset, advisors: { ...guangxiPreset.advisors, stipendPerYear: 350_000, minVisitsPerYear: 2 } };
    const first: OplogEntry = { ...base, table: 'settings', id: 'policyProfile', opId: '1', fields: { value: guangxiPreset, createdAt: 't' }, prev: {} };
    const second: OplogEntry = { ...base, table: 'settings', id: 'policyProfile', opId: '2', fields: { value: raised, updatedAt: 't' }, prev: { value: '1', updatedAt: '1' } };
    const rows = toOperationLogRows([second, first], noRecords);
    expect(rows[0]).toMatchObject({ recordName: '政策配置', fields: '科技顾问·聘金（税后）：300,000 → 350,000；科技顾问·每年走访/座谈最少：1 → 2' });
    expect(rows[1].fields).toBe('建立设置（自治区级（广西））');
    expect(rows.map((r) => r.fields).join()).not.toContain('guangxi/');
  });

  it('writes no row for an entry that changes nothing a clerk can see', () => {
    expect(toOperationLogRows([{ ...base, fields: { updatedAt: 't' } }], noRecords)).toEqual([]);
  });

  it('names records, sub-records by their owner, never by a bare id', () => {
    const rows = toOperationLogRows(
      [
        { ...base, table: 'advisorActivities', id: 'act1', fields: { advisorId: 'a1', content: '座谈', createdAt: 't' } },
        { ...base, table: 'advisorStipends', id: 'st1', fields: { advisorId: 'a1', year: 2026, amount: 300000, createdAt: 't' } },
      ],
      (table, id) => (table === 'advisors' && id === 'a1' ? { id: 'a1', name: '陈思远' } : undefined),
    );
    expect(rows[0]).toMatchObject({ tableLabel: '顾问工作记录', action: '新增', recordName: '陈思远 · 座谈', fields: '科技顾问：陈思远；工作内容：座谈', date: '2026-11-24' });
    expect(rows[1]).toMatchObject({ recordName: '陈思远 · 2026年度聘金', fields: '科技顾问：陈思远；年度：2026；金额（税后）：300,000' });
    expect(recordNameOf('settings', undefined, 'policyProfile')).toBe('政策配置');
    expect(recordNameOf('advisors', {}, '12345678-aaaa')).toBe('科技顾问（名称未知）');
  });
});
