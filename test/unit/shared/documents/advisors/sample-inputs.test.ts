import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCertificateSettings, fillCertificateWording } from '../../../../../shared/domain/advisors/certificateSettings';
import { advisorSampleInputs } from '../../../../../shared/documents/advisors/sample-inputs';

const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../../resources/sample-data/sample-data.json'), 'utf8')) as Record<string, unknown>;

describe('advisor sample documents', () => {
  const inputs = advisorSampleInputs(dataset);

  it('print the 聘书 in the default wording of 设置 (no ASCII spaces around the name)', () => {
    for (const cert of inputs.appointmentCertificate.certificates) {
      expect(cert.bodyText).not.toMatch(/ /);
      expect(cert.bodyText).toMatch(new RegExp(`^兹聘请${cert.name}院士为广西科技顾问，聘期自.+至.+。$`));
    }
    const advisors = (dataset.advisors as { name: string; status: string; honorific: string; homeInstitution: string; termStart: string; termEnd: string }[]).filter((a) => a.status === '已聘任');
    expect(advisors.length).toBeGreaterThan(0);
    expect(inputs.appointmentCertificate.certificates.map((c) => c.bodyText)).toEqual(advisors.map((a) => fillCertificateWording(defaultCertificateSettings.wording, a)));
  });

  it('print the calibration sheet with the one default layout 设置 starts from', () => {
    expect(inputs.calibrationSheet.overlay.fields).toEqual(defaultCertificateSettings.overlayFields[inputs.calibrationSheet.orientation]);
  });
});
