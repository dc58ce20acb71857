/**
 * The app's bundle reader (issue 10 "Speed and memory", issue 11): a bundle read from a file in
 * slices (zipsource.ts ByteSource), with the runtime's native inflater (DecompressionStream) and
 * SHA-256 (crypto.subtle) where there are, the pure ones elsewhere. The same checks as readBundle
 * in the same order, and the same refusals — with one exception of order only: the local header
 * of an attachment file is checked when that file is verified (one read for header and bytes
 * instead of thousands of small reads first); a bundle is still refused before anything is
 * returned.
 *
 * What it holds at once: the manifest, the inflated ops.jsonl (crypto.subtle hashes a whole
 * buffer) and the ops parsed from it — never the whole zip, nor the ops as one text or a split
 * copy of it (parseOps decodes 256 KB of whole lines at a time). Attachment files are verified
 * one at a time: read, hashed, released.
 */
import {
  bundleFileEntries,
  checkFileEntries,
  FILE_ENTRY_PATTERN,
  FILE_ENTRY_PREFIX,
  fileHashMismatch,
  limitsOf,
  MANIFEST_ENTRY,
  OPS_ENTRY,
  sha256HexAsync,
  verifyBundle,
  type BundleFile,
  type ReadBundleOptions,
  type ReadBundleResult,
} from './bundle';
import type { CentralEntry } from './zipread';
import { bytesSource, inflateSourceEntry, locateLate, locateSourceEntries, readStoredEntry, type ByteSource, type SourceEntry } from './zipsource';

export type ReadBundleSourceOptions = ReadBundleOptions & {
  /** false: fflate and pure SHA-256 even where the runtime has native ones (tests compare both). */
  native?: boolean;
};

/** Verify and decode a bundle read from `source`; throws BundleError as readBundle does. */
export async function readBundleFromSource(source: ByteSource, options: ReadBundleSourceOptions): Promise<ReadBundleResult> {
  const native = options.native !== false;
  const isFile = (name: string) => FILE_ENTRY_PATTERN.test(name);
  const { located, late } = await locateSourceEntries(source, [MANIFEST_ENTRY, OPS_ENTRY], limitsOf(options), bundleFileEntries, isFile);
  const result = await readManifestAndOps(source, located, options, native);
  const files = checkFileEntries(
    late.map((entry) => ({ sha256: entry.name.slice(FILE_ENTRY_PREFIX.length), entry })),
    result,
  );
  const verified: BundleFile[] = [];
  for (const f of files) verified.push(await verifyFile(source, f.entry, f.sha256, native));
  return { ...result, files: verified };
}

/**
 * Manifest and ops, inflated, hashed and verified. Its own function so that the inflated ops.jsonl
 * is garbage as soon as the ops are parsed, before the attachment files are read.
 */
async function readManifestAndOps(source: ByteSource, located: SourceEntry[], options: ReadBundleSourceOptions, native: boolean): Promise<Omit<ReadBundleResult, 'files'>> {
  const inflated = new Map<string, Uint8Array>();
  for (const l of located) inflated.set(l.entry.name, await inflateSourceEntry(l, source, native));
  const opsBytes = inflated.get(OPS_ENTRY);
  const opsSha = opsBytes ? await sha256HexAsync(opsBytes, native) : '';
  return verifyBundle(inflated, options, () => opsSha);
}

/** readBundleFromSource over bytes in memory (Electron's main process hands the renderer bytes; tests). */
export function readBundleAsync(bytes: Uint8Array, options: ReadBundleSourceOptions): Promise<ReadBundleResult> {
  return readBundleFromSource(bytesSource(bytes), options);
}

/**
 * One attachment file: read (stored: header and bytes in one read; deflated: inflated in
 * slices), hashed, released. The result reads it again on demand, or names its range.
 */
async function verifyFile(source: ByteSource, entry: CentralEntry, sha256: string, native: boolean): Promise<BundleFile> {
  if (entry.method === 0) {
    const { data, start, read } = await readStoredEntry(source, entry);
    const hash = await sha256HexAsync(data, native);
    // crypto.subtle copied the bytes when called: what was read can go now, not at the next GC.
    source.release?.(read);
    if (hash !== sha256) throw fileHashMismatch(sha256);
    return {
      sha256,
      size: entry.size,
      range: { start, end: start + entry.size },
      bytes: async () => (await readStoredEntry(source, entry)).data,
    };
  }
  const at = await locateLate(source, entry);
  if ((await sha256HexAsync(await inflateSourceEntry(at, source, native), native)) !== sha256) throw fileHashMismatch(sha256);
  return { sha256, size: entry.size, bytes: () => inflateSourceEntry(at, source, native) };
}
