import { describe, expect, it } from 'vitest';
import { hashOf, parseHash } from '../../../../renderer/src/navigation/useHashRoute';

describe('hash routes', () => {
  it('keep a sub-path’s slashes readable and round-trip through parseHash', () => {
    expect(hashOf('commissioners', 'c/abc/logs')).toBe('#/commissioners/c/abc/logs');
    expect(hashOf('settings')).toBe('#/settings');
    expect(parseHash(hashOf('commissioners', 'c/abc/logs'))).toEqual({ moduleId: 'commissioners', subPath: 'c/abc/logs' });
    // A segment's own reserved characters are still encoded.
    expect(parseHash(hashOf('advisors', '陈 思远?x'))).toEqual({ moduleId: 'advisors', subPath: '陈 思远?x' });
  });
});
