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

export function useHashRoute(): [HashRoute, (moduleId: string, subPath?: string) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((moduleId: string, subPath = '') => {
    window.location.hash = `#/${[moduleId, subPath].filter(Boolean).map(encodeURIComponent).join('/')}`;
  }, []);
  return [parseHash(hash), navigate];
}
