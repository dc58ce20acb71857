import { describe, expect, it } from 'vitest';
import { checkEmail, checkLandline, checkPhone } from '../../../../shared/format';

describe('checkLandline', () => {
  it('accepts numbers with an area code as people write them', () => {
    for (const n of ['0771-5881234', '(0771)5881234', '（0771）58812345', '010-62345678', '020 8888 6666', '0771-5881234-801', '0771-5881234转801', '+86 771 5881234']) {
      expect(checkLandline(n), n).toEqual({ ok: true });
    }
  });
  it('names what is wrong', () => {
    expect(checkLandline('5881234').message).toBe('固定电话应带区号，如 0771-1234567');
    expect(checkLandline('0771-588').message).toBe('固定电话区号后应为 7–8 位号码，当前为 3 位');
    expect(checkLandline('0771-0881234').message).toBe('固定电话号码不应以 0 或 1 开头');
    expect(checkLandline('0771-58x1234').message).toMatch(/只能包含数字/);
  });
});

describe('checkPhone (mobile or landline, issue 8 item 7)', () => {
  it('accepts either', () => {
    expect(checkPhone('138 0013 8000').ok).toBe(true);
    expect(checkPhone('0771-5881234').ok).toBe(true);
  });
  it('refuses the numbers the issue found saved', () => {
    expect(checkPhone('1381234567X').message).toMatch(/手机号只能包含数字/);
    expect(checkPhone('138').message).toBe('手机号应为 11 位数字，当前为 3 位');
    expect(checkPhone('abc').message).toBe('应为 11 位手机号或带区号的固定电话（如 0771-1234567）');
  });
});

describe('checkEmail', () => {
  it('accepts ordinary addresses', () => {
    for (const e of ['wang@gxst.gov.cn', 'li.ming@example.com', 'a_b-c@mail.gxu.edu.cn']) expect(checkEmail(e), e).toEqual({ ok: true });
  });
  it('refuses what the issue found saved, saying why', () => {
    expect(checkEmail('wang@@bad').message).toBe('电子邮箱只能有一个 @');
    expect(checkEmail('wang.bad').message).toBe('电子邮箱缺少 @');
    expect(checkEmail('wang@bad').message).toBe('电子邮箱 @ 后应为域名，如 example.cn');
    expect(checkEmail('wa ng@x.cn').message).toBe('电子邮箱不能包含空格');
    expect(checkEmail('@x.cn').message).toBe('电子邮箱 @ 前缺少用户名');
  });
});

describe('contactWarnings', async () => {
  const { contactWarnings } = await import('../../../../shared/domain/contactWarnings');
  it('warns on each wrongly written contact field, by its Chinese name', () => {
    expect(contactWarnings({ phone: '1381234567X', email: 'wang@@bad', serviceUnitLiaisonPhone: '138', name: 'x' })).toEqual([
      { field: 'phone', message: '电话：手机号只能包含数字（可带空格、连字符或 +86 前缀）' },
      { field: 'serviceUnitLiaisonPhone', message: '联系人电话：手机号应为 11 位数字，当前为 3 位' },
      { field: 'email', message: '电子邮箱：电子邮箱只能有一个 @' },
    ]);
    expect(contactWarnings({ phone: '0771-5881234', email: '', mobile: undefined })).toEqual([]);
  });
});
