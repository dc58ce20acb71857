import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import { findElectronBinary, tryInstallElectron } from './lib/electron-runtime';
import { startStaticServer } from './lib/static-server';
import { buildProgressLine, openInBrowser } from './lib/open-browser';

// `npm start`: the desktop app when Electron's runtime is installed, otherwise the same renderer
// in the browser (web platform), served on 127.0.0.1 only.
const root = resolve(import.meta.dirname, '..');

const wantsWeb = process.env.SCILEDGER_WEB === '1';
if (!wantsWeb && (findElectronBinary() ?? tryInstallElectron())) {
  const child = spawn(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'dev'], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 运行时（本机无法下载 Electron），改为网页模式：在浏览器中打开同一应用。');
  console.log('正在构建网页版（约需 15 秒）…');
  const started = Date.now();
  const ticker = setInterval(() => console.log(buildProgressLine(Date.now() - started)), 3000);
  try {
    await build({ configFile: resolve(root, 'vite.web.config.ts'), logLevel: 'warn' });
  } finally {
    clearInterval(ticker);
  }
  console.log(`构建完成（${Math.round((Date.now() - started) / 1000)} 秒）。`);
  const port = Number(process.env.PORT ?? 5180);
  const server = await startStaticServer(resolve(root, 'out/web'), port).catch(() => startStaticServer(resolve(root, 'out/web'), 0));
  console.log(`SciLedger 网页版已启动：${server.url}  （按 Ctrl+C 停止）`);
  const opened = process.env.SCILEDGER_NO_BROWSER === '1' ? false : await openInBrowser(server.url);
  console.log(opened ? '已在默认浏览器中打开；如未出现，请手动打开上面的地址。' : '未找到可用的浏览器启动方式，请在浏览器中手动打开上面的地址。');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
