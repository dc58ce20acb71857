#!/usr/bin/env node
/**
 * Offline check of electron-builder.yml: the schema validation electron-builder itself runs
 * before packaging (app-builder-lib's validateConfiguration), plus the settings this project
 * depends on — Electron fuses, a per-user NSIS install in Chinese with a desktop shortcut,
 * the fixed appId/productName. Prints one line; exits 1 on any problem.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';

const projectDir = path.resolve(import.meta.dirname, '..');
const configPath = path.join(projectDir, process.argv[2] ?? 'electron-builder.yml');
const require = createRequire(import.meta.url);
// Deep import: app-builder-lib has no exports map and does not re-export this function.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
// builder-util is app-builder-lib's own dependency, so resolve it from there.
const { DebugLogger } = createRequire(require.resolve('app-builder-lib/package.json'))('builder-util');

export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

function projectProblems(config) {
  const problems = [];
  const expect = (condition, message) => {
    if (!condition) problems.push(message);
  };
  expect(config.appId === 'cn.sciledger.desktop', `appId must be cn.sciledger.desktop (is ${config.appId})`);
  expect(config.productName === 'SciLedger', `productName must be SciLedger (is ${config.productName})`);
  expect(config.asar === true, 'asar must be true (onlyLoadAppFromAsar needs it)');
  expect(config.directories?.output === 'dist', 'directories.output must be dist');

  const fuses = config.electronFuses ?? {};
  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    expect(fuses[fuse] === value, `electronFuses.${fuse} must be ${value} (is ${fuses[fuse]})`);
  }

  const targets = [config.win?.target].flat().filter(Boolean);
  const nsisTarget = targets.find((t) => (typeof t === 'string' ? t : t.target) === 'nsis');
  expect(nsisTarget !== undefined, 'win.target must include nsis');
  if (nsisTarget && typeof nsisTarget === 'object') {
    expect([nsisTarget.arch].flat().includes('x64'), 'nsis target must build x64');
  }

  const files = [config.files].flat();
  const shipped = ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'];
  expect(
    files.length === shipped.length && shipped.every((f) => files.includes(f)),
    `files must be exactly ${shipped.join(', ')} (is ${files.join(', ')}): stale out/web or out/bench must not ship`,
  );
  const packageJson = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  const runtime = Object.keys(packageJson.dependencies ?? {});
  expect(runtime.length === 0, `package.json dependencies must be empty (bundled at build time; move to devDependencies): ${runtime.join(', ')}`);

  const nsis = config.nsis ?? {};
  expect(nsis.oneClick === false, 'nsis.oneClick must be false (assisted installer)');
  expect(nsis.perMachine === false, 'nsis.perMachine must be false (per-user install, no admin rights)');
  expect(nsis.allowElevation === false, 'nsis.allowElevation must be false');
  expect(nsis.createDesktopShortcut === 'always', 'nsis.createDesktopShortcut must be "always"');
  expect(nsis.createStartMenuShortcut === true, 'nsis.createStartMenuShortcut must be true');
  expect(
    Array.isArray(nsis.installerLanguages) && nsis.installerLanguages.length === 1 && nsis.installerLanguages[0] === 'zh_CN',
    'nsis.installerLanguages must be [zh_CN]',
  );
  expect(String(nsis.language) === '2052', 'nsis.language must be 2052 (简体中文)');
  expect(nsis.unicode === true, 'nsis.unicode must be true');
  return problems;
}

try {
  const config = parse(readFileSync(configPath, 'utf8'));
  await validateConfiguration(config, new DebugLogger(false));
  const problems = projectProblems(config);
  if (problems.length > 0) {
    console.error(`electron-builder config: FAILED — ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log(
    `electron-builder config: OK — schema valid (app-builder-lib ${require('app-builder-lib/package.json').version}), ${Object.keys(REQUIRED_FUSES).length} fuses set, per-user NSIS x64, zh_CN, desktop shortcut`,
  );
} catch (error) {
  // Schema errors span many lines of advice; keep the " - configuration.x …" lines.
  const lines = error instanceof Error ? error.message.split('\n') : [String(error)];
  const reasons = lines.flatMap((line, i) =>
    /^\s*-\s/.test(line) ? [`${line.trim().replace(/^-\s*/, '')} ${(lines[i + 1] ?? '').trim()}`.trim()] : [],
  );
  const message = reasons.length > 0 ? `schema: ${reasons.join('; ')}` : lines[0];
  console.error(`electron-builder config: FAILED — ${message}`);
  process.exit(1);
}
