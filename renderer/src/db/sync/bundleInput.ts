/**
 * A bundle as the renderer gets it (issue 10 "Speed and memory"): a File/Blob from a file input
 * or a folder handle (web), or bytes the main process read (desktop). A Blob is read in slices
 * (shared/sync/zipsource.ts) and never whole into the page; its attachment files are stored as
 * slices of it (attachmentFiles.ts), never copied through the page.
 */
import { bytesSource, type ByteSource } from '../../../../shared/sync';

export type BundleInput = Uint8Array | Blob;

/** The input as a Blob, or null for bytes (ArrayBuffer.isView: true across realms, unlike instanceof). */
export const bundleBlob = (input: BundleInput | undefined): Blob | null => (input === undefined || ArrayBuffer.isView(input) ? null : input);

/** Size in bytes of a bundle input. */
export const bundleSize = (input: BundleInput): number => bundleBlob(input)?.size ?? (input as Uint8Array).length;

/**
 * A Blob read a range at a time. The ranges are fresh copies: `release` frees one as soon as the
 * reader is done with it (ArrayBuffer.prototype.transfer detaches it and drops its memory)
 * instead of when the page's garbage collector next runs.
 */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    release(bytes) {
      const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer; detached?: boolean };
      if (typeof buffer.transfer === 'function' && !buffer.detached) buffer.transfer(0);
    },
  };
}

export function bundleSource(input: BundleInput): ByteSource {
  const blob = bundleBlob(input);
  return blob ? blobSource(blob) : bytesSource(input as Uint8Array);
}
