import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import {
  type BackupEntry,
  backupStamp,
  createBackupStore,
  parseBackupId,
  planRotation,
  type RotationPolicy,
} from '../../../../../electron/main/services/backups';
import { leftoverTempFiles, tempDir } from './helpers';

// Days in UTC so the tests do not depend on the machine's time zone.
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** A clock the test moves by hand. */
function clock(start: string) {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso: string) => void (now = new Date(iso).getTime()),
    advance: (ms: number) => void (now += ms),
  };
}

function entry(iso: string, reason: BackupEntry['reason'] = 'daily'): BackupEntry {
  return parseBackupId(`${backupStamp(new Date(iso))}-${reason}`, 1)!;
}

const policy = (overrides: Partial<RotationPolicy> = {}): RotationPolicy => ({
  keepToday: 10,
  maxTotal: 30,
  dayKey: utcDay,
  ...overrides,
});

describe('backup ids', () => {
  it('round-trip a UTC timestamp to the millisecond and the reason', () => {
    const id = `${backupStamp(new Date('2025-03-01T08:30:15.123Z'))}-before-import`;
    expect(id).toBe('20250301T083015123Z-before-import');
    expect(parseBackupId(id, 42)).toEqual({
      id,
      reason: 'before-import',
      createdAt: '2025-03-01T08:30:15.123Z',
      size: 42,
    });
  });

  it.each(['../20250301T083015123Z-daily', '20250301T083015123Z-evil', '20250301T083015123Z-daily.sclb', '20251399T999999999Z-daily', ''])(
    'rejects %j',
    (id) => expect(parseBackupId(id)).toBeNull(),
  );
});

describe('planRotation', () => {
  const now = new Date('2025-03-10T12:00:00.000Z');

  it('keeps up to keepToday of today, the newest of each earlier day, at most maxTotal', () => {
    const today = Array.from({ length: 12 }, (_, i) => entry(`2025-03-10T0${Math.floor(i / 6)}:0${i % 6}:00.000Z`));
    const yesterday = [entry('2025-03-09T08:00:00.000Z'), entry('2025-03-09T17:00:00.000Z', 'before-import')];
    const lastWeek = [entry('2025-03-03T09:00:00.000Z'), entry('2025-03-03T10:00:00.000Z')];
    const { keep, remove } = planRotation([...lastWeek, ...today, ...yesterday], now, policy());
    const newestToday = [...today].reverse().slice(0, 10);
    expect(keep.map((e) => e.id)).toEqual([...newestToday, yesterday[1], lastWeek[1]].map((e) => e.id));
    expect(remove).toHaveLength(4);
    expect(keep.length + remove.length).toBe(16);
  });

  it('caps the total, dropping the oldest days first', () => {
    const days = Array.from({ length: 40 }, (_, i) => entry(new Date(Date.UTC(2025, 0, 1 + i, 9)).toISOString()));
    const { keep } = planRotation(days, new Date('2025-03-01T00:00:00Z'), policy({ maxTotal: 30 }));
    expect(keep).toHaveLength(30);
    expect(keep[0].createdAt).toBe('2025-02-09T09:00:00.000Z');
    expect(keep.at(-1)!.createdAt).toBe('2025-01-11T09:00:00.000Z');
  });

  it('always keeps the newest and the one just written, even with settings of 0', () => {
    const a = entry('2025-03-10T10:00:00.000Z');
    const b = entry('2025-03-10T11:00:00.000Z');
    expect(planRotation([a, b], now, policy({ keepToday: 0, maxTotal: 0 })).keep).toEqual([b]);
    // After the clock was put back, the backup just written is not the "newest" by name.
    expect(planRotation([a, b], now, policy({ keepToday: 1, maxTotal: 1 }), a.id).keep).toEqual([a]);
  });
});

describe('createBackupStore', () => {
  it('writes <timestamp>-<reason>.sclb atomically into userData/backups and reads it back', async () => {
    const userData = await tempDir();
    const time = clock('2025-03-10T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay });
    const written = await store.write(new Uint8Array([80, 75]), 'manual');
    expect(written).toEqual({
      id: '20250310T080000000Z-manual',
      reason: 'manual',
      createdAt: '2025-03-10T08:00:00.000Z',
      size: 2,
    });
    const dir = path.join(userData, 'backups');
    expect(await readdir(dir)).toEqual(['20250310T080000000Z-manual.sclb']);
    expect(await leftoverTempFiles(dir)).toEqual([]);
    expect([...(await store.read(written.id))]).toEqual([80, 75]);
    expect(await store.list()).toEqual([written]);
  });

  it('lists newest first and ignores temp and foreign files', async () => {
    const userData = await tempDir();
    const time = clock('2025-03-10T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay });
    await store.write(new Uint8Array([1]), 'daily');
    time.advance(60_000);
    await store.write(new Uint8Array([2]), 'before-import');
    const dir = path.join(userData, 'backups');
    await writeFile(path.join(dir, '20250310T090000000Z-daily.sclb.tmp-1712345678abcdef'), 'half');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await mkdir(path.join(dir, '20250310T100000000Z-daily.sclb'));
    expect((await store.list()).map((e) => e.id)).toEqual(['20250310T080100000Z-before-import', '20250310T080000000Z-daily']);
  });

  it('gives two backups in the same millisecond distinct ids', async () => {
    const userData = await tempDir();
    const store = createBackupStore(userData, { now: () => new Date('2025-03-10T08:00:00.000Z') });
    const a = await store.write(new Uint8Array([1]), 'manual');
    const b = await store.write(new Uint8Array([2]), 'manual');
    expect(a.id).not.toBe(b.id);
    expect([...(await store.read(a.id))]).toEqual([1]);
    expect([...(await store.read(b.id))]).toEqual([2]);
  });

  it('rotates after each write over simulated weeks of use', async () => {
    const userData = await tempDir();
    const time = clock('2025-01-01T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay, keepToday: 3, maxTotal: 5 });
    for (let day = 0; day < 8; day += 1) {
      time.set(new Date(Date.UTC(2025, 0, 1 + day, 8)).toISOString());
      for (let i = 0; i < 4; i += 1) {
        await store.write(new Uint8Array([day, i]), i === 0 ? 'daily' : 'before-import');
        time.advance(3_600_000);
      }
    }
    const kept = await store.list();
    // Three of today (the last day), then the newest of the two days before, 5 in all.
    expect(kept.map((e) => e.createdAt)).toEqual([
      '2025-01-08T11:00:00.000Z',
      '2025-01-08T10:00:00.000Z',
      '2025-01-08T09:00:00.000Z',
      '2025-01-07T11:00:00.000Z',
      '2025-01-06T11:00:00.000Z',
    ]);
    expect([...(await store.read(kept[3].id))]).toEqual([6, 3]);
    expect(await readdir(path.join(userData, 'backups'))).toHaveLength(5);
  });

  it('takes the clerk’s maxTotal from the write request over the store default', async () => {
    const userData = await tempDir();
    const time = clock('2025-01-01T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay, keepToday: 3, maxTotal: 30 });
    for (let day = 0; day < 6; day += 1) {
      time.set(new Date(Date.UTC(2025, 0, 1 + day, 8)).toISOString());
      await store.write(new Uint8Array([day]), 'daily', { maxTotal: 3 });
    }
    expect((await store.list()).map((e) => e.createdAt.slice(0, 10))).toEqual(['2025-01-06', '2025-01-05', '2025-01-04']);
  });

  it('keeps every existing backup when a write fails', async () => {
    const userData = await tempDir();
    const time = clock('2025-03-10T08:00:00.000Z');
    const good = createBackupStore(userData, { now: time.now });
    const first = await good.write(new Uint8Array([1]), 'daily');
    time.advance(1000);
    const failing = createBackupStore(userData, {
      now: time.now,
      maxTotal: 1,
      writeFile: (file, data) =>
        writeFileAtomic(file, data, {
          onTempCreated: () => {
            throw new Error('disk full (simulated)');
          },
        }),
    });
    await expect(failing.write(new Uint8Array([2]), 'before-import')).rejects.toThrow('无法写入备份');
    expect(await good.list()).toEqual([first]);
    expect(await leftoverTempFiles(path.join(userData, 'backups'))).toEqual([]);
  });

  it('reads only by a valid id', async () => {
    const userData = await tempDir();
    await writeFile(path.join(userData, 'sync-folder.json'), '{}');
    const store = createBackupStore(userData);
    await expect(store.read('../sync-folder')).rejects.toThrow('备份编号无效');
    await expect(store.read('20250310T080000000Z-daily')).rejects.toThrow('找不到该备份');
    await expect(store.write(new Uint8Array(), 'manual')).rejects.toThrow('备份内容为空');
    expect(await store.list()).toEqual([]);
    expect(await readFile(path.join(userData, 'sync-folder.json'), 'utf8')).toBe('{}');
  });
});
