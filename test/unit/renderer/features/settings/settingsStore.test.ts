import { describe, expect, it } from 'vitest';
import { readSetting, saveSetting } from '../../../../../renderer/src/features/settings/settingsStore';
import { freshDb } from '../../db/helpers';

const stored = { government: '广西壮族自治区人民政府', department: '广西壮族自治区科学技术厅', committeeOffice: '自治区科技委员会办公室', division: '' };

describe('readSetting(organisation)', () => {
  it('reads a stored old default office name as 自治区党委科技委员会办公室 (documents sign with it)', async () => {
    const db = await freshDb();
    await saveSetting(db, 'organisation', stored);
    expect((await readSetting(db, 'organisation')).committeeOffice).toBe('自治区党委科技委员会办公室');
  });

  it('keeps an office name the clerk changed', async () => {
    const db = await freshDb();
    await saveSetting(db, 'organisation', { ...stored, committeeOffice: '柳州市科学技术局' });
    expect(await readSetting(db, 'organisation')).toEqual({ ...stored, committeeOffice: '柳州市科学技术局' });
  });

  it('falls back to the new default when nothing is stored', async () => {
    const db = await freshDb();
    expect((await readSetting(db, 'organisation')).committeeOffice).toBe('自治区党委科技委员会办公室');
  });
});
