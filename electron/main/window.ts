/**
 * The main window's security posture, as plain functions: options for the constructor and
 * the listeners that keep every webContents on our origin. index.ts applies them; tests check
 * them with fake objects because Electron itself cannot run on the build machines.
 */
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { isAppUrl } from './protocol';

export const WINDOW_TITLE = 'SciLedger 科技工作台账';

export interface WindowBuildOptions {
  /** app.isPackaged: the installed app, as opposed to a developer's checkout. */
  isPackaged: boolean;
}

export function createWindowOptions(preloadPath: string, build: WindowBuildOptions = { isPackaged: true }): BrowserWindowConstructorOptions {
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
      // In the installed app nobody should be one Ctrl+Shift+I away from a console that can
      // call every IPC channel; developers keep it.
      devTools: !build.isPackaged,
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
  on(event: 'will-download', listener: (event: PreventableEventLike, item: unknown) => void): unknown;
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

const hardenedSessions = new WeakSet<HardenableSession>();

/**
 * Camera, notifications, geolocation, clipboard reads…: a ledger needs none of them. And no
 * download: every file the app writes goes through the main process's checked save paths, so
 * a page-started download (e.g. "报告.docx.hta" through Electron's own dialog) is cancelled.
 * Each session is hardened once, however many webContents share it.
 */
export function hardenSession(session: HardenableSession): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/**
 * The menu bar (Alt shows it): editing and zoom for clerks, in Chinese; reload and DevTools
 * only in a developer's checkout. Replaces Electron's English default menu, whose Ctrl+R and
 * Ctrl+Shift+I would otherwise stay live in the installed app.
 */
export function applicationMenuTemplate(build: WindowBuildOptions): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = build.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }];
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        ...developer,
      ],
    },
  ];
}
