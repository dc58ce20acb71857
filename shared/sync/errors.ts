/**
 * Why a bundle was refused (issue 4 "Bad input": each case gets a clear Chinese message naming
 * the problem). readBundle throws before returning anything, so a refused bundle cannot reach
 * the database.
 */
export type BundleErrorCode =
  | 'oversized' // file larger than maxBytes
  | 'empty' // 0 bytes (a failed copy)
  | 'not-zip' // not a zip at all
  | 'truncated' // zip cut short (half-copied file)
  | 'corrupted' // bytes damaged: bad deflate data, CRC or size mismatch
  | 'unsupported-zip' // zip64, encryption, unknown compression
  | 'too-many-entries'
  | 'duplicate-entry'
  | 'unexpected-entry' // an entry other than manifest.json / ops.jsonl (issue 10)
  | 'not-utf8' // manifest or ops not valid UTF-8 (issue 10: decoded strictly, never as U+FFFD)
  | 'zip-bomb' // declared/actual uncompressed size or ratio above the caps
  | 'missing-manifest'
  | 'missing-ops'
  | 'manifest-not-json'
  | 'manifest-invalid'
  | 'not-a-bundle' // a zip, but not a SciLedger bundle
  | 'newer-format'
  | 'newer-schema'
  | 'same-node'
  | 'checksum-mismatch'
  | 'counts-mismatch'
  | 'ops-not-json'
  | 'op-invalid'
  | 'forbidden-key'
  | 'unknown-table'
  | 'unknown-field'
  | 'invalid-value'
  | 'duplicate-op'
  | 'base-not-covered' // an update made for a machine holding data this one lacks (issue 10)
  | 'file-hash-mismatch' // a files/<sha256> entry whose bytes hash to something else (issue 11)
  | 'file-unreferenced'; // a files/ entry no attachment op of the bundle names, or of another size

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} 字节`;
