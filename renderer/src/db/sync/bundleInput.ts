/**
 * A bundle as the renderer gets it (issue 10 "Speed and memory"): a File/Blob from a file input
 * or a folder handle (web), a RangeFile the main process reads for us (desktop), or bytes (tests,
 * backups). A Blob or RangeFile is read in slices (shared/sync/zipsource.ts) and never whole into
 * the page; a Blob's attachment files are stored as slices of it (attachmentFiles.ts), never
 * copied through the page.
 */
import { bytesSource, freeCopiedRange, type ByteSource } from '../../../../shared/sync';
import type { RangeFile } from '../../platform/Platform';

export type BundleInput = Uint8Array | Blob | RangeFile;

/** A RangeFile: the one input with its own read (a Blob has none, bytes are a view). */
const isRangeFile = (input: BundleInput): input is RangeFile => !ArrayBuffer.isView(input) && typeof (input as RangeFile).read === 'function';

/** The input as a Blob, or null for bytes and RangeFiles (ArrayBuffer.isView: true across realms, unlike instanceof). */
export const bundleBlob = (input: BundleInput | undefined): Blob | null =>
  input === undefined || ArrayBuffer.isView(input) || isRangeFile(input) ? null : input;

/** Size in bytes of a bundle input. */
export const bundleSize = (input: BundleInput): number => (ArrayBuffer.isView(input) ? input.length : input.size);

/** Done with the input: a RangeFile's handle in the main process is closed; nothing else holds one. */
export async function closeBundle(input: BundleInput | undefined): Promise<void> {
  if (input !== undefined && isRangeFile(input)) await input.close();
}

/**
 * A Blob read a range at a time. The ranges are fresh copies: `release` frees one as soon as the
 * reader is done with it (ArrayBuffer.prototype.transfer detaches it and drops its memory)
 * instead of when the page's garbage collector next runs.
 */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    release: freeCopiedRange,
  };
}

export function bundleSource(input: BundleInput): ByteSource {
  if (ArrayBuffer.isView(input)) return bytesSource(input);
  return isRangeFile(input) ? input : blobSource(input);
}
