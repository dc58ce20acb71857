// Dexie needs IndexedDB; jsdom has none.
import 'fake-indexeddb/auto';

// antd's responsive parts (Grid, Form layout, popups) ask matchMedia, which jsdom lacks.
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;
