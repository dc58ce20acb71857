import { createContext, useContext, type ReactNode } from 'react';
import type { Platform } from './Platform';
import { createDesktopPlatform, hasDesktopApi } from './desktop';
import { createWebPlatform } from './web';

export type { Platform } from './Platform';

/** Desktop when the preload bridge is present, the browser otherwise. */
export function detectPlatform(): Platform {
  return hasDesktopApi() ? createDesktopPlatform() : createWebPlatform(__APP_VERSION__);
}

const PlatformContext = createContext<Platform | null>(null);

export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform() outside <PlatformProvider>');
  return platform;
}

/**
 * The platform where a component can do without one: shared components (LedgerTable's 导出
 * Excel) rendered in isolation, e.g. in a unit test, leave out what needs the outside.
 */
export function useOptionalPlatform(): Platform | null {
  return useContext(PlatformContext);
}
