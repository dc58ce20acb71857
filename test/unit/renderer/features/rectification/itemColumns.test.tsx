import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import type { RectificationItem } from '../../../../../shared/domain/rectification/schema';
import { itemColumns } from '../../../../../renderer/src/features/rectification/items/itemColumns';

/** 佐证材料 on the items ledger (issue 11): whether the evidence 整改检验形式 expects has been uploaded. */
const stamp = { createdAt: '2021-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z', deletedAt: null };
const item = (id: string, extra: Partial<RectificationItem> = {}): RectificationItem => ({
  ...stamp,
  id,
  planId: 'p',
  seq: 1,
  theme: '反馈问题整改',
  content: '建议加强培训',
  measures: ['举办1期培训班'],
  verificationForm: '培训通知、培训签到表、培训图片',
  plannedDate: '2021-08-31',
  responsibleDivisions: ['农村处'],
  responsiblePersons: [{ leader: '唐咸来', officer: '潘红雄' }],
  status: '推进中',
  ...extra,
});
const files = new Map([['with', 3]]);
const columns = itemColumns('2021-06-01', () => null, 200, (r) => files.get(r.id) ?? 0);
const evidence = columns.find((c) => c.id === 'evidence')!;

describe('items ledger 佐证材料', () => {
  it('sits beside the 整改检验形式 it answers, in view left of the pinned 操作 at 1366 px', () => {
    const ids = columns.map((c) => c.id);
    expect(ids.indexOf('evidence')).toBe(ids.indexOf('verificationForm') - 1);
    // The grid at 1366 px is about 1,100 px wide, 250 of them the pinned 操作.
    const left = columns.slice(0, ids.indexOf('evidence') + 1).reduce((sum, c) => sum + (c.width ?? 140), 0);
    expect(left).toBeLessThanOrEqual(1100 - 250);
  });

  it('says 已上传 n 份 or 缺佐证材料 (the text printed, exported and searched), red once the item is 已完成', () => {
    expect(evidence.accessor(item('with'))).toBe('已上传 3 份');
    expect(evidence.accessor(item('none'))).toBe('缺佐证材料');
    const { container, rerender } = render(<>{evidence.cell!(item('none', { evidenceNotes: '培训通知（纸质）' }))}</>);
    const tag = container.querySelector('.ledger-tag')!;
    expect(tag.className).toContain('ledger-tag--orange');
    expect(tag.getAttribute('title')).toBe('整改检验形式：培训通知、培训签到表、培训图片\n已登记：培训通知（纸质）');
    rerender(<>{evidence.cell!(item('none', { status: '已完成', startedDate: '2021-05-01', completedDate: '2021-05-30' }))}</>);
    expect(container.querySelector('.ledger-tag')!.className).toContain('ledger-tag--red');
    rerender(<>{evidence.cell!(item('with'))}</>);
    expect(container.querySelector('.ledger-tag')!.className).toContain('ledger-tag--green');
  });
});
