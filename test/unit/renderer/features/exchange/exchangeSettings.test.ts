import { describe, expect, it } from 'vitest';
import { defaultExchangeSettings, readExchangeSettings, saveExchangeSettings } from '../../../../../renderer/src/features/exchange/exchangeSettings';
import { freshDb } from '../../db/helpers';

describe('交换设置 (per machine)', () => {
  it('defaults to asking above 20%, and keeps what the clerk saves', async () => {
    const db = await freshDb();
    expect(await readExchangeSettings(db)).toEqual(defaultExchangeSettings);
    expect(defaultExchangeSettings).toEqual({ deleteShareLimit: 0.2 });
    await saveExchangeSettings(db, { deleteShareLimit: 0.5 });
    expect(await readExchangeSettings(db)).toEqual({ deleteShareLimit: 0.5 });
    // Not a ledger: nothing goes into the oplog, so it never syncs to another machine.
    expect(await db.oplog.count()).toBe(0);
  });

  it('refuses values out of range with Chinese messages and keeps the stored ones', async () => {
    const db = await freshDb();
    await saveExchangeSettings(db, { deleteShareLimit: 0.3 });
    await expect(saveExchangeSettings(db, { deleteShareLimit: 0 })).rejects.toThrow('比例至少 1%');
    await expect(saveExchangeSettings(db, { deleteShareLimit: 1.5 })).rejects.toThrow('比例不能超过 100%');
    expect(await readExchangeSettings(db)).toEqual({ deleteShareLimit: 0.3 });
  });

  it('ignores the backup count older versions stored here (the desktop app keeps it now)', async () => {
    const db = await freshDb();
    await db.meta.put({ key: 'exchangeSettings', value: { deleteShareLimit: 0.4, backupMaxTotal: 3 } });
    expect(await readExchangeSettings(db)).toEqual({ deleteShareLimit: 0.4 });
  });

  it('falls back to the defaults when the stored value is damaged', async () => {
    const db = await freshDb();
    await db.meta.put({ key: 'exchangeSettings', value: { deleteShareLimit: 'x' } });
    expect(await readExchangeSettings(db)).toEqual(defaultExchangeSettings);
  });
});
