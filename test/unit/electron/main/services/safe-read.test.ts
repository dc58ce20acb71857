import { rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../../../electron/main/services/safe-read';
import { tempDir } from './helpers';

describe('readRegularFile: open once, decide on the handle, read at most cap + 1', () => {
  it('reads a regular file', async () => {
    const file = path.join(await tempDir(), 'a.sclb');
    await writeFile(file, Buffer.from([1, 2, 3]));
    expect(await readRegularFile(file, 10)).toMatchObject({ kind: 'ok', bytes: new Uint8Array([1, 2, 3]) });
  });

  it('reads files larger than one chunk exactly', async () => {
    const file = path.join(await tempDir(), 'big.sclb');
    const content = Buffer.alloc(2.5 * 1024 * 1024, 7);
    content[content.length - 1] = 9;
    await writeFile(file, content);
    const result = await readRegularFile(file, content.length);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(Buffer.from(result.bytes).equals(content)).toBe(true);
  });

  it('reports missing, too large and non-regular files', async () => {
    const dir = await tempDir();
    expect(await readRegularFile(path.join(dir, 'none'), 10)).toEqual({ kind: 'missing' });
    await writeFile(path.join(dir, 'big'), Buffer.alloc(11));
    expect(await readRegularFile(path.join(dir, 'big'), 10)).toEqual({ kind: 'too-large', size: 11 });
    expect(await readRegularFile(dir, 10)).toEqual({ kind: 'not-regular' });
  });

  it('refuses a file that grew past the cap between the check and the open', async () => {
    const file = path.join(await tempDir(), 'growing');
    await writeFile(file, Buffer.alloc(5));
    expect(await readRegularFile(file, 10, { beforeOpen: () => truncate(file, 4096) })).toEqual({ kind: 'too-large', size: 4096 });
  });

  it('refuses a different file swapped in between the check and the open', async () => {
    const file = path.join(await tempDir(), 'swapped');
    await writeFile(file, 'first');
    const swap = async () => {
      await writeFile(`${file}.new`, 'second');
      await rename(`${file}.new`, file);
    };
    expect(await readRegularFile(file, 10, { beforeOpen: swap })).toEqual({ kind: 'not-regular' });
  });

  it.skipIf(process.platform === 'win32')('refuses a link swapped in between the check and the open', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'bundle');
    await writeFile(file, 'mine');
    await writeFile(path.join(dir, 'secret'), 'not yours');
    const swap = async () => {
      await rm(file);
      await symlink(path.join(dir, 'secret'), file);
    };
    expect(await readRegularFile(file, 100, { beforeOpen: swap })).toEqual({ kind: 'not-regular' });
  });
});
