/**
 * Strict UTF-8 for bundle text (issue 10 "Strict bundles"): bytes that are not valid UTF-8 are
 * refused, never decoded as U+FFFD and imported as if the clerk had typed "�".
 *
 * shared/ compiles without DOM or Node types, but TextDecoder is a global of every runtime we
 * run in (Chromium, Electron, Node ≥ 11), so it is reached through globalThis with the few
 * members used here.
 */
import { BundleError } from './errors';

interface StrictDecoder {
  decode(input: Uint8Array, options?: { stream?: boolean }): string;
}
type DecoderConstructor = new (label: string, options: { fatal: boolean; ignoreBOM?: boolean }) => StrictDecoder;

const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

/** A decoder that throws on the first invalid byte sequence (`fatal: true`). */
export function strictUtf8Decoder(): StrictDecoder {
  return new TextDecoderImpl('utf-8', { fatal: true });
}

/** The text of `bytes`, or a BundleError naming `what` when they are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8Decoder().decode(bytes);
  } catch {
    throw new BundleError('not-utf8', `${what}含有无效的文字编码（不是 UTF-8），文件可能已损坏或被改动，已拒绝`);
  }
}
