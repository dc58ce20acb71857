import { describe, expect, it, vi } from 'vitest';
import {
  applicationMenuTemplate,
  createWindowOptions,
  hardenSession,
  hardenWebContents,
  type HardenableSession,
  type HardenableWebContents,
  type NavigationEventLike,
} from '../../../../electron/main/window';

type Listener = (event: { url?: string; preventDefault(): void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  /** Emits like Electron and reports whether any listener cancelled it. */
  const emit = (event: string, url = 'app://sciledger/index.html'): boolean => {
    const preventDefault = vi.fn();
    for (const listener of listeners.get(event) ?? []) listener({ url, preventDefault } as NavigationEventLike);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as HardenableWebContents, emit, listeners, openHandler: () => openHandler };
}

function fakeSession() {
  let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
  let check: ((wc: unknown, permission: string) => boolean) | undefined;
  const downloadListeners: ((event: { preventDefault(): void }, item: unknown) => void)[] = [];
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => (request = handler),
    setPermissionCheckHandler: (handler) => (check = handler),
    on: (_event, listener) => downloadListeners.push(listener),
  };
  /** Emits will-download like Electron; true when a listener cancelled it. */
  const download = (): boolean => {
    const preventDefault = vi.fn();
    for (const listener of downloadListeners) listener({ preventDefault }, { getFilename: () => '报告.docx.hta' });
    return preventDefault.mock.calls.length > 0;
  };
  return { session, request: () => request, check: () => check, download, downloadListeners };
}

describe('createWindowOptions', () => {
  it('locks down webPreferences', () => {
    const prefs = createWindowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('turns DevTools off in the installed app and leaves them to developers', () => {
    expect(createWindowOptions('p', { isPackaged: true }).webPreferences?.devTools).toBe(false);
    expect(createWindowOptions('p').webPreferences?.devTools).toBe(false);
    expect(createWindowOptions('p', { isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('starts hidden so the first paint is the app, not a white frame', () => {
    expect(createWindowOptions('p').show).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays on app://sciledger', (event) => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents, fakeSession().session);
    expect(emit(event, 'app://sciledger/index.html#/advisors')).toBe(false);
    expect(emit(event, 'https://example.com/')).toBe(true);
    expect(emit(event, 'file:///C:/Windows/win.ini')).toBe(true);
    expect(emit(event, 'app://evil/index.html')).toBe(true);
    expect(emit(event, 'app://sciledger.evil.cn/')).toBe(true);
    expect(emit(event, 'app://user@sciledger/')).toBe(true);
    expect(emit(event, 'not a url')).toBe(true);
  });

  it('refuses <webview> and every new window', () => {
    const { contents, emit, openHandler } = fakeWebContents();
    hardenWebContents(contents, fakeSession().session);
    expect(emit('will-attach-webview')).toBe(true);
    expect(openHandler()?.({ url: 'app://sciledger/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler()?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies permission requests and checks', () => {
    const fake = fakeSession();
    hardenWebContents(fakeWebContents().contents, fake.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      fake.request()?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.check()?.({}, permission)).toBe(false);
    }
  });
});

describe('hardenSession', () => {
  it('cancels every download a page starts, once per session however many windows share it', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    hardenWebContents(fakeWebContents().contents, fake.session);
    hardenWebContents(fakeWebContents().contents, fake.session);
    expect(fake.downloadListeners).toHaveLength(1);
    expect(fake.download()).toBe(true);
  });
});

describe('applicationMenuTemplate', () => {
  type Item = { role?: string; label?: string; submenu?: Item[] };
  const roles = (items: Item[]): string[] => items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);
  const labels = (items: Item[]): string[] => items.flatMap((item) => [...(item.label ? [item.label] : []), ...labels(item.submenu ?? [])]);

  it('is a small Chinese menu without reload or DevTools in the installed app', () => {
    const menu = applicationMenuTemplate({ isPackaged: true }) as Item[];
    expect(menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图']);
    expect(roles(menu)).not.toContain('reload');
    expect(roles(menu)).not.toContain('forceReload');
    expect(roles(menu)).not.toContain('toggleDevTools');
    expect(roles(menu)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'undo', 'zoomIn']));
    for (const label of labels(menu)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps reload and DevTools for developers', () => {
    expect(roles(applicationMenuTemplate({ isPackaged: false }) as Item[])).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
