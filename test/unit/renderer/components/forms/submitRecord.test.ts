import { describe, expect, it, vi } from 'vitest';
import type { FormInstance } from 'antd';
import { advisorActivitySchema, advisorSchema, advisorStipendSchema } from '../../../../../shared/domain/advisors/schema';
import { describeError, submitRecord, withChineseErrors } from '../../../../../renderer/src/components/forms/submitRecord';

const advisorId = '5809077d-56d4-440b-ac89-65f9ec8e0d7b';

function fakeForm() {
  const setFields = vi.fn();
  return { form: { setFields } as unknown as FormInstance, setFields };
}

describe('submitRecord (form → shared schema → repository)', () => {
  it('saves only the record fields: no system fields, emptied texts and cleared pickers removed', async () => {
    const { form } = fakeForm();
    const save = vi.fn(async () => undefined);
    const problem = await submitRecord({
      form,
      schema: advisorActivitySchema,
      context: { advisorId },
      values: { date: '2026-04-16', form: '来桂座谈', duties: [], content: '座谈', location: '', notes: null },
      save,
    });
    expect(problem).toEqual({ saved: true });
    expect(save).toHaveBeenCalledWith({ advisorId, date: '2026-04-16', form: '来桂座谈', duties: [], content: '座谈', location: undefined, notes: undefined });
  });

  it('puts Chinese messages under the fields and writes nothing when the record is invalid', async () => {
    const { form, setFields } = fakeForm();
    const save = vi.fn();
    const problem = await submitRecord({ form, schema: advisorActivitySchema, context: { advisorId }, values: { date: '2026-02-30', content: '' }, save });
    expect(problem).toEqual({ saved: false, error: '请按提示修改后再保存' });
    expect(save).not.toHaveBeenCalled();
    const errors = Object.fromEntries(setFields.mock.calls[0][0].map((f: { name: string[]; errors: string[] }) => [f.name.join('.'), f.errors[0]]));
    expect(errors).toMatchObject({ date: '日期不存在', form: '此项为必填项', content: '请填写工作内容' });
  });

  it('reports a repository failure in Chinese', async () => {
    const { form } = fakeForm();
    const problem = await submitRecord({
      form,
      schema: advisorActivitySchema,
      context: { advisorId },
      values: { date: '2026-04-16', form: '拜访', duties: [], content: '拜访' },
      save: async () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(problem).toEqual({ saved: false, error: '保存失败：QuotaExceededError' });
    expect(describeError(new Error('请先填写推荐单位'))).toBe('请先填写推荐单位');
  });

  it('refuses a past-only date after today under its field (issue 8 item 5)', async () => {
    const { form, setFields } = fakeForm();
    const save = vi.fn();
    const outcome = await submitRecord({
      form,
      schema: advisorStipendSchema,
      context: { advisorId },
      values: { year: 2026, amount: 300000, paidDate: '2026-12-01' },
      save,
      today: '2026-11-30',
    });
    expect(outcome.saved).toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(setFields.mock.calls[0][0]).toEqual([{ name: ['paidDate'], errors: ['拨付日期不能晚于今天（2026-11-30）'] }]);
  });

  it('asks about warnings and saves only if the clerk keeps the values (issue 8 items 6, 7)', async () => {
    const values = { name: '王', honorific: '中国工程院院士', homeInstitution: '某大学', status: '推荐', phone: '1381234567X', email: 'wang@@bad' };
    for (const keep of [false, true]) {
      const { form, setFields } = fakeForm();
      const save = vi.fn(async () => undefined);
      const asked = vi.fn(async (_warnings: { field: string }[]) => keep);
      const outcome = await submitRecord({ form, schema: advisorSchema, values, save, confirmWarnings: asked });
      expect(asked.mock.calls[0]![0].map((w) => w.field)).toEqual(['phone', 'email']);
      expect(setFields.mock.calls[0][0]).toContainEqual({ name: 'email', warnings: ['电子邮箱：电子邮箱只能有一个 @'] });
      expect(outcome).toEqual({ saved: keep });
      expect(save).toHaveBeenCalledTimes(keep ? 1 : 0);
    }
  });

  it('does not ask about a stored contact field the form does not show', async () => {
    const { form } = fakeForm();
    const asked = vi.fn(async () => false);
    const save = vi.fn(async () => undefined);
    const record = { id: advisorId, name: '王', honorific: '中国工程院院士', homeInstitution: '某大学', status: '推荐', email: 'wang@@bad' };
    const outcome = await submitRecord({ form, schema: advisorSchema, record, values: { recommendingUnit: '自治区测试厅' }, save, confirmWarnings: asked });
    expect(outcome).toEqual({ saved: true });
    expect(asked).not.toHaveBeenCalled();
  });

  it('withChineseErrors keeps the schema’s own messages and translates zod’s', () => {
    const schema = withChineseErrors(advisorActivitySchema);
    const result = schema.safeParse({ id: 'x' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain('此项为必填项');
    expect(messages.some((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
  });
});
