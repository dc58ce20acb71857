/**
 * SHA-256 of attachment bytes. shared/ stays pure: the function is injected — the renderer passes
 * WebCrypto's (crypto.subtle, fast and native), tests and Node may use the pure one here.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export type Sha256Hex = (bytes: Uint8Array) => Promise<string>;

export const pureSha256Hex: Sha256Hex = async (bytes) => bytesToHex(sha256(bytes));
