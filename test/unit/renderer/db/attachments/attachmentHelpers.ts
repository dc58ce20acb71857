import { Blob as NodeBlob } from 'node:buffer';
import { vi } from 'vitest';

/**
 * jsdom's Blob has no arrayBuffer() and fake-indexeddb clones it into a plain object; Node's Blob
 * is what Chromium gives the app: cloneable into IndexedDB and readable back.
 */
export function useStorableBlobs(): void {
  vi.stubGlobal('Blob', NodeBlob);
}

/** A minimal real PDF and PNG (magic bytes decide 预览), plus filler bytes. */
export const pdfBytes = (extra = 0) => new TextEncoder().encode(`%PDF-1.4\n1 0 obj<<>>endobj\n${'x'.repeat(extra)}\n%%EOF\n`);
export const pngBytes = (seed = 1) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => (i * seed) & 0xff)]);
export const stipendId = '11111111-2222-4333-8444-555555555555';

/** Bytes that do not compress (a scan), with a PDF's magic. */
export function scannedPdf(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out.set(new TextEncoder().encode('%PDF-1.4\n'));
  return out;
}
