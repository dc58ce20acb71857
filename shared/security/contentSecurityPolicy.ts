/**
 * The one Content-Security-Policy of the renderer, sent as a header by the desktop app://
 * protocol and by the web-mode server, and written into renderer/index.html as a meta tag so a
 * web deployment on any static server keeps it (the dev server strips the tag: it would block
 * Vite's inline preamble). antd writes inline styles, so style-src keeps 'unsafe-inline';
 * scripts never do. The document packer is a same-origin module worker, so workers need no
 * blob:; img-src blob: covers the images of document previews. Trusted Types: only the
 * page's default policy (renderer/src/security/trustedTypes.ts) may feed HTML/script sinks.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types default',
];

/** The header. frame-ancestors works only there (browsers ignore it in a meta tag, with a warning). */
export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');

/** The meta tag's policy: the header's without frame-ancestors. */
export const metaContentSecurityPolicy = directives.join('; ');
