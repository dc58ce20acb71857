import { describe, expect, it } from 'vitest';
import { progressStepSchema } from '../../../../../shared/domain/rectification/progress';

describe('登记进展 step', () => {
  it('needs a note, and a completion date when the item is completed (message under the date)', () => {
    const started = progressStepSchema.safeParse({ date: '2021-05-06', status: '推进中', note: '已起草通知' });
    expect(started.success).toBe(true);
    const done = progressStepSchema.safeParse({ date: '2021-08-20', status: '已完成', note: '已举办培训班' });
    expect(done.success).toBe(false);
    expect(done.error?.issues).toEqual([expect.objectContaining({ path: ['completedDate'], message: '状态为已完成时须填写完成日期' })]);
    const empty = progressStepSchema.safeParse({ date: '2021-08-20', status: '推进中', note: '  ' });
    expect(empty.error?.issues[0].message).toBe('请填写推进情况');
  });
});
