/**
 * The bundle file `.sclb` (DESIGN §Sync): a zip of `manifest.json` + `ops.jsonl`. Writing is
 * plain; reading is where the care goes: everything is verified — zip structure and sizes
 * (zipread.ts), manifest, versions, origin, checksum, every op — BEFORE anything is returned, so
 * a refused bundle cannot touch the database (issue 4 "the database is byte-for-byte unchanged").
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { isoDateTime } from '../domain/common';
import { ledgerTableNames } from '../domain/ledgerTables';
import { BundleError, formatBytes } from './errors';
import { decodeHlc, isHlc } from './hlc';
import { findForbiddenKey } from './json';
import { nodeIdSchema, type OpCheck, type SyncOp } from './op';
import { createOpChecker } from './opCheck';
import { decodeUtf8Strict, strictUtf8Decoder } from './utf8';
import { parseOptions, tableLabel } from './tables';
import { mergeVectors, uncoveredNodes, vectorOf, type Vector } from './vector';
import { checkCrc, inflateBounded, locateZipEntries, NOT_A_BUNDLE_ZIP, type CentralEntry, type ExtraEntries, type ZipLimits } from './zipread';
import { crc32 } from './zipread';
import { storedEntry, writeZip, type PlannedEntry } from './zipwrite';

export const BUNDLE_FORMAT = 'sciledger-bundle';
/**
 * 2: an update names the machine and the vector it was made for (`target`, `base`, issue 10), so
 * a bundle carried to the wrong machine is recognised instead of leaving a permanent gap.
 * 3: attachments' bytes as `files/<sha256>` entries, summed up in the manifest's `files`
 * (issue 11). A bundle without files is still written as 2, so older programs keep reading it;
 * one with files tells an older program to upgrade instead of failing on an unknown entry.
 */
export const BUNDLE_FORMAT_VERSION = 3;
export const BUNDLE_FORMAT_VERSION_WITHOUT_FILES = 2;
/** `files/<lowercase hex SHA-256>`: an attachment's bytes, named by their own hash. */
export const FILE_ENTRY_PREFIX = 'files/';
export const FILE_ENTRY_PATTERN = /^files\/[0-9a-f]{64}$/;
export const fileEntryName = (sha256: string) => `${FILE_ENTRY_PREFIX}${sha256}`;
/** Most attachment files in one bundle (the zip directory is read before anything is inflated). */
export const MAX_BUNDLE_FILES = 20_000;
export const bundleFileEntries: ExtraEntries = { allowed: (name) => FILE_ENTRY_PATTERN.test(name), described: 'files/<SHA-256> 附件文件' };
export const BUNDLE_EXTENSION = '.sclb';
export const MANIFEST_ENTRY = 'manifest.json';
export const OPS_ENTRY = 'ops.jsonl';
/** A manifest is a few KB (the vector grows with the number of machines, not of ops). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** One op is one record's change; settings values are the largest. */
export const MAX_OP_LINE_CHARS = 1024 * 1024;

export const defaultBundleLimits: ZipLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxEntries: 2 + MAX_BUNDLE_FILES,
  maxUncompressed: 512 * 1024 * 1024,
  // ops.jsonl of real ledgers compresses ~10–30×; deflate cannot exceed ~1032×.
  maxRatio: 200,
};

const vectorSchema = z.record(z.string(), z.string()).superRefine((v, ctx) => {
  for (const [node, opId] of Object.entries(v)) {
    if (!nodeIdSchema.safeParse(node).success || !isHlc(opId) || decodeHlc(opId).nodeId !== node) {
      ctx.addIssue({ code: 'custom', message: `vector 中节点“${node}”的时间戳无效`, path: [node] });
    }
  }
});

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  /** The Dexie schema version of the writer (renderer/src/db/schema.ts latestSchemaVersion). */
  schemaVersion: z.number().int().min(1),
  bundleId: z.string().uuid('bundleId 应为 UUID'),
  nodeId: nodeIdSchema,
  nodeName: z.string().max(100),
  createdAt: isoDateTime,
  /** Writer's knowledge: the largest opId it holds per origin node (vector.ts). */
  vector: vectorSchema,
  counts: z.strictObject({
    ops: z.number().int().min(0),
    perTable: z.record(z.string(), z.number().int().min(0)),
  }),
  /** Lowercase hex SHA-256 of the ops.jsonl bytes. */
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/, 'payloadSha256 应为 64 位十六进制'),
  kind: z.enum(['incremental', 'full']),
  /** The machine an update was made for (absent: a full bundle, or one for the sync folder). */
  target: z.strictObject({ nodeId: nodeIdSchema, nodeName: z.string().max(100) }).optional(),
  /**
   * What the receiver was believed to hold when the update was made: its ops are every op above
   * this vector. A machine that does not hold all of `base` would get a gap (issue 10).
   */
  base: vectorSchema.optional(),
  /** The `files/<sha256>` entries the zip holds (absent: none). */
  files: z.strictObject({ count: z.number().int().min(1), bytes: z.number().int().min(1) }).optional(),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

export interface WriteBundleInput {
  ops: readonly SyncOp[];
  nodeId: string;
  nodeName: string;
  /** Dexie schema version of this database. */
  schemaVersion: number;
  /** New UUID per bundle (crypto.randomUUID() on the caller's side: this module is pure). */
  bundleId: string;
  /** ISO time of writing. */
  createdAt: string;
  /** What this node holds: vectorOf(all local ops). Merged with the ops' own vector. */
  vector: Vector;
  /** 'full' = every op (backup, upward export); 'incremental' = opsToSend(…, receiverVector). */
  kind: 'incremental' | 'full';
  /** The machine an update is made for (its name goes into the manifest and the file name). */
  target?: { nodeId: string; nodeName: string };
  /** The receiver vector the ops were chosen with (opsToSend); absent for a full bundle. */
  base?: Vector;
  /** Attachment files the zip will carry (files/<sha256>): their count and total size. */
  files?: { count: number; bytes: number };
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** ops.jsonl bytes: one JSON op per line, in opId order, each line ending in "\n". */
export function encodeOpsJsonl(ops: readonly SyncOp[]): Uint8Array {
  const sorted = [...ops].sort((a, b) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0));
  return strToU8(sorted.map((op) => `${JSON.stringify(op)}\n`).join(''));
}

export function buildManifest(input: WriteBundleInput, opsBytes: Uint8Array): BundleManifest {
  const perTable: Record<string, number> = {};
  for (const op of input.ops) perTable[op.table] = (perTable[op.table] ?? 0) + 1;
  return {
    format: BUNDLE_FORMAT,
    formatVersion: input.files ? BUNDLE_FORMAT_VERSION : BUNDLE_FORMAT_VERSION_WITHOUT_FILES,
    schemaVersion: input.schemaVersion,
    bundleId: input.bundleId,
    nodeId: input.nodeId,
    nodeName: input.nodeName,
    createdAt: input.createdAt,
    vector: mergeVectors(input.vector, vectorOf(input.ops)),
    counts: { ops: input.ops.length, perTable },
    payloadSha256: sha256Hex(opsBytes),
    kind: input.kind,
    ...(input.target ? { target: { nodeId: input.target.nodeId, nodeName: input.target.nodeName.slice(0, 100) } } : {}),
    ...(input.kind === 'incremental' && input.base ? { base: { ...input.base } } : {}),
    ...(input.files ? { files: { count: input.files.count, bytes: input.files.bytes } } : {}),
  };
}

/** Zip the two entries (also used by the bad-bundle corpus to write deliberately wrong ones). */
export function zipBundle(manifest: unknown, opsBytes: Uint8Array, mtime: Date = new Date(Date.UTC(2020, 0, 1))): Uint8Array {
  return zipSync({ [MANIFEST_ENTRY]: strToU8(JSON.stringify(manifest, null, 2)), [OPS_ENTRY]: opsBytes }, { level: 6, mtime });
}

/** The .sclb bytes of a bundle. The caller writes them (atomically, DESIGN §Sync). */
export function writeBundle(input: WriteBundleInput): Uint8Array {
  const opsBytes = encodeOpsJsonl(input.ops);
  const created = new Date(input.createdAt);
  return zipBundle(buildManifest(input, opsBytes), opsBytes, Number.isNaN(created.getTime()) || created.getUTCFullYear() < 1980 ? undefined : created);
}

/** An attachment file to put into a bundle: read when its turn comes, one at a time. */
export interface BundleFileSource {
  sha256: string;
  size: number;
  read(): Promise<Uint8Array>;
}

/**
 * The .sclb bytes of a bundle with attachment files (`files/<sha256>`, stored uncompressed).
 * The archive is one buffer sized in advance; each file is read, copied in and dropped, so the
 * peak is the bundle plus one file. A file whose bytes are not `size` long is a local storage
 * fault: refused rather than sent (the receiver would refuse the whole bundle).
 */
export async function writeBundleWithFiles(input: Omit<WriteBundleInput, 'files'>, files: readonly BundleFileSource[]): Promise<{ bytes: Uint8Array; manifest: BundleManifest }> {
  const opsBytes = encodeOpsJsonl(input.ops);
  const bytesTotal = files.reduce((n, f) => n + f.size, 0);
  const manifest = buildManifest({ ...input, ...(files.length > 0 ? { files: { count: files.length, bytes: bytesTotal } } : {}) }, opsBytes);
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  const head = [
    { name: MANIFEST_ENTRY, raw: manifestBytes },
    { name: OPS_ENTRY, raw: opsBytes },
  ].map(({ name, raw }) => ({ name, raw, packed: deflateSync(raw, { level: 6 }) }));
  const entries: PlannedEntry[] = [
    ...head.map((h) => ({ name: h.name, size: h.packed.length, rawSize: h.raw.length, method: 8 as const })),
    ...files.map((f) => ({ name: fileEntryName(f.sha256), size: f.size, rawSize: f.size, method: 0 as const })),
  ];
  const created = new Date(input.createdAt);
  const mtime = Number.isNaN(created.getTime()) || created.getUTCFullYear() < 1980 ? undefined : created;
  const bytes = await writeZip(
    entries,
    async (i) => {
      if (i < head.length) return { data: head[i].packed, crc: crc32(head[i].raw) };
      const f = files[i - head.length];
      const data = await f.read();
      if (data.length !== f.size) throw new Error(`附件文件 ${f.sha256.slice(0, 12)}… 的大小与记录不符（本机存储可能已损坏）`);
      return storedEntry(data);
    },
    mtime,
  );
  return { bytes, manifest };
}

export interface ReadBundleOptions extends Partial<ZipLimits> {
  /** Newest bundle format this program reads; default BUNDLE_FORMAT_VERSION. */
  expectedFormatVersion?: number;
  /** The local Dexie schema version: a bundle written by a newer schema is refused. */
  currentSchemaVersion: number;
  /** A bundle written by this node is refused (it would be our own outbox). */
  localNodeId: string;
  /** Tables the local database has; default every table of ledgerTables. */
  knownTables?: Iterable<string>;
  /**
   * What the reading machine holds (its vector). When given, an update whose `base` it does not
   * cover is refused ('base-not-covered'): importing it would make the vector claim ops the
   * machine never received, and no later update would resend them (issue 10).
   */
  localVector?: Vector;
  /**
   * The op checker for one read; default createOpChecker (opCheck.ts). Tests and the read bench
   * pass the reference (checkOpBySchema) to compare the two on the same bundle.
   */
  opChecker?: (knownTables?: ReadonlySet<string>) => (raw: unknown) => OpCheck;
}

export interface ReadBundleResult {
  manifest: BundleManifest;
  /** Every op, validated, in opId order. */
  ops: SyncOp[];
  /** The attachment files, each already hash-verified; their bytes are read on demand. */
  files: BundleFile[];
}

/**
 * An attachment file of a verified bundle. `bytes()` gives its content: for a stored entry (what
 * SciLedger writes) a view into the bundle — no copy —, for a deflated one a fresh inflate, so
 * the verified files are never all held inflated at once.
 */
export interface BundleFile {
  sha256: string;
  size: number;
  bytes(): Promise<Uint8Array>;
  /**
   * Where a stored file's bytes lie in the bundle file (readBundleFromSource): a caller holding
   * the file as a Blob may store `blob.slice(start, end)` — the verified bytes, never copied
   * into the page (issue 11) — instead of calling bytes().
   */
  range?: { start: number; end: number };
}

function parseManifest(bytes: Uint8Array, options: ReadBundleOptions): BundleManifest {
  if (bytes.length > MAX_MANIFEST_BYTES) throw new BundleError('manifest-invalid', '数据包清单（manifest.json）过大');
  const text = decodeUtf8Strict(bytes, '数据包清单（manifest.json）');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BundleError('manifest-not-json', '数据包清单（manifest.json）不是有效的 JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new BundleError('manifest-invalid', '数据包清单（manifest.json）格式无效');
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== null) throw new BundleError('forbidden-key', `数据包清单包含非法键名“${forbidden}”`);
  const r = raw as Record<string, unknown>;
  if (r.format !== BUNDLE_FORMAT) throw new BundleError('not-a-bundle', '文件不是 SciLedger 数据包（清单格式标识不符）');
  // Versions before the strict schema: a newer format may well have fields we do not know.
  const expected = options.expectedFormatVersion ?? BUNDLE_FORMAT_VERSION;
  if (typeof r.formatVersion === 'number' && r.formatVersion > expected) {
    throw new BundleError('newer-format', `数据包格式版本（${r.formatVersion}）高于本程序支持的版本（${expected}），请先升级 SciLedger`);
  }
  if (typeof r.schemaVersion === 'number' && r.schemaVersion > options.currentSchemaVersion) {
    throw new BundleError('newer-schema', `数据包的数据库结构版本（${r.schemaVersion}）高于本机（${options.currentSchemaVersion}），请先升级 SciLedger`);
  }
  const parsed = manifestSchema.safeParse(raw, parseOptions);
  if (!parsed.success) throw new BundleError('manifest-invalid', `数据包清单无效：${describeManifestIssue(parsed.error.issues[0])}`);
  return parsed.data;
}

/** zod's wording for a manifest problem, in Chinese and naming the property. */
function describeManifestIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.') || '清单';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where === '清单' ? '' : where}有未知的属性“${issue.keys.join('”“')}”`;
    case 'invalid_type':
      return `“${where}”缺失或类型不对`;
    default:
      return `“${where}”${issue.message.startsWith(where) ? issue.message.slice(where.length) : `：${issue.message}`}`;
  }
}

/** Bytes of ops.jsonl decoded per call: whole lines, so no text of the whole file is held. */
const DECODE_CHUNK_BYTES = 256 * 1024;

/**
 * ops.jsonl line by line: decoded strictly as UTF-8 a few hundred KB of whole lines at a time (a
 * byte 0x0A never occurs inside a UTF-8 sequence, so a chunk ending at one is valid on its
 * own), so neither the whole text nor a split copy of it is held, and the decoder is not called
 * once per line (its per-call cost was ~15 % of a read). A chunk that fails to decode is decoded
 * again line by line to name the line. Each line is parsed on its own: a chunk parsed as one JSON
 * array (`[` + lines joined by `,` + `]`) measured no faster (slower in Node, within the noise in
 * Chromium), and it would accept an op split across two lines if another line held two.
 */
function parseOps(bytes: Uint8Array, manifest: BundleManifest, knownTables: ReadonlySet<string>, opChecker = createOpChecker): SyncOp[] {
  const ops: SyncOp[] = [];
  const seen = new Set<string>();
  const checkOp = opChecker(knownTables);
  const decoder = strictUtf8Decoder();
  let lineNo = 0;
  const decodeLine = (from: number, to: number): string => {
    const where = `第 ${lineNo + 1} 条操作`;
    if (to - from > MAX_OP_LINE_CHARS * 3) throw new BundleError('op-invalid', `${where}过长`);
    try {
      return decoder.decode(bytes.subarray(from, to));
    } catch {
      throw new BundleError('not-utf8', `${where}含有无效的文字编码（不是 UTF-8），文件可能已损坏或被改动，已拒绝`);
    }
  };
  const take = (line: string) => {
    const where = `第 ${++lineNo} 条操作`;
    if (line.length > MAX_OP_LINE_CHARS) throw new BundleError('op-invalid', `${where}过长`);
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new BundleError('ops-not-json', `${where}不是有效的 JSON`);
    }
    const checked = checkOp(raw);
    if (!checked.ok) throw new BundleError(checked.code, `${where}：${checked.message}`);
    const op = checked.op;
    if (seen.has(op.opId)) throw new BundleError('duplicate-op', `${where}：操作编号重复（${op.opId}）`);
    seen.add(op.opId);
    const known = manifest.vector[op.nodeId];
    if (known === undefined || op.opId > known) throw new BundleError('manifest-invalid', `${where}：不在清单的 vector 范围内`);
    ops.push(op);
  };
  let start = 0;
  while (start < bytes.length) {
    // Whole lines up to the chunk size (the file's last line may lack its "\n").
    let end = start + DECODE_CHUNK_BYTES >= bytes.length ? bytes.length : bytes.lastIndexOf(0x0a, start + DECODE_CHUNK_BYTES);
    // The "\n" that ends the file ends its last line; it does not start an empty one.
    if (end === bytes.length && bytes[end - 1] === 0x0a) end -= 1;
    if (end < start) {
      // One line longer than a chunk: on its own, with its length checked before decoding.
      end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      take(decodeLine(start, end));
      start = end + 1;
      continue;
    }
    let text: string | null;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      text = null;
    }
    if (text === null) {
      // Line by line, to name the line that is not UTF-8.
      for (let from = start; ; ) {
        let to = bytes.indexOf(0x0a, from);
        if (to < 0 || to > end) to = end;
        take(decodeLine(from, to));
        if (to >= end) break;
        from = to + 1;
      }
    } else {
      const lines = text.split('\n');
      for (const line of lines) take(line);
    }
    start = end + 1;
  }
  return ops.sort((a, b) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0));
}

function checkCounts(manifest: BundleManifest, ops: readonly SyncOp[]): void {
  const perTable: Record<string, number> = {};
  for (const op of ops) perTable[op.table] = (perTable[op.table] ?? 0) + 1;
  const declared = manifest.counts.perTable;
  const tables = new Set([...Object.keys(perTable), ...Object.keys(declared)]);
  const wrong = [...tables].find((t) => (perTable[t] ?? 0) !== (declared[t] ?? 0));
  if (manifest.counts.ops !== ops.length || wrong !== undefined) {
    const detail = wrong !== undefined ? `${tableLabel(wrong)}：清单 ${declared[wrong] ?? 0} 条，实际 ${perTable[wrong] ?? 0} 条` : `清单 ${manifest.counts.ops} 条，实际 ${ops.length} 条`;
    throw new BundleError('counts-mismatch', `数据包的操作数量与清单不符（${detail}）`);
  }
}

/** What the clerk is told when an update was made for a machine that held more than this one. */
export function baseNotCoveredMessage(manifest: Pick<BundleManifest, 'nodeName' | 'target'>, localNodeId: string): string {
  const sender = `「${manifest.nodeName || '未命名电脑'}」`;
  if (!manifest.target) {
    return `此更新包是在同步文件夹中为其他电脑制作的，本机还缺少之前的数据。请先导入同步文件夹中更早的数据包，或请${sender}导出全量包后导入。`;
  }
  if (manifest.target.nodeId === localNodeId) {
    return `此更新包是为本机制作的，但本机缺少制作时已有的数据（可能从较早的备份恢复过）。请${sender}导出全量包后导入。`;
  }
  return `此更新包是为「${manifest.target.nodeName || '另一台电脑'}」制作的，本机还缺少之前的数据。请${sender}导出全量包，或先导入${sender}以前给本机的更新包，再导入此包。`;
}

/**
 * Verify and decode a bundle. Throws BundleError (code + Chinese message naming the problem)
 * on the first problem; returns only when everything is valid — the files' hashes included.
 */
export function readBundle(bytes: Uint8Array, options: ReadBundleOptions): ReadBundleResult {
  const { entries, files } = splitEntries(locateZipEntries(bytes, [MANIFEST_ENTRY, OPS_ENTRY], limitsOf(options), bundleFileEntries));
  const inflated = new Map([...entries].map(([name, { entry, data }]) => [name, checkCrc(entry, inflateBounded(entry, data))]));
  const result = verifyBundle(inflated, options, sha256Hex);
  const checked = checkFileEntries(files, result);
  for (const f of checked) {
    const content = checkCrc(f.entry, inflateBounded(f.entry, f.data as Uint8Array));
    if (sha256Hex(content) !== f.sha256) throw fileHashMismatch(f.sha256);
  }
  return { ...result, files: checked.map((f) => ({ sha256: f.sha256, size: f.entry.size, bytes: async () => checkCrc(f.entry, inflateBounded(f.entry, f.data as Uint8Array)) })) };
}

/** A `files/<sha256>` entry; `data` once located (the slice reader locates each when it reads it). */
export interface LocatedFile {
  sha256: string;
  entry: CentralEntry;
  data?: Uint8Array;
}

function splitEntries(located: { entry: CentralEntry; data: Uint8Array }[]): { entries: Map<string, { entry: CentralEntry; data: Uint8Array }>; files: (LocatedFile & { data: Uint8Array })[] } {
  const entries = new Map<string, { entry: CentralEntry; data: Uint8Array }>();
  const files: (LocatedFile & { data: Uint8Array })[] = [];
  for (const l of located) {
    if (FILE_ENTRY_PATTERN.test(l.entry.name)) files.push({ sha256: l.entry.name.slice(FILE_ENTRY_PREFIX.length), ...l });
    else entries.set(l.entry.name, l);
  }
  return { entries, files };
}

export const fileHashMismatch = (sha: string) =>
  new BundleError('file-hash-mismatch', `数据包中的附件文件“${sha.slice(0, 12)}…”内容与其校验值（SHA-256）不符，文件可能已损坏或被改动，整个数据包已拒绝，本机数据未作任何改动`);

/**
 * Attachment ops name the file they link (`sha256`, `size`): every files/ entry must be one of
 * them, of that size, and the manifest must count them — checked before any file is inflated.
 */
export function checkFileEntries<F extends LocatedFile>(files: F[], { manifest, ops }: Omit<ReadBundleResult, 'files'>): F[] {
  const declared = manifest.files;
  const total = files.reduce((n, f) => n + f.entry.size, 0);
  if ((declared?.count ?? 0) !== files.length || (declared?.bytes ?? 0) !== total) {
    throw new BundleError('counts-mismatch', `数据包的附件文件与清单不符（清单 ${declared?.count ?? 0} 个、${formatBytes(declared?.bytes ?? 0)}，实际 ${files.length} 个、${formatBytes(total)}）`);
  }
  const sizes = referencedFiles(ops);
  for (const f of files) {
    const size = sizes.get(f.sha256);
    if (size === undefined) throw new BundleError('file-unreferenced', `数据包中的附件文件“${f.sha256.slice(0, 12)}…”不属于包中任何附件记录，可能被改动过，已拒绝`);
    if (size !== f.entry.size) throw new BundleError('file-unreferenced', `数据包中的附件文件“${f.sha256.slice(0, 12)}…”大小（${formatBytes(f.entry.size)}）与附件记录（${formatBytes(size)}）不符，已拒绝`);
  }
  return files;
}

/** sha256 → size of every file the attachment ops of `ops` link (their creating ops carry both). */
export function referencedFiles(ops: readonly SyncOp[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const op of ops) {
    if (op.table !== 'attachments' || op.deleted) continue;
    const { sha256, size } = op.fields as { sha256?: unknown; size?: unknown };
    if (typeof sha256 === 'string' && typeof size === 'number') out.set(sha256, size);
  }
  return out;
}

interface SubtleLike {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/** SHA-256 by crypto.subtle when the runtime has it (~12× faster in Chromium), else pure. */
export async function sha256HexAsync(bytes: Uint8Array, native = true): Promise<string> {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (!native || !subtle) return sha256Hex(bytes);
  return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
}

export function limitsOf(options: Partial<ZipLimits>): ZipLimits {
  return {
    maxBytes: options.maxBytes ?? defaultBundleLimits.maxBytes,
    maxEntries: options.maxEntries ?? defaultBundleLimits.maxEntries,
    maxUncompressed: options.maxUncompressed ?? defaultBundleLimits.maxUncompressed,
    maxRatio: options.maxRatio ?? defaultBundleLimits.maxRatio,
  };
}

/** Everything after unzipping, in the order the refusals are documented (errors.ts). */
export function verifyBundle(entries: Map<string, Uint8Array>, options: ReadBundleOptions, opsSha256: (opsBytes: Uint8Array) => string): Omit<ReadBundleResult, 'files'> {
  const manifestBytes = entries.get(MANIFEST_ENTRY);
  if (!manifestBytes && !entries.has(OPS_ENTRY)) {
    throw new BundleError('not-a-bundle', NOT_A_BUNDLE_ZIP);
  }
  if (!manifestBytes) throw new BundleError('missing-manifest', '数据包缺少清单文件 manifest.json');
  const manifest = parseManifest(manifestBytes, options);
  if (manifest.nodeId === options.localNodeId) throw new BundleError('same-node', `数据包来自本机（${manifest.nodeName || manifest.nodeId}），无需导入`);
  const opsBytes = entries.get(OPS_ENTRY);
  if (!opsBytes) throw new BundleError('missing-ops', '数据包缺少操作文件 ops.jsonl');
  if (opsSha256(opsBytes) !== manifest.payloadSha256) throw new BundleError('checksum-mismatch', '数据包校验和不一致（ops.jsonl 与清单记录的 SHA-256 不符），文件可能已损坏或被修改');
  const knownTables = new Set(options.knownTables ?? ledgerTableNames);
  const ops = parseOps(opsBytes, manifest, knownTables, options.opChecker);
  checkCounts(manifest, ops);
  if (options.localVector && manifest.base && uncoveredNodes(manifest.base, options.localVector).length > 0) {
    throw new BundleError('base-not-covered', baseNotCoveredMessage(manifest, options.localNodeId));
  }
  return { manifest, ops };
}
