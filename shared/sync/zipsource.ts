/**
 * Reading a zip from a file in slices (issue 10 "Speed and memory"): the app gets a bundle as a
 * file (a File/Blob on the web platform, a file the main process reads on desktop), and holding
 * the whole of it, the whole inflated text and its copies at once is what pushed a 100,000-op
 * read past 500 MB. This reads the end record and central directory first, then each entry's
 * compressed bytes a slice at a time through the inflater — with every check of zipread.ts, in
 * the same order, so a file read here is refused exactly as the same bytes in memory.
 *
 * shared/ stays pure: the file is reached through `ByteSource` (the renderer implements it over a
 * Blob, renderer/src/db/sync/bundleInput.ts, and over the desktop main process's reads of the file,
 * renderer/src/platform/ipcRangeFile.ts; `bytesSource` serves bytes already in memory, e.g. a
 * backup or a test), the way folderProtocol.ts takes a file system.
 */
import { BundleError, formatBytes } from './errors';
import {
  checkZipSize,
  chooseEntries,
  crc32,
  entryDataStart,
  findCentralDirectory,
  LOCAL_HEADER_SIZE,
  parseCentralDirectory,
  ZIP_HEAD_BYTES,
  ZIP_TAIL_BYTES,
  type CentralEntry,
  type ExtraEntries,
  type ZipLimits,
} from './zipread';
import { Inflate } from 'fflate';

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface ByteWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
interface DecompressionStreamLike {
  readable: { getReader(): ByteReader };
  writable: { getWriter(): ByteWriter };
}
type Inflater = new (format: string) => DecompressionStreamLike;

/**
 * The runtime's native `DecompressionStream('deflate-raw')` (Chromium, Electron, Node ≥ 18; issue
 * 10 measured 0.31 s instead of fflate's 2.0 s for a 100,000-op bundle), or null.
 */
export function nativeInflater(): Inflater | null {
  const ctor = (globalThis as unknown as { DecompressionStream?: Inflater }).DecompressionStream;
  if (!ctor) return null;
  try {
    new ctor('deflate-raw');
    return ctor;
  } catch {
    return null; // a runtime without 'deflate-raw'
  }
}

/** A file read in byte ranges. */
export interface ByteSource {
  readonly size: number;
  /** The bytes [start, end) — never past `size`. */
  read(start: number, end: number): Promise<Uint8Array>;
  /**
   * Called with a range this reader got from `read` once it is done with it: a source that hands
   * out fresh copies may free them now instead of when the garbage collector runs.
   */
  release?(bytes: Uint8Array): void;
}

/**
 * Frees a range a source handed out as a fresh copy (a Blob slice, a read from another process)
 * now rather than at the next garbage collection: ArrayBuffer.prototype.transfer detaches it and
 * drops its memory, where the runtime has it.
 */
export function freeCopiedRange(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer; detached?: boolean };
  if (typeof buffer.transfer === 'function' && !buffer.detached) buffer.transfer(0);
}

/** A source over bytes already in memory: reads are views, nothing is copied. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

/** Compressed bytes read and fed to the inflater per step: bounds what a read holds of the file. */
export const SOURCE_SLICE_BYTES = 1024 * 1024;

/** An entry whose data starts at `start` (its local header checked). */
export interface SourceEntry {
  entry: CentralEntry;
  start: number;
}

/**
 * zipread.ts locateZipEntries on a source: size, end record, directory, names, declared sizes
 * and ratio — then the local headers of the entries `lateHeader` does not name (those, e.g. a
 * bundle's many attachment files, are checked when read: readStoredEntry / inflateSourceEntry
 * read the header with the data in one go instead of one small read each up front).
 */
export async function locateSourceEntries(
  source: ByteSource,
  wanted: readonly string[],
  limits: ZipLimits,
  extra?: ExtraEntries,
  lateHeader: (name: string) => boolean = () => false,
): Promise<{ located: SourceEntry[]; late: CentralEntry[] }> {
  const { size } = source;
  checkZipSize(size, limits);
  const head = size === 0 ? new Uint8Array(0) : await source.read(0, Math.min(size, ZIP_HEAD_BYTES));
  const tailStart = Math.max(0, size - ZIP_TAIL_BYTES);
  const tail = head.length === size ? head.subarray(tailStart) : await source.read(tailStart, size);
  const { count, cdOffset, eocd } = findCentralDirectory(size, head, tail, tailStart, limits);
  const cd = cdOffset >= tailStart ? tail.subarray(cdOffset - tailStart, eocd - tailStart) : await source.read(cdOffset, eocd);
  const chosen = chooseEntries(parseCentralDirectory(cd, count), wanted, limits, extra);
  const located: SourceEntry[] = [];
  const late: CentralEntry[] = [];
  for (const e of chosen) {
    if (lateHeader(e.name)) {
      late.push(e);
      continue;
    }
    const local = e.localOffset < size ? await source.read(e.localOffset, Math.min(size, e.localOffset + LOCAL_HEADER_SIZE)) : new Uint8Array(0);
    located.push({ entry: e, start: entryDataStart(e, local, size) });
  }
  return { located, late };
}

/** Room read past a stored entry's name for its local extra field (SciLedger writes none). */
const LOCAL_EXTRA_ALLOWANCE = 64;

/**
 * A stored (method 0) entry with its local header, in one read: the header is checked as in
 * locateSourceEntries, the bytes against the CRC. Returns the data (a view of what was read) and
 * where it lies in the file.
 */
export async function readStoredEntry(source: ByteSource, e: CentralEntry): Promise<{ data: Uint8Array; start: number; read: Uint8Array }> {
  const { size } = source;
  const guess = Math.min(size, e.localOffset + LOCAL_HEADER_SIZE + e.name.length + LOCAL_EXTRA_ALLOWANCE + e.compressedSize);
  let read = e.localOffset < size ? await source.read(e.localOffset, guess) : new Uint8Array(0);
  const start = entryDataStart(e, read, size);
  if (start + e.compressedSize > e.localOffset + read.length) {
    source.release?.(read);
    read = await source.read(e.localOffset, start + e.compressedSize);
  }
  const data = read.subarray(start - e.localOffset, start - e.localOffset + e.compressedSize);
  if (crc32(data) !== e.crc) {
    source.release?.(read);
    throw new BundleError('corrupted', `数据包已损坏（“${e.name}”的 CRC 校验失败）`);
  }
  return { data, start, read };
}

/** The local header of an entry that locateSourceEntries left for later. */
export async function locateLate(source: ByteSource, e: CentralEntry): Promise<SourceEntry> {
  const local = e.localOffset < source.size ? await source.read(e.localOffset, Math.min(source.size, e.localOffset + LOCAL_HEADER_SIZE)) : new Uint8Array(0);
  return { entry: e, start: entryDataStart(e, local, source.size) };
}

const bombMessage = (e: CentralEntry) => `数据包已损坏或为压缩炸弹：“${e.name}”实际解压大小超过声明的 ${formatBytes(e.size)}，已停止解压并拒绝`;

/**
 * An entry's inflated bytes, read from the source a slice at a time: natively
 * (DecompressionStream('deflate-raw')) where the runtime has it, else by fflate. The output is
 * stopped as soon as it passes the declared size (a lying header cannot make us inflate a
 * bomb), and its CRC-32 is computed as it arrives and checked at the end.
 */
export async function inflateSourceEntry({ entry: e, start }: SourceEntry, source: ByteSource, native = true): Promise<Uint8Array> {
  const end = start + e.compressedSize;
  const out = new Uint8Array(e.size);
  let written = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    if (written + chunk.length > e.size) throw new BundleError('zip-bomb', bombMessage(e));
    out.set(chunk, written);
    crc = crc32(chunk, crc);
    written += chunk.length;
  };
  if (e.method === 0) {
    for (let at = start; at < end; at += SOURCE_SLICE_BYTES) {
      const slice = await source.read(at, Math.min(end, at + SOURCE_SLICE_BYTES));
      take(slice);
      source.release?.(slice);
    }
  } else {
    const ctor = native ? nativeInflater() : null;
    let ended = true;
    try {
      if (ctor) await inflateNativeSlices(ctor, source, start, end, take);
      else ended = await inflatePureSlices(source, start, end, take);
    } catch (err) {
      if (err instanceof BundleError) throw err;
      throw new BundleError('corrupted', `数据包已损坏（“${e.name}”无法解压）`);
    }
    if (!ended) throw new BundleError('corrupted', `数据包已损坏（“${e.name}”解压后大小不一致）`);
  }
  if (written !== e.size) throw new BundleError('corrupted', `数据包已损坏（“${e.name}”解压后大小不一致）`);
  if (crc !== e.crc) throw new BundleError('corrupted', `数据包已损坏（“${e.name}”的 CRC 校验失败）`);
  return out;
}

async function inflateNativeSlices(ctor: Inflater, source: ByteSource, start: number, end: number, take: (chunk: Uint8Array) => void): Promise<void> {
  const stream = new ctor('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // The slices are fed in the background (the writer's back-pressure keeps only a few in
  // flight); a failure on either side ends both.
  let stop = false;
  const fed = (async () => {
    for (let at = start; at < end && !stop; at += SOURCE_SLICE_BYTES) await writer.write(await source.read(at, Math.min(end, at + SOURCE_SLICE_BYTES)));
    if (!stop) await writer.close();
  })();
  fed.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) take(value);
    }
    await fed;
  } catch (err) {
    stop = true;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    throw err;
  }
}

/** Compressed bytes per push to fflate: bounds the overshoot of a bomb to ~1000× (zipread.ts). */
const PURE_INFLATE_CHUNK = 4096;

/** fflate over the slices; false when the deflate stream did not end. */
async function inflatePureSlices(source: ByteSource, start: number, end: number, take: (chunk: Uint8Array) => void): Promise<boolean> {
  let final = false;
  const inflater = new Inflate((chunk, last) => {
    take(chunk);
    if (last) final = true;
  });
  if (start === end) inflater.push(new Uint8Array(0), true);
  for (let at = start; at < end; at += SOURCE_SLICE_BYTES) {
    const slice = await source.read(at, Math.min(end, at + SOURCE_SLICE_BYTES));
    for (let i = 0; i < slice.length; i += PURE_INFLATE_CHUNK) inflater.push(slice.subarray(i, i + PURE_INFLATE_CHUNK), at + i + PURE_INFLATE_CHUNK >= end);
    source.release?.(slice);
  }
  return final;
}
