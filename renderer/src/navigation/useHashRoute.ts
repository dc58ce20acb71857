import { useCallback, useSyncExternalStore } from 'react';

/** Routes live in the hash (#/settings/policy) so app:// and file-less web builds behave alike. */
export interface HashRoute {
  moduleId: string;
  subPath: string;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseHash(hash: string): HashRoute {
  const [moduleId = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  return { moduleId: decodeURIComponent(moduleId), subPath: rest.map(decodeURIComponent).join('/') };
}

/** The hash of a route: each segment encoded on its own, so a sub-path keeps its slashes (#/commissioners/c/<id>). */
export function hashOf(moduleId: string, subPath = ''): string {
  return `#/${[moduleId, ...subPath.split('/')].filter(Boolean).map(encodeURIComponent).join('/')}`;
}

export function useHashRoute(): [HashRoute, (moduleId: string, subPath?: string) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((moduleId: string, subPath = '') => {
    window.location.hash = hashOf(moduleId, subPath);
  }, []);
  return [parseHash(hash), navigate];
}
