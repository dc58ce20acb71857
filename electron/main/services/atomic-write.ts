/**
 * Every file the app writes goes through here: temp file in the same folder, fsync, rename.
 * A power cut or a crash leaves either the old file or the new one, never half of each.
 * `atomically` also retries EPERM/EBUSY on rename, which Windows antivirus scanners cause
 * by briefly locking freshly written files.
 */
import { rm } from 'node:fs/promises';
import { writeFile } from 'atomically';

export type AtomicWriter = (filePath: string, bytes: Uint8Array) => Promise<void>;

export interface AtomicWriteHooks {
  /** Called once the temp file exists; throwing aborts the write (used by tests). */
  onTempCreated?: (tempPath: string) => void;
}

export async function writeFileAtomic(filePath: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  let tempPath: string | undefined;
  try {
    await writeFile(filePath, bytes, {
      tmpCreated: (created) => {
        tempPath = created;
        hooks.onTempCreated?.(created);
      },
    });
  } catch (error) {
    // atomically unlinks its temp file without awaiting it; remove it ourselves so that a
    // failed save has left nothing behind by the time the caller hears about it.
    if (tempPath) await rm(tempPath, { force: true });
    throw error;
  }
}
