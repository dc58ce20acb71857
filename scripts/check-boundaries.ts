import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The tsconfig projects already refuse these imports; this check names the offending line in
 * plain words and also covers dynamic import()/require() that a type check may not see.
 */
const root = resolve(import.meta.dirname, '..');
const rules = [
  { dir: 'shared', forbidden: /^(electron|react|react-dom|dexie|dexie-react-hooks|antd|node:.*|fs|path|os|child_process|crypto|url|util|stream)(\/.*)?$/, why: 'shared/ 必须保持纯净（不得引用 Electron、Node、React、Dexie）' },
  { dir: 'renderer/src', forbidden: /^(electron|node:.*|fs|path|os|child_process)(\/.*)?$/, why: 'renderer/ 只能通过 Platform 访问外部（不得引用 Electron 或 Node 模块）' },
];
const importPattern = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name)) yield path;
  }
}

export async function findBoundaryViolations(baseDir = root): Promise<string[]> {
  const problems: string[] = [];
  for (const rule of rules) {
    for await (const file of sourceFiles(join(baseDir, rule.dir))) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(importPattern)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
        if (specifier && rule.forbidden.test(specifier)) {
          const line = text.slice(0, text.indexOf(specifier, match.index)).split('\n').length;
          problems.push(`${relative(baseDir, file)}:${line}: 引用了“${specifier}” — ${rule.why}`);
        }
      }
    }
  }
  problems.push(...(await findShellImports(baseDir)));
  return problems;
}

/**
 * renderer/src/app is the shell (routes, layout, module list): it imports the features, never the
 * reverse — a feature that reached into app/ for the DB context or the route hook tied the two
 * together both ways. Shared renderer parts live in db/, navigation/, components/, platform/.
 */
async function findShellImports(baseDir: string): Promise<string[]> {
  const rendererDir = join(baseDir, 'renderer/src');
  const shellDir = join(rendererDir, 'app');
  const problems: string[] = [];
  for await (const file of sourceFiles(rendererDir)) {
    if (file.startsWith(shellDir + sep) || file === join(rendererDir, 'main.tsx')) continue;
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (!specifier?.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (target === shellDir || target.startsWith(shellDir + sep)) {
        const line = text.slice(0, text.indexOf(specifier, match.index)).split('\n').length;
        problems.push(`${relative(baseDir, file)}:${line}: 引用了“${specifier}” — 应用外壳 renderer/src/app 只能引用功能模块，不能被功能模块引用（共用部分放在 db/、navigation/、components/）`);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await findBoundaryViolations();
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('边界检查通过：shared/ 与 renderer/ 没有越界引用');
}
