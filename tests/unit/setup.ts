// Every test gets a fresh, in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, vi } from 'vitest';
import type * as Zustand from 'zustand';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { configure } from '@testing-library/dom';
import { resetDatabaseForTests } from '@/lib/db/schema';
// TZDate extends the Date it finds when first loaded: load it before a test fakes the clock
// (vi.useFakeTimers), or code loaded lazily later (React.lazy) would extend the fake one.
import '@date-fns/tz';

// A wait returns as soon as what it waits for shows, so a generous limit costs nothing on a
// fast machine and keeps a loaded one (CI runs this suite beside a CPU burner) from failing a
// test that is merely slow. Half the test timeout: a real failure still names what never came.
// (expect.poll's limit is set in vitest.config.ts.)
const WAIT_MS = 60_000;
configure({ asyncUtilTimeout: WAIT_MS });
// vi.waitFor gives up after one second unless told otherwise; it has no setting of its own.
const waitFor = vi.waitFor;
vi.waitFor = ((callback, options) =>
  waitFor(callback, {
    timeout: WAIT_MS,
    ...(typeof options === 'number' ? { timeout: options } : options),
  })) as typeof vi.waitFor;

beforeEach(() => {
  resetDatabaseForTests();
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  // Dexie keeps the factory it found at import: hand it the fresh one too.
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  fakeBrowser.reset();
});

// Every zustand store starts each test from its initial state (the zustand docs' testing
// pattern): each store the code creates is recorded here and put back after every test, so no
// test sees what another left in a store.
const storeResets = vi.hoisted(() => new Set<() => void>());
vi.mock('zustand', async (importOriginal) => {
  const actual = await importOriginal<typeof Zustand>();
  const create = (<T>(creator?: Zustand.StateCreator<T>) => {
    if (!creator) return (later: Zustand.StateCreator<T>) => create(later);
    const store = actual.create(creator);
    storeResets.add(() => store.setState(store.getInitialState(), true));
    return store;
  }) as typeof actual.create;
  return { ...actual, create };
});
afterEach(() => {
  for (const reset of storeResets) reset();
});
