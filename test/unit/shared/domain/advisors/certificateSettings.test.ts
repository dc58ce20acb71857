import { describe, expect, it } from 'vitest';
import {
  activeOffset,
  certificateSettingsFormSchema,
  certificateSettingsSchema,
  checkWording,
  defaultCertificateSettings,
  defaultOverlayFields,
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

describe('套打 fields per orientation', () => {
  const oldDefault = [
    { key: 'bodyText', xMm: 60, yMm: 78, widthMm: 180, fontSizePt: 22, font: 'kai', align: 'left' },
    { key: 'issuer', xMm: 150, yMm: 140, widthMm: 110, fontSizePt: 18, font: 'kai', align: 'center' },
    { key: 'date', xMm: 150, yMm: 155, widthMm: 110, fontSizePt: 18, font: 'kai', align: 'center' },
    { key: 'number', xMm: 30, yMm: 185, widthMm: 100, fontSizePt: 12, font: 'fangsong', align: 'left' },
  ];

  it('accepts the default layouts of both orientations', () => {
    expect(certificateSettingsFormSchema.safeParse(defaultCertificateSettings).success).toBe(true);
    expect(defaultCertificateSettings.overlayFields).toEqual({ landscape: defaultOverlayFields('landscape'), portrait: defaultOverlayFields('portrait') });
  });

  it('moves a stored single list to its orientation: the untouched old default becomes the new one', () => {
    const parsed = certificateSettingsSchema.parse({ ...defaultCertificateSettings, overlayFields: oldDefault });
    expect(parsed.overlayFields).toEqual(defaultCertificateSettings.overlayFields);
  });

  it('keeps a clerk’s own list for the saved orientation, y moved from line top to where the ink printed', () => {
    const own = [{ key: 'bodyText', xMm: 30, yMm: 100, widthMm: 150, fontSizePt: 22, font: 'kai', align: 'left' }];
    const parsed = certificateSettingsSchema.parse({ ...defaultCertificateSettings, orientation: 'portrait', overlayFields: own });
    // 0.36 × 22 pt = 2.8 mm: where the old 1.5× line put the characters' top.
    expect(parsed.overlayFields.portrait).toEqual([{ ...own[0], yMm: 102.8 }]);
    expect(parsed.overlayFields.landscape).toEqual(defaultOverlayFields('landscape'));
  });

  it('refuses a field that leaves its sheet when saving, with the reason at the input to change; a stored one still loads', () => {
    const portrait = defaultOverlayFields('portrait').map((f) => (f.key === 'bodyText' ? { ...f, xMm: 60, widthMm: 180 } : f));
    const wide = certificateSettingsFormSchema.safeParse({ ...defaultCertificateSettings, overlayFields: { ...defaultCertificateSettings.overlayFields, portrait } });
    expect(certificateSettingsSchema.safeParse({ ...defaultCertificateSettings, overlayFields: { ...defaultCertificateSettings.overlayFields, portrait } }).success).toBe(true);
    expect(wide.error?.issues).toEqual([expect.objectContaining({ path: ['overlayFields', 'portrait', 0, 'widthMm'], message: '文字框右端在 240 mm，超出纵向纸宽 210 mm' })]);

    const landscape = defaultOverlayFields('landscape').map((f) => (f.key === 'number' ? { ...f, yMm: 207 } : f));
    const low = certificateSettingsFormSchema.safeParse({ ...defaultCertificateSettings, overlayFields: { ...defaultCertificateSettings.overlayFields, landscape } });
    expect(low.error?.issues[0]).toMatchObject({ path: ['overlayFields', 'landscape', 3, 'yMm'], message: '文字下端在 211.2 mm，超出横向纸高 210 mm' });
  });

  it('counts the wrapped lines of the 正文 and refuses a date field too narrow for the longest date', () => {
    const body = defaultOverlayFields('landscape').map((f) => (f.key === 'bodyText' ? { ...f, yMm: 185 } : f.key === 'date' ? { ...f, widthMm: 70 } : f));
    const issues = certificateSettingsFormSchema.safeParse({ ...defaultCertificateSettings, overlayFields: { ...defaultCertificateSettings.overlayFields, landscape: body } }).error?.issues;
    expect(issues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['overlayFields.landscape.0.yMm', expect.stringMatching(/^文字（3 行）下端在 [\d.]+ mm，超出横向纸高 210 mm$/)],
      ['overlayFields.landscape.2.widthMm', '日期须在一行内，最长的“二〇二七年十二月三十一日”需宽 77 mm'],
    ]);
  });
});
