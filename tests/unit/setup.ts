// Every test gets a fresh, in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { configure } from '@testing-library/dom';
import { resetDatabaseForTests } from '@/lib/db/schema';
// TZDate extends the Date it finds when first loaded: load it before a test fakes the clock
// (vi.useFakeTimers), or code loaded lazily later (React.lazy) would extend the fake one.
import '@date-fns/tz';

// CI runs on two busy cores: give live queries time to settle before a find gives up.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  resetDatabaseForTests();
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  // Dexie keeps the factory it found at import: hand it the fresh one too.
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  fakeBrowser.reset();
});
