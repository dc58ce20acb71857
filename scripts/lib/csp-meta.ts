/**
 * renderer/index.html carries the CSP as a meta tag for web deployments. The dev server must
 * drop it: Vite and the React refresh runtime inject an inline preamble script that the
 * policy (rightly) blocks. Builds keep it.
 */
import type { Plugin } from 'vite';

export const CSP_META_TAG = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

export function stripCspMetaInDev(): Plugin {
  return {
    name: 'sciledger:strip-csp-meta-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(CSP_META_TAG, ''),
  };
}
