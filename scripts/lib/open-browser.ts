import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface OpenCommand {
  command: string;
  args: string[];
}

/** Whether `name` is an executable on PATH (Linux/macOS; Windows always has `start`). */
export function isOnPath(name: string, pathVariable = process.env.PATH ?? ''): boolean {
  return pathVariable.split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
}

/**
 * How this OS opens a URL in the default browser, or null when it has no way to (a server
 * without a desktop): Windows `start`, macOS `open`, Linux desktops `xdg-open`.
 */
export function browserOpenCommand(url: string, platform: NodeJS.Platform = process.platform, hasCommand: (name: string) => boolean = isOnPath): OpenCommand | null {
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  for (const opener of ['xdg-open', 'gio', 'sensible-browser']) {
    if (hasCommand(opener)) return { command: opener, args: opener === 'gio' ? ['open', url] : [url] };
  }
  return null;
}

/** Opens the URL without waiting for the browser; resolves false when nothing could be started. */
export function openInBrowser(url: string, open: OpenCommand | null = browserOpenCommand(url)): Promise<boolean> {
  if (!open) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(open.command, open.args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

/** "正在构建网页版…已用 6 秒": one line every few seconds, so a 15-second build is not silence. */
export function buildProgressLine(elapsedMs: number): string {
  return `正在构建网页版…已用 ${Math.round(elapsedMs / 1000)} 秒`;
}
