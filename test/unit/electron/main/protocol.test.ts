import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appSchemePrivileges,
  createAppProtocolHandler,
  isAppUrl,
  mimeTypeFor,
  resolveAppPath,
} from '../../../../electron/main/protocol';

const root = path.resolve('/srv/renderer');

describe('resolveAppPath', () => {
  it('maps / to index.html and plain paths under the root', () => {
    expect(resolveAppPath(root, 'app://sciledger/')).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://sciledger')).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://sciledger/assets/index-a1B2.js?v=1#x')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-a1B2.js'),
    });
    expect(resolveAppPath(root, 'app://sciledger/fonts/%E5%AE%8B%E4%BD%93.woff2')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'fonts', '宋体.woff2'),
    });
  });

  it.each([
    'app://sciledger/%2e%2e/secret.txt',
    'app://sciledger/%2E%2E%2Fsecret.txt',
    'app://sciledger/assets/..%2f..%2fsecret.txt',
    'app://sciledger/..%5csecret.txt',
    'app://sciledger/assets\\..\\..\\secret.txt',
    'app://sciledger/%00index.html',
    'app://sciledger/index.html%00.png',
    'app://sciledger//etc/passwd',
    'app://sciledger/C:/Windows/win.ini',
    'app://sciledger/C%3A/Windows/win.ini',
    'app://sciledger/%E0%A4%A',
    'app://other/index.html',
    'https://sciledger/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toEqual({ kind: 'forbidden' });
  });

  it('never resolves outside the root, whatever the URL parser made of dot segments', () => {
    const resolved = resolveAppPath(root, 'app://sciledger/../../etc/passwd');
    if (resolved.kind === 'file') expect(resolved.filePath.startsWith(root + path.sep)).toBe(true);
  });
});

describe('isAppUrl / privileges', () => {
  it('compares scheme and host (URL#origin is "null" for custom schemes)', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://sciledger:8080/')).toBe(false);
    expect(isAppUrl('http://sciledger/')).toBe(false);
  });

  it('registers app:// as standard and secure (IndexedDB needs a real origin)', () => {
    expect(appSchemePrivileges).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sciledger-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>台账</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'export {}');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(dir, 'secret.txt'), 'top secret');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const handler = () => createAppProtocolHandler(path.join(dir, 'renderer'));

  it('serves index.html for / with a strict CSP', async () => {
    const response = await handler()(new Request('app://sciledger/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('台账');
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'worker-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
      'require-trusted-types-for': "'script'",
      'trusted-types': 'default',
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the right MIME types', async () => {
    expect((await handler()(new Request('app://sciledger/assets/app.js'))).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await handler()(new Request('app://sciledger/assets/app.css'))).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect(mimeTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('answers 404 for unknown files and folders, 403 for traversal, 405 for writes', async () => {
    expect((await handler()(new Request('app://sciledger/nope.js'))).status).toBe(404);
    expect((await handler()(new Request('app://sciledger/assets'))).status).toBe(404);
    const traversal = { method: 'GET', url: 'app://sciledger/%2e%2e/secret.txt' } as Request;
    const refused = await handler()(traversal);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('top secret');
    expect((await handler()(new Request('app://sciledger/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
