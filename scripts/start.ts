import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import { findElectronBinary, tryInstallElectron } from './lib/electron-runtime';
import { startStaticServer } from './lib/static-server';

// `npm start`: the desktop app when Electron's runtime is installed, otherwise the same renderer
// in the browser (web platform), served on 127.0.0.1 only.
const root = resolve(import.meta.dirname, '..');

const wantsWeb = process.env.SCILEDGER_WEB === '1';
if (!wantsWeb && (findElectronBinary() ?? tryInstallElectron())) {
  const child = spawn(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'dev'], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 运行时（本机无法下载 Electron），改为网页模式：在浏览器中打开同一应用。');
  await build({ configFile: resolve(root, 'vite.web.config.ts'), logLevel: 'warn' });
  const port = Number(process.env.PORT ?? 5180);
  const server = await startStaticServer(resolve(root, 'out/web'), port).catch(() => startStaticServer(resolve(root, 'out/web'), 0));
  console.log(`SciLedger 网页版已启动：${server.url}  （按 Ctrl+C 停止）`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
