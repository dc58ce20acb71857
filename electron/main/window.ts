/**
 * The main window's security posture, as plain functions: options for the constructor and
 * the listeners that keep every webContents on our origin. index.ts applies them; tests check
 * them with fake objects because Electron itself cannot run on the build machines.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { isAppUrl } from './protocol';

export const WINDOW_TITLE = 'SciLedger 科技工作台账';

export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show so staff never stare at a white frame on slow office PCs.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chinese forms: the English spell checker would underline every field.
      spellcheck: false,
    },
  };
}

/** The part of an Electron navigation event we use (details object of will-navigate etc.). */
export interface NavigationEventLike {
  readonly url: string;
  preventDefault(): void;
}

export interface PreventableEventLike {
  preventDefault(): void;
}

/** Structural subset of Electron's WebContents, so tests can pass a fake. */
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Structural subset of Electron's Session. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

function denyUnlessAppUrl(event: NavigationEventLike): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/**
 * Keeps a webContents on app://sciledger: foreign navigations and redirects are cancelled,
 * popups and <webview> refused. The app is offline-first and has no reason to show the web.
 */
export function hardenWebContents(contents: HardenableWebContents, session: HardenableSession): void {
  contents.on('will-navigate', denyUnlessAppUrl);
  contents.on('will-frame-navigate', denyUnlessAppUrl);
  contents.on('will-redirect', denyUnlessAppUrl);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  hardenSession(session);
}

/** Camera, notifications, geolocation, clipboard reads…: a ledger needs none of them. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
