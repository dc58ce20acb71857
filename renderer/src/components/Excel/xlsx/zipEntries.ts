import { Inflate } from 'fflate';

/**
 * The entries of an .xlsx (a zip) read from the bytes in memory, each inflated as a stream of
 * chunks: the central directory says where every part is, so the reader can take the shared
 * strings and styles before the sheets whatever order the writer stored them in (Excel stores
 * the sheets first), and a 100,000-row sheet is never inflated into one buffer.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipFormatError extends Error {}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** Compressed bytes handed to the inflater at a time. */
const STEP = 64 * 1024;
/** Inflated bytes of one part at most (a zip bomb stops here, not at the machine's memory). */
export const MAX_PART_BYTES = 2 * 1024 * 1024 * 1024;

export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const out = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw new ZipFormatError('bad central directory');
    const nameLength = u16(bytes, p + 28);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/\\/g, '/');
    out.set(name.replace(/^\//, ''), { name, method: u16(bytes, p + 10), compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24), localOffset: u32(bytes, p + 42) });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return out;
}

function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const p = e.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== SIG_LOCAL) throw new ZipFormatError(`no local header for ${e.name}`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  if (start + e.compressedSize > bytes.length) throw new ZipFormatError(`${e.name} is cut off`);
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * Calls `onText` with the entry's text a chunk at a time (UTF-8 decoded across chunk
 * boundaries) and `onProgress` with the share of its compressed bytes consumed.
 */
export function streamEntryText(bytes: Uint8Array, e: ZipEntry, onText: (text: string) => void, onProgress?: (share: number) => void): void {
  const data = entryData(bytes, e);
  const decoder = new TextDecoder('utf-8');
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += STEP) {
      onText(decoder.decode(data.subarray(i, i + STEP), { stream: true }));
      onProgress?.(Math.min(1, (i + STEP) / data.length));
    }
    onText(decoder.decode());
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`${e.name}: compression method ${e.method}`);
  let inflated = 0;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
    if (inflated > MAX_PART_BYTES) throw new ZipFormatError(`${e.name} inflates past ${MAX_PART_BYTES} bytes`);
    onText(decoder.decode(chunk, { stream: true }));
  });
  if (data.length === 0) inflater.push(data, true);
  for (let i = 0; i < data.length; i += STEP) {
    inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    onProgress?.(Math.min(1, (i + STEP) / data.length));
  }
  onText(decoder.decode());
}

/** The whole text of a small entry (workbook, relationships, styles). */
export function entryText(bytes: Uint8Array, e: ZipEntry): string {
  const parts: string[] = [];
  streamEntryText(bytes, e, (t) => parts.push(t));
  return parts.join('');
}
