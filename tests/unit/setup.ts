// Every test gets a fresh, in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDatabaseForTests } from '@/lib/db/schema';

beforeEach(() => {
  resetDatabaseForTests();
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  // Dexie keeps the factory it found at import: hand it the fresh one too.
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  fakeBrowser.reset();
});
