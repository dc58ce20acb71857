import { describe, expect, it } from 'vitest';
import { browserOpenCommand, buildProgressLine, openInBrowser } from '../../../../scripts/lib/open-browser';

describe('npm start opens the browser (issue 8 item 17)', () => {
  const url = 'http://127.0.0.1:5180/';
  it('uses the OS way to open a URL', () => {
    expect(browserOpenCommand(url, 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
    expect(browserOpenCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(browserOpenCommand(url, 'linux', (n) => n === 'xdg-open')).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserOpenCommand(url, 'linux', (n) => n === 'gio')).toEqual({ command: 'gio', args: ['open', url] });
  });
  it('says so when the machine has no browser opener, instead of claiming it opened one', async () => {
    expect(browserOpenCommand(url, 'linux', () => false)).toBeNull();
    expect(await openInBrowser(url, null)).toBe(false);
    expect(await openInBrowser(url, { command: '/nonexistent/opener', args: [] })).toBe(false);
  });
  it('prints progress while building', () => {
    expect(buildProgressLine(6200)).toBe('正在构建网页版…已用 6 秒');
  });
});
