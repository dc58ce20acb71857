import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { LastFolderStore } from '../../../../../electron/main/services/last-folder';

const created: string[] = [];

/** A fresh temp folder per test, removed afterwards. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sciledger-svc-'));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** atomically's temp files are "<name>.tmp-<digits><hex>". */
export async function leftoverTempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.includes('.tmp-'));
}

export function memoryLastFolder(initial?: string): LastFolderStore & { remembered: string[] } {
  let current = initial;
  const remembered: string[] = [];
  return {
    remembered,
    get: async () => current,
    remember: async (folder) => {
      current = folder;
      remembered.push(folder);
    },
  };
}
