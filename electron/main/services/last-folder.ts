/**
 * Remembers the folder of the last save/open dialog so the next one starts there (clerks
 * save dozens of documents into the same folder). Kept in a small JSON file directly under
 * userData — not under userData/databases, which Electron 32+ may wipe.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

export const DIALOG_STATE_FILE = 'dialog-state.json';

const dialogStateSchema = z.object({ lastFolder: z.string().min(1) });

export interface LastFolderStore {
  /** The remembered folder if it still exists, otherwise undefined. */
  get(): Promise<string | undefined>;
  remember(folder: string): Promise<void>;
}

async function isFolder(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

export function createLastFolderStore(userDataDir: string): LastFolderStore {
  const stateFile = path.join(userDataDir, DIALOG_STATE_FILE);
  return {
    async get() {
      try {
        const parsed = dialogStateSchema.safeParse(JSON.parse(await readFile(stateFile, 'utf8')));
        if (!parsed.success || !path.isAbsolute(parsed.data.lastFolder)) return undefined;
        // A USB stick that is no longer plugged in: fall back rather than open a dead path.
        return (await isFolder(parsed.data.lastFolder)) ? parsed.data.lastFolder : undefined;
      } catch {
        return undefined;
      }
    },
    async remember(folder) {
      try {
        const body = `${JSON.stringify({ lastFolder: folder }, null, 2)}\n`;
        await writeFileAtomic(stateFile, new TextEncoder().encode(body));
      } catch (error) {
        // A convenience only: failing to remember must never fail the save itself.
        console.warn('[last-folder] could not remember folder', error);
      }
    },
  };
}
