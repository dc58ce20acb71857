/**
 * The page's one Trusted Types policy. The CSP says `require-trusted-types-for 'script'` and
 * `trusted-types default`: every string written into an HTML or script-URL sink passes
 * through here, and nothing else can create a policy. An injected script can therefore not
 * turn text into markup or load a script from elsewhere, even through a library's innerHTML.
 *
 * What the app itself legitimately writes, and is let through:
 * - innerHTML without markup: antd's style tags (CSS text), docx-preview's "&nbsp;", clearing
 *   a container with "". Text without "<" cannot create an element.
 * - DOMParser.parseFromString: docx-preview reads the document's XML parts with it. A parsed
 *   document is inert (no browsing context: no scripts run, nothing loads); what the preview
 *   then copies into the page is sanitised by sanitizePreview.
 * - same-origin script URLs: the document packer's module worker.
 * Everything else is refused (the sink throws), and TrustedScript is never created.
 */

export interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: {
      createHTML?: (input: string, type?: string, sink?: string) => string;
      createScriptURL?: (input: string) => string;
      createScript?: (input: string) => string;
    },
  ): unknown;
}

export function isMarkupFree(input: string): boolean {
  return !input.includes('<');
}

/**
 * Compared by scheme, host and port: URL#origin is "null" for non-special schemes like our
 * app:// in some engines, which would make data: or any other opaque URL "same-origin".
 */
export function isSameOriginUrl(input: string, base: string): boolean {
  try {
    const url = new URL(input, base);
    const page = new URL(base);
    return url.protocol === page.protocol && url.host !== '' && url.host === page.host;
  } catch {
    return false;
  }
}

/** The sink name Chromium passes to the default policy for DOMParser. */
export const PARSER_SINK = 'DOMParser parseFromString';

export function defaultPolicyRules(pageUrl: string) {
  return {
    createHTML(input: string, _type?: string, sink?: string): string {
      if (isMarkupFree(input) || sink === PARSER_SINK) return input;
      throw new TypeError('已阻止写入 HTML 标记（Trusted Types）');
    },
    createScriptURL(input: string): string {
      if (isSameOriginUrl(input, pageUrl)) return input;
      throw new TypeError('已阻止加载其他来源的脚本（Trusted Types）');
    },
    createScript(): string {
      throw new TypeError('已阻止动态脚本（Trusted Types）');
    },
  };
}

/** Installs the default policy where the browser supports Trusted Types (Chromium does). */
export function installDefaultTrustedTypesPolicy(scope: { trustedTypes?: TrustedTypesLike; location?: { href: string } } = globalThis as never): boolean {
  const factory = scope.trustedTypes;
  if (!factory || !scope.location) return false;
  factory.createPolicy('default', defaultPolicyRules(scope.location.href));
  return true;
}

installDefaultTrustedTypesPolicy();
