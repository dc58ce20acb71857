import { describe, expect, it } from 'vitest';
import {
  appointmentCertificateInput,
  calibrationSheetInput,
  certificateRecord,
  registerReportInput,
} from '../../../../../../renderer/src/features/advisors/certificates/certificateInputs';
import { defaultCertificateSettings, type CertificateSettings } from '../../../../../../shared/domain/advisors/certificateSettings';
import { defaultOrganisation } from '../../../../../../shared/domain/settings/schema';
import { appointmentCertificateInputSchema } from '../../../../../../shared/documents/advisors/certificate-input';
import { certificateRegisterInputSchema } from '../../../../../../shared/documents/advisors/certificate-register';
import { calibrationSheetInputSchema } from '../../../../../../shared/documents/advisors/calibration-sheet';
import type { Advisor } from '../../../../../../shared/domain/advisors/schema';

const advisor: Advisor = {
  id: '7ecba661-3e2d-4bc2-b3d3-28405dab99db',
  name: '林若溪',
  honorific: '中国科学院院士',
  homeInstitution: '东海示范科学研究所',
  serviceUnit: '北部湾示范海洋研究中心',
  status: '已审定',
  termStart: '2026-07-01',
  termEnd: '2029-06-30',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const row = { number: '桂科顾聘〔2026〕1号', issuedOn: '2026-11-24', isReprint: false, termStart: '2026-07-01', termEnd: '2029-06-30' };
const withPrinters: CertificateSettings = {
  ...defaultCertificateSettings,
  printerOffsets: [
    { printer: '办公室 HP', dxMm: 1.5, dyMm: -2 },
    { printer: '会议室 Canon', dxMm: -3, dyMm: 0 },
  ],
  activePrinter: '办公室 HP',
};

describe('certificateRecord', () => {
  it('fills the wording with Chinese-numeral dates and signs in the government’s name', () => {
    expect(certificateRecord(advisor, row, defaultCertificateSettings, defaultOrganisation)).toEqual({
      number: '桂科顾聘〔2026〕1号',
      name: '林若溪',
      bodyText: '兹聘请林若溪院士为广西科技顾问，聘期自二〇二六年七月一日至二〇二九年六月三十日。',
      issuer: '广西壮族自治区人民政府',
      issuedOn: '2026-11-24',
      isReprint: undefined,
    });
  });

  it('uses the clerk’s wording and placeholders', () => {
    const settings = { ...defaultCertificateSettings, wording: '兹聘请{所在单位}{姓名}{院士称号}为广西科技顾问，服务{服务单位}，聘期{聘期年数}。' };
    expect(certificateRecord(advisor, row, settings, defaultOrganisation).bodyText).toBe(
      '兹聘请东海示范科学研究所林若溪中国科学院院士为广西科技顾问，服务北部湾示范海洋研究中心，聘期三年。',
    );
  });

  it('a reprint shows the original date and the issuer recorded at the first issue', () => {
    const appointed: Advisor = { ...advisor, status: '已聘任', certificateNumber: row.number, certificateIssuedOn: '2026-11-24', issuer: '广西壮族自治区人民政府' };
    const reprint = certificateRecord(appointed, { ...row, issuedOn: '2027-03-01', isReprint: true }, defaultCertificateSettings, { ...defaultOrganisation, government: '改名后的政府' });
    expect(reprint).toMatchObject({ number: row.number, issuedOn: '2026-11-24', issuer: '广西壮族自治区人民政府', isReprint: true });
  });
});

describe('appointmentCertificateInput', () => {
  it('整页: one certificate per advisor, no overlay, valid for the builder', () => {
    const input = appointmentCertificateInput([{ advisor, row }, { advisor: { ...advisor, name: '周明哲' }, row: { ...row, number: '桂科顾聘〔2026〕2号' } }], '整页', defaultCertificateSettings, defaultOrganisation);
    expect(input.mode).toBe('full');
    expect(input.orientation).toBe('landscape');
    expect(input.overlay).toBeUndefined();
    expect(input.certificates.map((c) => c.number)).toEqual(['桂科顾聘〔2026〕1号', '桂科顾聘〔2026〕2号']);
    expect(appointmentCertificateInputSchema.safeParse(input).success).toBe(true);
  });

  it('套打: the field positions of the chosen orientation and the active printer’s offset', () => {
    for (const orientation of ['portrait', 'landscape'] as const) {
      const input = appointmentCertificateInput([{ advisor, row }], '套打', { ...withPrinters, orientation }, defaultOrganisation);
      expect(input.mode).toBe('overlay');
      expect(input.orientation).toBe(orientation);
      expect(input.overlay?.offset).toEqual({ dxMm: 1.5, dyMm: -2 });
      expect(input.overlay?.fields).toEqual(defaultCertificateSettings.overlayFields[orientation]);
      expect(appointmentCertificateInputSchema.safeParse(input).success).toBe(true);
    }
  });

  it('套打 without a chosen printer has no offset; the builder refuses a field off the sheet, naming it', () => {
    const [body, ...rest] = defaultCertificateSettings.overlayFields.portrait;
    const settings = { ...withPrinters, activePrinter: '', orientation: 'portrait' as const, overlayFields: { ...defaultCertificateSettings.overlayFields, portrait: [{ ...body, xMm: 60, widthMm: 180 }, ...rest] } };
    const input = appointmentCertificateInput([{ advisor, row }], '套打', settings, defaultOrganisation);
    expect(input.overlay?.offset).toEqual({ dxMm: 0, dyMm: 0 });
    const parsed = appointmentCertificateInputSchema.safeParse(input);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['overlay', 'fields', 0, 'widthMm'], message: '正文：文字框右端在 240 mm，超出纵向纸宽 210 mm' });
  });
});

describe('calibrationSheetInput', () => {
  it('carries the layout, offset and a sample certificate numbered with the pattern', () => {
    const settings = { ...withPrinters, numberPattern: '桂顾〔{年}〕{序号:3}号' };
    const input = calibrationSheetInput(settings, defaultOrganisation, '2026-11-24');
    expect(input.overlay.offset).toEqual({ dxMm: 1.5, dyMm: -2 });
    expect(input.sample).toMatchObject({ number: '桂顾〔2026〕001号', name: '张三', issuer: '广西壮族自治区人民政府' });
    expect(calibrationSheetInputSchema.safeParse(input).success).toBe(true);
  });
});

describe('registerReportInput', () => {
  it('lists the rows in order with names and the 补打 flag', () => {
    const input = registerReportInput(
      [
        { ...row, advisorName: '林若溪', honorific: '中国科学院院士', homeInstitution: '东海示范科学研究所' },
        { ...row, issuedOn: '2027-03-01', isReprint: true, advisorName: '林若溪', honorific: '中国科学院院士', isDuplicate: true, notes: '原件遗失' },
      ],
      defaultOrganisation,
      '2027-03-02',
    );
    expect(input.entries.map((e) => [e.name, e.number, e.isReprint, e.notes])).toEqual([
      ['林若溪', '桂科顾聘〔2026〕1号', false, undefined],
      ['林若溪', '桂科顾聘〔2026〕1号', true, '编号重复，待核对；原件遗失'],
    ]);
    expect(certificateRegisterInputSchema.safeParse(input).success).toBe(true);
    expect(input.generatedOn).toBe('2027-03-02');
  });
});
