/**
 * Writing into a folder other people can change (the sync folder): the temp file is created
 * with an exclusive create beside the target — it cannot already exist, so no planted link or
 * file is ever opened and written through — flushed, then renamed onto the target name. A
 * rename replaces a link at the target name rather than writing where it points.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

export interface ExclusiveWriteHooks {
  /** Called once the temp file is written and closed; throwing aborts the write (tests). */
  onTempWritten?: (tempPath: string) => void | Promise<void>;
  /** Called right before the rename (tests re-check the folder here). */
  beforeRename?: () => void | Promise<void>;
}

const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const EXCLUSIVE_CREATE = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | NO_FOLLOW;
/** Antivirus scanners briefly lock fresh files on Windows: retry the rename for ~2 s. */
const RENAME_RETRIES = 20;
const RENAME_RETRY_MS = 100;

/** "<name>.tmp-<ms><hex>": the temp-file shape the folder listing skips (isTempFileName). */
export function tempNameFor(target: string): string {
  return `${target}.tmp-${Date.now()}${randomBytes(6).toString('hex')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function writeFileExclusive(target: string, bytes: Uint8Array, hooks: ExclusiveWriteHooks = {}): Promise<void> {
  const temp = tempNameFor(target);
  let created = false;
  try {
    const handle = await open(temp, EXCLUSIVE_CREATE, 0o644);
    created = true;
    try {
      let offset = 0;
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
        offset += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.onTempWritten?.(temp);
    await hooks.beforeRename?.();
    for (let attempt = 0; ; attempt += 1) {
      try {
        await rename(temp, target);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (attempt >= RENAME_RETRIES || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
        await sleep(RENAME_RETRY_MS);
      }
    }
  } catch (error) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
