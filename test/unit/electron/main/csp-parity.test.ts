import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../shared/security/contentSecurityPolicy';
import { securityHeaders } from '../../../../electron/main/protocol';

describe('one Content-Security-Policy for desktop and web', () => {
  it('the app:// protocol sends exactly the policy the web server sends', () => {
    // protocol.ts keeps the policy as one literal so electronegativity can grade it; this
    // test keeps that literal and the web server's copy from drifting apart.
    const headers = securityHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
  });
});
