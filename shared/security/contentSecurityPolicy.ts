/**
 * The one Content-Security-Policy of the renderer, sent as a header by the desktop app://
 * protocol and by the web-mode server (a meta tag would also block Vite's dev preamble).
 * antd writes inline styles, so style-src keeps 'unsafe-inline'; scripts never do.
 * Workers are same-origin module scripts; blob: covers document previews and downloads.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
