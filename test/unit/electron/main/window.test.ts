import { describe, expect, it, vi } from 'vitest';
import {
  createWindowOptions,
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
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => (request = handler),
    setPermissionCheckHandler: (handler) => (check = handler),
  };
  return { session, request: () => request, check: () => check };
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
