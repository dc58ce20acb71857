/**
 * jsdom lays nothing out: the virtualised grid needs a viewport size to render rows, and antd
 * popups observe their size, which jsdom lacks (matchMedia: test/unit/renderer/setup.ts). Call from `beforeAll`.
 */
export function stubGridLayout(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
