/**
 * Reading a zip that came from a USB stick, safely (issue 4 "Reading a zip safely"): entries are
 * read in memory by their expected names only (never extracted to paths), and a zip holding any
 * other entry is refused (issue 10: `../../evil.txt` next to a valid bundle); the entry count, the
 * DECLARED sizes and the compression ratio are checked from the central directory BEFORE
 * anything is inflated, and inflation is streamed and stopped as soon as the ACTUAL size passes
 * the declared one (a lying header cannot make us inflate a bomb). CRC-32 is verified too.
 */
import { Inflate } from 'fflate';
import { describeFileKind } from './fileKind';
import { BundleError, formatBytes } from './errors';

export interface ZipLimits {
  /** Largest zip file accepted. */
  maxBytes: number;
  /** Most entries in the central directory. */
  maxEntries: number;
  /** Largest total uncompressed size of the entries read. */
  maxUncompressed: number;
  /** Largest uncompressed/compressed ratio of an entry read. */
  maxRatio: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
/** Compressed bytes fed to the inflater per step: bounds the overshoot of a bomb to ~1000×. */
const INFLATE_CHUNK = 4096;

export interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const latin1 = (b: Uint8Array) => String.fromCharCode(...b);

/** Eight CRC tables for slicing-by-8: 8 bytes per step (~3× the byte-at-a-time loop over 80 MB of ops). */
const CRC_TABLES = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let k = 1; k < 8; k++) for (let n = 0; n < 256; n++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** CRC-32 of `data`; pass the CRC of the bytes before it as `seed` to continue over pieces. */
export function crc32(data: Uint8Array, seed = 0): number {
  const t = CRC_TABLES;
  let c = (seed ^ 0xffffffff) >>> 0;
  let i = 0;
  for (const n = data.length - 8; i <= n; i += 8) {
    const one = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (one & 0xff)] ^
      t[1536 + ((one >>> 8) & 0xff)] ^
      t[1280 + ((one >>> 16) & 0xff)] ^
      t[1024 + (one >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function findEocd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - EOCD_SIZE - 0xffff);
  for (let i = bytes.length - EOCD_SIZE; i >= stop; i--) if (u32(bytes, i) === SIG_EOCD) return i;
  return -1;
}

/** Bytes at the end of a zip that hold its end record: the record plus the longest comment. */
export const ZIP_TAIL_BYTES = EOCD_SIZE + 0xffff;
/** Bytes at the start that say what a file that is not a zip is (describeFileKind reads 4 KB). */
export const ZIP_HEAD_BYTES = 4097;

/**
 * Where the central directory is, from the file's first bytes (`head`, up to ZIP_HEAD_BYTES) and
 * its last ones (`tail`, up to ZIP_TAIL_BYTES, starting at `tailStart`) — so a reader of a file
 * in slices (zipsource.ts) refuses exactly what the in-memory one does.
 */
export function findCentralDirectory(size: number, head: Uint8Array, tail: Uint8Array, tailStart: number, limits: ZipLimits): { count: number; cdOffset: number; eocd: number } {
  // Each failure says what the file is (issue 8 item 16): empty, something else renamed, or a cut copy.
  if (size === 0) throw new BundleError('empty', '文件是空的（0 字节），不是数据包，可能复制时没有写入内容，请从原电脑重新复制');
  const looksLikeZip = size >= 4 && u32(head, 0) === SIG_LOCAL;
  if (!looksLikeZip) {
    throw new BundleError('not-zip', `文件不是数据包：这是一个${describeFileKind(head)}，不是 SciLedger 数据包（.sclb），请选择从“数据交换”导出的文件`);
  }
  const found = size >= EOCD_SIZE ? findEocd(tail) : -1;
  if (found < 0) {
    throw new BundleError('truncated', `数据包不完整：文件在复制时被截断（只有 ${formatBytes(size)}，缺少结尾部分），请从原电脑重新复制`);
  }
  const eocd = tailStart + found;
  const count = u16(tail, found + 10);
  const cdSize = u32(tail, found + 12);
  const cdOffset = u32(tail, found + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new BundleError('unsupported-zip', '数据包使用了不支持的 zip64 格式');
  if (count > limits.maxEntries) throw new BundleError('too-many-entries', `数据包中的文件过多（${count} 个，上限 ${limits.maxEntries} 个）`);
  if (cdOffset + cdSize > eocd) throw new BundleError('truncated', '数据包不完整（zip 目录超出文件范围），请重新复制');
  return { count, cdOffset, eocd };
}

/** The `count` entries of a central directory; `cd` holds the file's bytes from `cdOffset` to its end record. */
export function parseCentralDirectory(cd: Uint8Array, count: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL) throw new BundleError('corrupted', '数据包已损坏（zip 目录无效）');
    const nameLen = u16(cd, p + 28);
    const next = p + 46 + nameLen + u16(cd, p + 30) + u16(cd, p + 32);
    if (next > cd.length) throw new BundleError('corrupted', '数据包已损坏（zip 目录无效）');
    entries.push({
      flags: u16(cd, p + 8),
      method: u16(cd, p + 10),
      crc: u32(cd, p + 16),
      compressedSize: u32(cd, p + 20),
      size: u32(cd, p + 24),
      localOffset: u32(cd, p + 42),
      name: latin1(cd.subarray(p + 46, p + 46 + nameLen)),
    });
    p = next;
  }
  return entries;
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): CentralEntry[] {
  const tailStart = Math.max(0, bytes.length - ZIP_TAIL_BYTES);
  const { count, cdOffset, eocd } = findCentralDirectory(bytes.length, bytes.subarray(0, ZIP_HEAD_BYTES), bytes.subarray(tailStart), tailStart, limits);
  return parseCentralDirectory(bytes.subarray(cdOffset, eocd), count);
}

function checkDeclared(e: CentralEntry, limits: ZipLimits): void {
  if (e.flags & 1) throw new BundleError('unsupported-zip', `数据包中的“${e.name}”已加密，无法读取`);
  if (e.method !== 0 && e.method !== 8) throw new BundleError('unsupported-zip', `数据包中的“${e.name}”使用了不支持的压缩方式`);
  if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new BundleError('unsupported-zip', '数据包使用了不支持的 zip64 格式');
  if (e.size > limits.maxUncompressed) {
    throw new BundleError('zip-bomb', `数据包中的“${e.name}”解压后过大（声明 ${formatBytes(e.size)}，上限 ${formatBytes(limits.maxUncompressed)}），疑似压缩炸弹，已拒绝`);
  }
  const ratio = e.compressedSize === 0 ? (e.size === 0 ? 0 : Infinity) : e.size / e.compressedSize;
  if (ratio > limits.maxRatio) {
    throw new BundleError('zip-bomb', `数据包中的“${e.name}”压缩比异常（${Number.isFinite(ratio) ? Math.round(ratio) : '∞'} 倍，上限 ${limits.maxRatio} 倍），疑似压缩炸弹，已拒绝`);
  }
  if (e.method === 0 && e.compressedSize !== e.size) throw new BundleError('corrupted', `数据包已损坏（“${e.name}”的大小不一致）`);
}

export function inflateBounded(e: CentralEntry, data: Uint8Array): Uint8Array {
  if (e.method === 0) return data.slice();
  const out = new Uint8Array(e.size);
  let written = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > e.size) {
      throw new BundleError('zip-bomb', `数据包已损坏或为压缩炸弹：“${e.name}”实际解压大小超过声明的 ${formatBytes(e.size)}，已停止解压并拒绝`);
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) done = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
  } catch (err) {
    if (err instanceof BundleError) throw err;
    throw new BundleError('corrupted', `数据包已损坏（“${e.name}”无法解压）`);
  }
  if (!done || written !== e.size) throw new BundleError('corrupted', `数据包已损坏（“${e.name}”解压后大小不一致）`);
  return out;
}

/** An entry name as it may be shown to a clerk: control characters replaced, length bounded. */
function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/**
 * The entries named in `wanted`, each read in memory. Absent names are absent from the map. An
 * entry with any other name refuses the whole zip before anything is inflated (DESIGN §Sync:
 * "Nothing else may be in it"). Throws BundleError.
 */
export function readZipEntries(bytes: Uint8Array, wanted: readonly string[], limits: ZipLimits, extra?: ExtraEntries): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const { entry, data } of locateZipEntries(bytes, wanted, limits, extra)) out.set(entry.name, checkCrc(entry, inflateBounded(entry, data)));
  return out;
}

/** Other entries a zip may hold besides `wanted` (bundles: `files/<sha256>`), and how to name them in a refusal. */
export interface ExtraEntries {
  allowed(name: string): boolean;
  /** e.g. "files/<SHA-256>": appended to the list of what the zip may contain. */
  described: string;
}

/** An entry's inflated bytes, refused when their CRC-32 differs from the directory's. */
export function checkCrc(e: CentralEntry, data: Uint8Array): Uint8Array {
  if (crc32(data) !== e.crc) throw new BundleError('corrupted', `数据包已损坏（“${e.name}”的 CRC 校验失败）`);
  return data;
}

export const NOT_A_BUNDLE_ZIP = '文件不是 SciLedger 数据包：这是一个 zip 压缩包（或 Word/Excel 文件），其中没有数据包的清单和数据';

/**
 * Every check that needs no inflating — size, entry count, names, declared sizes and ratio,
 * local headers — then the compressed bytes of each wanted entry (readZipEntries inflates them
 * here; zipsource.ts reads a file in slices with the same checks).
 */
export function locateZipEntries(bytes: Uint8Array, wanted: readonly string[], limits: ZipLimits, extra?: ExtraEntries): { entry: CentralEntry; data: Uint8Array }[] {
  checkZipSize(bytes.length, limits);
  const chosen = chooseEntries(readCentralDirectory(bytes, limits), wanted, limits, extra);
  return chosen.map((e) => {
    const start = entryDataStart(e, bytes.subarray(e.localOffset, e.localOffset + LOCAL_HEADER_SIZE), bytes.length);
    return { entry: e, data: bytes.subarray(start, start + e.compressedSize) };
  });
}

export function checkZipSize(size: number, limits: ZipLimits): void {
  if (size > limits.maxBytes) {
    throw new BundleError('oversized', `数据包文件过大（${formatBytes(size)}，上限 ${formatBytes(limits.maxBytes)}）`);
  }
}

/**
 * The entries of a directory that will be read, after every check on names and declared sizes
 * (nothing is inflated before these pass).
 */
export function chooseEntries(entries: readonly CentralEntry[], wanted: readonly string[], limits: ZipLimits, extra?: ExtraEntries): CentralEntry[] {
  // A zip holding none of the bundle's parts is some other file (a .docx, an archive), not a
  // tampered bundle: say what it is before complaining about its entries.
  if (!entries.some((e) => wanted.includes(e.name))) throw new BundleError('not-a-bundle', NOT_A_BUNDLE_ZIP);
  const chosen = new Map<string, CentralEntry>();
  for (const e of entries) {
    if (!wanted.includes(e.name) && !extra?.allowed(e.name)) {
      const may = extra ? `${wanted.join('、')} 和 ${extra.described}` : wanted.join(' 和 ');
      throw new BundleError('unexpected-entry', `数据包中有不应存在的文件“${shownName(e.name)}”（数据包只能包含 ${may}），可能被改动过，已拒绝`);
    }
    if (chosen.has(e.name)) throw new BundleError('duplicate-entry', `数据包中有重复的“${e.name}”`);
    chosen.set(e.name, e);
  }
  // Every check on declared sizes happens before the first byte is inflated.
  let total = 0;
  for (const e of chosen.values()) {
    checkDeclared(e, limits);
    total += e.size;
  }
  if (total > limits.maxUncompressed) {
    throw new BundleError('zip-bomb', `数据包解压后过大（声明共 ${formatBytes(total)}，上限 ${formatBytes(limits.maxUncompressed)}），疑似压缩炸弹，已拒绝`);
  }
  return [...chosen.values()];
}

/** Size of a local file header without its name and extra field. */
export const LOCAL_HEADER_SIZE = 30;

/**
 * Where an entry's compressed bytes start, from its local header (`local`: the file's bytes at
 * `localOffset`, at least LOCAL_HEADER_SIZE of them when the file has them); `size`: the file's.
 */
export function entryDataStart(e: CentralEntry, local: Uint8Array, size: number): number {
  const p = e.localOffset;
  if (p + LOCAL_HEADER_SIZE > size || local.length < LOCAL_HEADER_SIZE || u32(local, 0) !== SIG_LOCAL) throw new BundleError('corrupted', `数据包已损坏（找不到“${e.name}”的数据）`);
  const start = p + LOCAL_HEADER_SIZE + u16(local, 26) + u16(local, 28);
  if (start + e.compressedSize > size) throw new BundleError('truncated', '数据包不完整（zip 文件被截断），请重新复制');
  return start;
}
