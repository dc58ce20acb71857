import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLastFolderStore, DIALOG_STATE_FILE } from '../../../../../electron/main/services/last-folder';
import { tempDir } from './helpers';

describe('last folder store', () => {
  it('remembers a folder in userData (not userData/databases, which Electron may wipe)', async () => {
    const userData = await tempDir();
    const chosen = await tempDir();
    const store = createLastFolderStore(userData);
    expect(await store.get()).toBeUndefined();
    await store.remember(chosen);
    expect(await store.get()).toBe(chosen);
    expect(await readdir(userData)).toEqual([DIALOG_STATE_FILE]);
    expect(JSON.parse(await readFile(path.join(userData, DIALOG_STATE_FILE), 'utf8'))).toEqual({ lastFolder: chosen });
    // A new store (next app start) reads the same file.
    expect(await createLastFolderStore(userData).get()).toBe(chosen);
  });

  it('forgets a folder that no longer exists (unplugged USB stick)', async () => {
    const userData = await tempDir();
    const store = createLastFolderStore(userData);
    await store.remember(path.join(userData, 'gone'));
    expect(await store.get()).toBeUndefined();
  });

  it('ignores a corrupt or hand-edited state file', async () => {
    const userData = await tempDir();
    await writeFile(path.join(userData, DIALOG_STATE_FILE), '{not json');
    expect(await createLastFolderStore(userData).get()).toBeUndefined();
    await writeFile(path.join(userData, DIALOG_STATE_FILE), JSON.stringify({ lastFolder: 'relative/dir' }));
    expect(await createLastFolderStore(userData).get()).toBeUndefined();
  });

  it('never fails the caller when the state cannot be written', async () => {
    const userData = await tempDir();
    // A folder where the file should be: the write fails, remember() still resolves.
    await mkdir(path.join(userData, DIALOG_STATE_FILE));
    const warn = console.warn;
    console.warn = () => {};
    try {
      await expect(createLastFolderStore(userData).remember(userData)).resolves.toBeUndefined();
    } finally {
      console.warn = warn;
    }
  });
});
