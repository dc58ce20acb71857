import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The electron package's folder; its binary lives in dist/, named by path.txt. */
function electronPackageDir(): string {
  return dirname(require.resolve('electron/package.json'));
}

/**
 * The Electron binary if it is already installed. Unlike `require('electron')`, this never
 * starts a download (electron 44 downloads lazily, on first require).
 */
export function findElectronBinary(): string | null {
  const dir = electronPackageDir();
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const binary = join(base, executable);
  return existsSync(binary) ? binary : null;
}

/**
 * Asks the electron package to download its binary (a developer machine with a network does
 * this once); quiet, bounded in time, and false when the network refuses.
 */
export function tryInstallElectron(timeoutMs = 180_000): string | null {
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], { stdio: 'pipe', timeout: timeoutMs });
  return result.status === 0 ? findElectronBinary() : null;
}
