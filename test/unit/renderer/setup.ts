// Dexie needs IndexedDB; jsdom has none.
import 'fake-indexeddb/auto';
