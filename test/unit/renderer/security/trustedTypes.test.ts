import { describe, expect, it, vi } from 'vitest';
import { defaultPolicyRules, installDefaultTrustedTypesPolicy } from '../../../../renderer/src/security/trustedTypes';

const page = 'app://sciledger/index.html#/advisors';

describe('the Trusted Types default policy', () => {
  const rules = defaultPolicyRules(page);

  it('lets through what the app writes: CSS text, entities, clearing a container', () => {
    expect(rules.createHTML('.ant-btn{color:red}')).toBe('.ant-btn{color:red}');
    expect(rules.createHTML('&nbsp;')).toBe('&nbsp;');
    expect(rules.createHTML('')).toBe('');
  });

  it('refuses markup, so an injected string cannot become elements or handlers', () => {
    expect(() => rules.createHTML('<img src=x onerror=alert(1)>')).toThrow('已阻止写入 HTML 标记');
    expect(() => rules.createHTML('a</style><script>alert(1)</script>')).toThrow(TypeError);
  });

  it('lets DOMParser read markup into an inert document (docx-preview reads the XML parts so), nothing else', () => {
    expect(rules.createHTML('<w:document/>', 'TrustedHTML', 'DOMParser parseFromString')).toBe('<w:document/>');
    expect(() => rules.createHTML('<w:document/>', 'TrustedHTML', 'Element innerHTML')).toThrow(TypeError);
  });

  it('allows same-origin script URLs (the packer worker) only', () => {
    expect(rules.createScriptURL('app://sciledger/assets/pack.worker-abc.js')).toBe('app://sciledger/assets/pack.worker-abc.js');
    expect(rules.createScriptURL('./assets/pack.worker.js')).toBe('./assets/pack.worker.js');
    expect(() => rules.createScriptURL('https://evil.example/x.js')).toThrow('已阻止加载其他来源的脚本');
    expect(() => rules.createScriptURL('data:text/javascript,alert(1)')).toThrow(TypeError);
    expect(() => rules.createScriptURL('blob:app://sciledger/123')).toThrow(TypeError);
  });

  it('never creates scripts', () => {
    expect(() => rules.createScript()).toThrow('已阻止动态脚本');
  });

  it('is installed as "default" where the browser has Trusted Types, and skipped elsewhere', () => {
    const createPolicy = vi.fn();
    expect(installDefaultTrustedTypesPolicy({ trustedTypes: { createPolicy }, location: { href: page } })).toBe(true);
    expect(createPolicy).toHaveBeenCalledWith('default', expect.any(Object));
    expect(installDefaultTrustedTypesPolicy({})).toBe(false);
  });
});
