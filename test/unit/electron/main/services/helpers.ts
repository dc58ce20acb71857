import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { LastFolderStore } from '../../../../../electron/main/services/last-folder';
import { createFileHandleRegistry } from '../../../../../electron/main/services/file-handles';
import type { SyncFolderService } from '../../../../../electron/main/services/sync-folder';
import { FILE_READ_MAX_BYTES } from '../../../../../shared/ipc';

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

/** Minimal but structurally real documents: what the main process accepts as docx/xlsx/pdf/sclb. */
export function fakeDocx(text = 'docx bytes'): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(`<w:document>${text}</w:document>`) });
}

export function fakeXlsx(): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
}

export function fakePdf(): Uint8Array {
  return strToU8('%PDF-1.7\n%%EOF\n');
}

export function fakeBundle(): Uint8Array {
  // A fixed mtime: fflate stamps the current time otherwise, and two calls either side of a
  // 2-second DOS-time boundary gave different bytes (a "same bytes" test failed now and then).
  return zipSync({ 'manifest.json': strToU8('{}'), 'ops.jsonl': strToU8('') }, { mtime: new Date(2026, 0, 1) });
}

/** A Windows executable: "MZ" header, then a zip appended (a self-extracting archive). */
export function fakeExecutable(): Uint8Array {
  const zip = fakeDocx();
  const exe = new Uint8Array(64 + zip.length);
  exe.set([0x4d, 0x5a]);
  exe.set(zip, 64);
  return exe;
}

/**
 * A sync-folder bundle as the page gets it: opened by the service, read through the handle
 * registry a range at a time, closed. What used to be service.read before issue 10.
 */
export async function readOpenedBundle(service: SyncFolderService, ref: { nodeId: string; bundleId: string }): Promise<Uint8Array> {
  const files = createFileHandleRegistry();
  const { handle, size } = files.register(1, await service.open(ref));
  try {
    const out = new Uint8Array(size);
    for (let at = 0; at < size; at += FILE_READ_MAX_BYTES) out.set(await files.read(1, handle, at, Math.min(size, at + FILE_READ_MAX_BYTES)), at);
    return out;
  } finally {
    await files.close(1, handle);
  }
}
