import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import { leftoverTempFiles, tempDir } from './helpers';

describe('writeFileAtomic', () => {
  it('writes bytes and creates missing folders', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'sub', '报告.docx');
    await writeFileAtomic(target, new Uint8Array([80, 75, 3, 4]));
    expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
    expect(await leftoverTempFiles(path.join(dir, 'sub'))).toEqual([]);
  });

  it('replaces an existing file', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'a.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('leaves the old file intact and no temp file behind when the write fails midway', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'ledger.docx');
    await writeFile(target, 'old contents');
    let tempSeen: string | undefined;
    await expect(
      writeFileAtomic(target, new Uint8Array(1024), {
        onTempCreated: (tempPath) => {
          tempSeen = tempPath;
          throw new Error('disk full (simulated)');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(tempSeen && path.dirname(tempSeen)).toBe(dir);
    expect(await readFile(target, 'utf8')).toBe('old contents');
    expect(await leftoverTempFiles(dir)).toEqual([]);
  });
});
