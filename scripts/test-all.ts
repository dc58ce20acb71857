import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm test`: every check the project has, in order, with one closing line
 * `N passed, N failed` that counts each test of the two vitest suites plus each check step.
 * Set SCILEDGER_SKIP_E2E=1 to leave out the browser suite while iterating locally.
 */
const root = resolve(import.meta.dirname, '..');
const resultsDir = resolve(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function step(label: string, command: string, args: string[]) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function vitestSuite(label: string, config: string) {
  const output = resolve(resultsDir, `${label}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  try {
    const report = JSON.parse(readFileSync(output, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numFailedTests > 0 || !ok) failures.push(label);
    // A suite that crashed outside any test (e.g. a failing import) still fails the run.
    if (!ok && report.numFailedTests === 0) failed += 1;
  } catch {
    failed += 1;
    failures.push(`${label}（未生成结果）`);
  }
}

step('类型检查 shared（无 DOM、无 Node）', 'npx', ['tsc', '-p', 'tsconfig.shared.json', '--noEmit']);
step('类型检查 electron 主进程与 preload（Node + electron.d.ts）', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
step('类型检查 renderer（DOM）', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
step('边界检查', process.execPath, ['--import', 'tsx', 'scripts/check-boundaries.ts']);
step('electron-builder 配置校验（离线）', process.execPath, ['scripts/check-builder-config.mjs']);
step('Electronegativity 安全扫描', process.execPath, ['scripts/check-electronegativity.mjs']);
step('electron-vite 构建（main / preload / renderer）', 'npx', ['electron-vite', 'build']);
vitestSuite('unit', 'vitest.config.ts');
if (process.env.SCILEDGER_SKIP_E2E === '1') {
  console.log('\n（已按 SCILEDGER_SKIP_E2E=1 跳过端到端测试）');
} else {
  step('网页版构建（端到端测试用）', 'npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']);
  vitestSuite('e2e', 'vitest.e2e.config.ts');
}

if (failures.length) console.log(`\n未通过：${failures.join('、')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
