import { describe, expect, it } from 'vitest';
import { defaultExchangeSettings, readExchangeSettings, saveExchangeSettings } from '../../../../../renderer/src/features/exchange/exchangeSettings';
import { freshDb } from '../../db/helpers';

describe('交换设置 (per machine)', () => {
  it('defaults to asking above 20% and keeping 30 backups, and keeps what the clerk saves', async () => {
    const db = await freshDb();
    expect(await readExchangeSettings(db)).toEqual(defaultExchangeSettings);
    expect(defaultExchangeSettings).toEqual({ deleteShareLimit: 0.2, backupMaxTotal: 30 });
    await saveExchangeSettings(db, { deleteShareLimit: 0.5, backupMaxTotal: 10 });
    expect(await readExchangeSettings(db)).toEqual({ deleteShareLimit: 0.5, backupMaxTotal: 10 });
    // Not a ledger: nothing goes into the oplog, so it never syncs to another machine.
    expect(await db.oplog.count()).toBe(0);
  });

  it('refuses values out of range with Chinese messages and keeps the stored ones', async () => {
    const db = await freshDb();
    await saveExchangeSettings(db, { deleteShareLimit: 0.3, backupMaxTotal: 12 });
    await expect(saveExchangeSettings(db, { deleteShareLimit: 0, backupMaxTotal: 12 })).rejects.toThrow('比例至少 1%');
    await expect(saveExchangeSettings(db, { deleteShareLimit: 0.3, backupMaxTotal: 2 })).rejects.toThrow('至少保留 3 份');
    expect(await readExchangeSettings(db)).toEqual({ deleteShareLimit: 0.3, backupMaxTotal: 12 });
  });

  it('falls back to the defaults when the stored value is damaged', async () => {
    const db = await freshDb();
    await db.meta.put({ key: 'exchangeSettings', value: { deleteShareLimit: 'x' } });
    expect(await readExchangeSettings(db)).toEqual(defaultExchangeSettings);
  });
});
