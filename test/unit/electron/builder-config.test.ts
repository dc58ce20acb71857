import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(path.resolve(import.meta.dirname, '../../../electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('keeps the identity that the userData folder depends on', () => {
    expect(config.appId).toBe('cn.sciledger.desktop');
    expect(config.productName).toBe('SciLedger');
  });

  it('builds a per-user Chinese NSIS installer with a desktop shortcut', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      createDesktopShortcut: 'always',
      installerLanguages: ['zh_CN'],
      language: '2052',
    });
  });

  it('ships only main, preload and renderer, and no node_modules', () => {
    expect(config.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    const packageJson = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'));
    // Main and preload bundle their dependencies (electron.vite.config.ts) and the renderer is
    // static files: a runtime dependency would only add unused node_modules to the installer.
    expect(packageJson.dependencies ?? {}).toEqual({});
  });
});
