import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import {
  alwaysKept,
  type BackupEntry,
  backupStamp,
  HARD_MAX_BACKUPS,
  nextRemoval,
  createBackupStore,
  parseBackupId,
  planRotation,
  type RotationPolicy,
} from '../../../../../electron/main/services/backups';
import { fakeBundle, leftoverTempFiles, tempDir } from './helpers';

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

/** A real bundle zip carrying `marker`, so a test can tell backups apart. */
function bundle(...marker: number[]): Uint8Array {
  const zip = fakeBundle();
  const out = new Uint8Array(zip.length + marker.length);
  out.set(zip);
  out.set(marker, zip.length);
  return out;
}
/** A backup's bytes as the page would get them: opened by the store, read, closed. */
async function readBack(store: ReturnType<typeof createBackupStore>, id: string): Promise<Uint8Array> {
  const opened = await store.open(id);
  try {
    return new Uint8Array(await opened.handle.readFile());
  } finally {
    await opened.handle.close();
  }
}
const markerOf = (bytes: Uint8Array, n = 1) => [...bytes.slice(bytes.length - n)];
const yes = async () => true;

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
    // After the clock was put back, the backup just written is not the "newest" by name; the
    // newest of today stays too (the last 7 days are always kept).
    expect(planRotation([a, b], now, policy({ keepToday: 1, maxTotal: 1 }), a.id).keep).toEqual([b, a]);
  });
});

describe('createBackupStore', () => {
  it('writes <timestamp>-<reason>.sclb atomically into userData/backups and reads it back', async () => {
    const userData = await tempDir();
    const time = clock('2025-03-10T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay });
    const bytes = bundle(7);
    const written = await store.write(bytes, 'manual');
    expect(written).toEqual({
      id: '20250310T080000000Z-manual',
      reason: 'manual',
      createdAt: '2025-03-10T08:00:00.000Z',
      size: bytes.length,
    });
    const dir = path.join(userData, 'backups');
    expect(await readdir(dir)).toEqual(['20250310T080000000Z-manual.sclb']);
    expect(await leftoverTempFiles(dir)).toEqual([]);
    expect(await readBack(store, written.id)).toEqual(bytes);
    expect(await store.list()).toEqual([written]);
  });

  it('lists newest first and ignores temp and foreign files', async () => {
    const userData = await tempDir();
    const time = clock('2025-03-10T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay });
    await store.write(bundle(1), 'daily');
    time.advance(60_000);
    await store.write(bundle(2), 'before-import');
    const dir = path.join(userData, 'backups');
    await writeFile(path.join(dir, '20250310T090000000Z-daily.sclb.tmp-1712345678abcdef'), 'half');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await mkdir(path.join(dir, '20250310T100000000Z-daily.sclb'));
    expect((await store.list()).map((e) => e.id)).toEqual(['20250310T080100000Z-before-import', '20250310T080000000Z-daily']);
  });

  it('gives two backups in the same millisecond distinct ids', async () => {
    const userData = await tempDir();
    const store = createBackupStore(userData, { now: () => new Date('2025-03-10T08:00:00.000Z') });
    const a = await store.write(bundle(1), 'manual');
    const b = await store.write(bundle(2), 'manual');
    expect(a.id).not.toBe(b.id);
    expect(markerOf(await readBack(store, a.id))).toEqual([1]);
    expect(markerOf(await readBack(store, b.id))).toEqual([2]);
  });

  it('rotates over simulated weeks of use: at most one removal per write, the last 7 days always there', async () => {
    const userData = await tempDir();
    const time = clock('2025-01-01T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay, keepToday: 3, maxTotal: 5 });
    for (let day = 0; day < 12; day += 1) {
      time.set(new Date(Date.UTC(2025, 0, 1 + day, 8)).toISOString());
      for (let i = 0; i < 4; i += 1) {
        const before = (await store.list()).length;
        await store.write(bundle(day, i), i === 0 ? 'daily' : 'manual');
        const after = (await store.list()).length;
        expect(after).toBeGreaterThanOrEqual(before);
        time.advance(3_600_000);
      }
    }
    const kept = await store.list();
    const days = new Set(kept.map((e) => e.createdAt.slice(0, 10)));
    for (let day = 6; day <= 12; day += 1) expect(days).toContain(`2025-01-${String(day).padStart(2, '0')}`);
    // The newest of each of the last 7 days is the 11:00 one.
    expect(kept.filter((e) => e.createdAt.endsWith('T11:00:00.000Z')).length).toBeGreaterThanOrEqual(7);
    // Thinning still keeps up with four writes a day: nothing piles up.
    expect(kept.length).toBeLessThanOrEqual(12);
    expect(markerOf(await readBack(store, kept[0].id), 2)).toEqual([11, 3]);
  });

  it('one write with junk-free bytes and a small retention deletes at most one of 20 backups (issue 16)', async () => {
    const userData = await tempDir();
    const time = clock('2025-01-01T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay });
    for (let day = 0; day < 20; day += 1) {
      time.set(new Date(Date.UTC(2025, 0, 1 + day, 8)).toISOString());
      await store.write(bundle(day), 'daily');
    }
    expect(await store.list()).toHaveLength(20);
    // Even after the clerk confirmed the smallest retention…
    await store.setRetention(3, yes);
    time.advance(60_000);
    await store.write(bundle(99), 'manual');
    expect(await store.list()).toHaveLength(20);
    time.advance(60_000);
    await store.write(bundle(98), 'manual');
    time.advance(60_000);
    await store.write(bundle(97), 'manual');
    const left = await store.list();
    expect(left).toHaveLength(20);
    // …the oldest went first, one per write.
    expect(left.at(-1)!.createdAt).toBe('2025-01-04T08:00:00.000Z');
  });

  it('refuses bytes that are not a bundle: junk never takes a real backup’s place', async () => {
    const userData = await tempDir();
    const store = createBackupStore(userData, { now: () => new Date('2025-03-10T08:00:00.000Z') });
    await expect(store.write(new TextEncoder().encode('junk'), 'daily')).rejects.toThrow('备份内容不是 SciLedger 数据包');
    expect(await store.list()).toEqual([]);
  });

  it('keeps every before-import snapshot of 30 days and each day’s newest of 7 days, whatever is written', async () => {
    const userData = await tempDir();
    const time = clock('2025-03-01T08:00:00.000Z');
    const store = createBackupStore(userData, { now: time.now, dayKey: utcDay, keepToday: 1, maxTotal: 3 });
    const imports = [];
    for (let day = 0; day < 10; day += 1) {
      time.set(new Date(Date.UTC(2025, 2, 1 + day, 8)).toISOString());
      imports.push(await store.write(bundle(day), 'before-import'));
      time.advance(60_000);
      await store.write(bundle(day, 1), 'daily');
    }
    // A flood of writes on the last day (a compromised page) …
    for (let i = 0; i < 20; i += 1) {
      time.advance(1_000);
      await store.write(bundle(200, i), 'manual');
    }
    const ids = new Set((await store.list()).map((e) => e.id));
    // … leaves every before-import snapshot in place …
    for (const snapshot of imports) expect(ids).toContain(snapshot.id);
    // … and the newest snapshot of each of the six days before today.
    for (let day = 3; day <= 8; day += 1) {
      expect(ids).toContain(`202503${String(1 + day).padStart(2, '0')}T080100000Z-daily`);
    }
  });

  it('refuses to write past the hard ceiling or onto a nearly full disk', async () => {
    const userData = await tempDir();
    const dir = path.join(userData, 'backups');
    await mkdir(dir);
    const start = Date.UTC(2025, 2, 10, 8);
    // Before-import snapshots are all protected, so only the ceiling stops them piling up.
    await Promise.all(
      Array.from({ length: HARD_MAX_BACKUPS }, (_, i) => writeFile(path.join(dir, `${backupStamp(new Date(start - i * 1000))}-before-import.sclb`), 'x')),
    );
    const store = createBackupStore(userData, { now: () => new Date(start + 60_000), dayKey: utcDay });
    await expect(store.write(bundle(1), 'daily')).rejects.toThrow(`备份已有 ${HARD_MAX_BACKUPS} 份，达到上限`);

    const other = await tempDir();
    const full = createBackupStore(other, { now: () => new Date(start), freeBytes: async () => 100 * 1024 * 1024 });
    await expect(full.write(bundle(1), 'daily')).rejects.toThrow(/磁盘剩余空间不足（剩余 100 MB）/);
    expect(await full.list()).toEqual([]);
  });

  it('changes the retention only when the clerk confirms in the main process, and remembers it', async () => {
    const userData = await tempDir();
    const store = createBackupStore(userData);
    expect(await store.retention()).toEqual({ maxTotal: 30 });
    const declined = await store.setRetention(3, async (from, to) => {
      expect([from, to]).toEqual([30, 3]);
      return false;
    });
    expect(declined).toEqual({ maxTotal: 30, changed: false });
    expect(await store.retention()).toEqual({ maxTotal: 30 });
    expect(await store.setRetention(10, yes)).toEqual({ maxTotal: 10, changed: true });
    expect(await createBackupStore(userData).retention()).toEqual({ maxTotal: 10 });
    let asked = false;
    expect(await store.setRetention(10, async () => (asked = true))).toEqual({ maxTotal: 10, changed: false });
    expect(asked).toBe(false);
    await expect(store.setRetention(2, yes)).rejects.toThrow('备份保留份数应为 3–365 之间的整数');
    // A damaged settings file falls back to the default, never to "keep nothing".
    await writeFile(path.join(userData, 'backup-settings.json'), '{"maxTotal":0}');
    expect(await store.retention()).toEqual({ maxTotal: 30 });
  });

  it('keeps every existing backup when a write fails', async () => {
    const userData = await tempDir();
    const time = clock('2025-03-10T08:00:00.000Z');
    const good = createBackupStore(userData, { now: time.now });
    const first = await good.write(bundle(1), 'daily');
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
    await expect(failing.write(bundle(2), 'before-import')).rejects.toThrow('无法写入备份');
    expect(await good.list()).toEqual([first]);
    expect(await leftoverTempFiles(path.join(userData, 'backups'))).toEqual([]);
  });

  it('opens only by a valid id, only regular files inside the backups folder, and says why in Chinese', async () => {
    const userData = await tempDir();
    await writeFile(path.join(userData, 'sync-folder.json'), '{}');
    const store = createBackupStore(userData);
    await expect(store.open('../sync-folder')).rejects.toThrow('备份编号无效');
    await expect(store.open('20250310T080000000Z-daily')).rejects.toThrow('找不到该备份');
    await expect(store.write(new Uint8Array(), 'manual')).rejects.toThrow('备份内容为空');
    expect(await store.list()).toEqual([]);
    expect(await readFile(path.join(userData, 'sync-folder.json'), 'utf8')).toBe('{}');
    await mkdir(path.join(userData, 'backups'));
    await symlink(path.join(userData, 'sync-folder.json'), path.join(userData, 'backups', '20250310T080000000Z-daily.sclb'));
    await expect(store.open('20250310T080000000Z-daily')).rejects.toThrow('该备份不是普通文件');
  });
});

describe('alwaysKept / nextRemoval', () => {
  const now = new Date('2025-03-31T12:00:00.000Z');

  it('guards the newest of each of the last 7 days and before-import snapshots of 30 days', () => {
    const entries = [
      entry('2025-03-31T09:00:00.000Z'),
      entry('2025-03-31T08:00:00.000Z'),
      entry('2025-03-25T10:00:00.000Z'),
      entry('2025-03-24T10:00:00.000Z'),
      entry('2025-03-02T10:00:00.000Z', 'before-import'),
      entry('2025-02-27T10:00:00.000Z', 'before-import'),
    ];
    const guarded = alwaysKept(entries, now, utcDay);
    expect([...guarded].sort()).toEqual([entries[0].id, entries[2].id, entries[4].id].sort());
  });

  it('removes only the oldest candidate', () => {
    const days = Array.from({ length: 40 }, (_, i) => entry(new Date(Date.UTC(2025, 0, 1 + i, 9)).toISOString()));
    const plan = planRotation(days, new Date('2025-03-01T00:00:00Z'), policy({ maxTotal: 3 }));
    expect(plan.remove.length).toBeGreaterThan(1);
    expect(nextRemoval(plan)?.createdAt).toBe('2025-01-01T09:00:00.000Z');
    expect(nextRemoval({ remove: [] })).toBeUndefined();
  });
});
