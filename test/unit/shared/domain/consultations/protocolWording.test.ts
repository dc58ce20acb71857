import { describe, expect, it } from 'vitest';
import { consultationSettingsSchema, defaultConsultationSettings, defaultProtocolWording, fillProtocolText, protocolWordingSchema, unknownPlaceholders } from '../../../../../shared/domain/consultations/protocolWording';
import { settingsRecordSchema } from '../../../../../shared/domain/settings/schema';

describe('议定书 wording in 设置', () => {
  it('the defaults are valid and use only known placeholders', () => {
    expect(protocolWordingSchema.safeParse(defaultProtocolWording).success).toBe(true);
    expect(consultationSettingsSchema.safeParse(defaultConsultationSettings).success).toBe(true);
    for (const section of Object.values(defaultProtocolWording)) expect(unknownPlaceholders(section.text)).toEqual([]);
  });

  it('refuses an unknown placeholder at its field, naming it', () => {
    const wording = { ...defaultProtocolWording, closing: { heading: '附则', text: '有效期{有效期限}年，{份数}份。' } };
    const issues = protocolWordingSchema.safeParse(wording).error?.issues ?? [];
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['closing.text: 含有未知占位符：{有效期限}、{份数}']);
  });

  it('refuses an empty heading except for the preamble', () => {
    const issues = protocolWordingSchema.safeParse({ ...defaultProtocolWording, goals: { heading: ' ', text: '' } }).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(['请填写会商目标的标题']);
  });

  it('fills placeholders and throws on an unknown one', () => {
    const values = Object.fromEntries(['厅', '市', '市政府', '年度', '会商类别', '会商目标', '议题数', '资金金额', '资金大写', '经费上限', '经费上限大写', '年报截止日', '有效年限'].map((k) => [k, `<${k}>`])) as Parameters<typeof fillProtocolText>[1];
    expect(fillProtocolText('{市}与{厅}', values)).toBe('<市>与<厅>');
    expect(() => fillProtocolText('{乙方}', values)).toThrow('议定书文字含有未知占位符“{乙方}”');
  });

  it('is stored as the synced settings record `consultations`', () => {
    const now = '2026-11-24T08:00:00.000Z';
    expect(settingsRecordSchema.safeParse({ id: 'consultations', value: defaultConsultationSettings, createdAt: now, updatedAt: now }).success).toBe(true);
  });
});
