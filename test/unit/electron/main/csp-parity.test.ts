import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../../../shared/security/contentSecurityPolicy';
import { securityHeaders } from '../../../../electron/main/protocol';
import { CSP_META_TAG, stripCspMetaInDev } from '../../../../scripts/lib/csp-meta';

const indexHtml = readFileSync(path.resolve(import.meta.dirname, '../../../../renderer/index.html'), 'utf8');
const directives = (policy: string) => policy.split(';').map((d) => d.trim());

describe('one Content-Security-Policy for desktop and web', () => {
  it('the app:// protocol sends exactly the policy the web server sends', () => {
    // protocol.ts keeps the policy as one literal so electronegativity can grade it; this
    // test keeps that literal and the web server's copy from drifting apart.
    const headers = securityHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
  });

  it('renderer/index.html carries the same policy as a meta tag, before any script', () => {
    const match = CSP_META_TAG.exec(indexHtml);
    expect(match?.[1]).toBe(metaContentSecurityPolicy);
    expect(match!.index).toBeLessThan(indexHtml.indexOf('<script'));
    // Only frame-ancestors is left out: browsers ignore it in a meta tag (and warn).
    expect(directives(contentSecurityPolicy).filter((d) => !directives(metaContentSecurityPolicy).includes(d))).toEqual(["frame-ancestors 'none'"]);
  });

  it('has no blob: workers and requires Trusted Types with only the default policy', () => {
    const policy = directives(contentSecurityPolicy);
    expect(policy).toContain("worker-src 'self'");
    expect(policy.find((d) => d.startsWith('worker-src'))).not.toMatch(/blob:/);
    expect(policy.find((d) => d.startsWith('script-src'))).toBe("script-src 'self'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).toContain('trusted-types default');
  });

  it('the dev server drops the tag (Vite’s inline preamble) and builds keep it', () => {
    const plugin = stripCspMetaInDev();
    expect(plugin.apply).toBe('serve');
    const transform = plugin.transformIndexHtml as (html: string) => string;
    const served = transform(indexHtml);
    expect(served).not.toMatch(/Content-Security-Policy/);
    expect(served).toContain('<script type="module"');
  });
});
