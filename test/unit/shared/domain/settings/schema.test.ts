import { describe, expect, it } from 'vitest';
import { defaultOrganisation, upgradeOrganisationSettings } from '../../../../../shared/domain/settings/schema';

describe('organisation settings', () => {
  it('defaults the committee office to the name seed 000 uses throughout (§二(一): 由自治区党委科技委员会办公室研究制定…)', () => {
    expect(defaultOrganisation.committeeOffice).toBe('自治区党委科技委员会办公室');
  });

  it('replaces the old stored default, keeping every other field', () => {
    const stored = { government: '广西壮族自治区人民政府', department: '某科技厅', committeeOffice: '自治区科技委员会办公室', division: '成果处' };
    expect(upgradeOrganisationSettings(stored)).toEqual({ ...stored, committeeOffice: '自治区党委科技委员会办公室' });
    expect(stored.committeeOffice).toBe('自治区科技委员会办公室'); // not mutated
  });

  it('keeps a name the clerk typed', () => {
    const stored = { ...defaultOrganisation, committeeOffice: '南宁市科学技术局' };
    expect(upgradeOrganisationSettings(stored)).toEqual(stored);
  });
});
