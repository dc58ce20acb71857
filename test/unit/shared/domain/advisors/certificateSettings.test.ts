import { describe, expect, it } from 'vitest';
import {
  activeOffset,
  certificateSettingsSchema,
  checkWording,
  defaultCertificateSettings,
  fillCertificateWording,
  termYears,
} from '../../../../../shared/domain/advisors/certificateSettings';

describe('聘书 wording and settings', () => {
  it('fills the default wording with Chinese-numeral dates', () => {
    expect(
      fillCertificateWording(defaultCertificateSettings.wording, {
        name: '陈思远',
        honorific: '中国工程院院士',
        homeInstitution: '华南示范理工大学',
        termStart: '2025-01-01',
        termEnd: '2027-12-31',
      }),
    ).toBe('兹聘请陈思远院士为广西科技顾问，聘期自二〇二五年一月一日至二〇二七年十二月三十一日。');
  });

  it('knows every placeholder and the term in years', () => {
    const text = fillCertificateWording('{姓名}（{院士称号}，{所在单位}）服务{服务单位}，聘期{聘期年数}', {
      name: '林若溪',
      honorific: '中国科学院院士',
      homeInstitution: '东海示范科学研究所',
      serviceUnit: '北部湾示范海洋研究中心',
      termStart: '2026-07-01',
      termEnd: '2029-06-30',
    });
    expect(text).toBe('林若溪（中国科学院院士，东海示范科学研究所）服务北部湾示范海洋研究中心，聘期三年');
    expect(termYears('2025-01-01', '2027-12-31')).toBe(3);
    expect(termYears('2025-03-15', '2026-03-14')).toBe(1);
  });

  it('refuses unknown placeholders and wording without the name', () => {
    expect(checkWording('兹聘请{姓名}为{职务}')).toMatch('无法识别的占位符 {职务}');
    expect(checkWording('兹聘请为广西科技顾问')).toBe('聘书文字须包含 {姓名}');
    const parsed = certificateSettingsSchema.safeParse({ ...defaultCertificateSettings, wording: '{名字}' });
    expect(parsed.success).toBe(false);
  });

  it('validates printers (unique names, offsets within ±30 mm) and picks the active offset', () => {
    const settings = { ...defaultCertificateSettings, printerOffsets: [{ printer: '办公室 HP', dxMm: 1.5, dyMm: -2 }], activePrinter: '办公室 HP' };
    expect(certificateSettingsSchema.parse(settings)).toBeTruthy();
    expect(activeOffset(settings)).toEqual({ dxMm: 1.5, dyMm: -2 });
    expect(activeOffset({ ...settings, activePrinter: '' })).toEqual({ dxMm: 0, dyMm: 0 });
    const twice = { ...settings, printerOffsets: [settings.printerOffsets[0], settings.printerOffsets[0]] };
    expect(certificateSettingsSchema.safeParse(twice).error?.issues[0].message).toBe('打印机名称不能重复');
    const far = { ...settings, printerOffsets: [{ printer: 'A', dxMm: 31, dyMm: 0 }] };
    expect(certificateSettingsSchema.safeParse(far).error?.issues[0].message).toBe('偏移超出范围');
  });
});
