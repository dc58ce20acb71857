import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The electron npm package resolves to the path of its downloaded binary and throws when the
 * download never happened (as on our build machines, which cannot reach Electron's servers).
 */
export function findElectronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
