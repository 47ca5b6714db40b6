// Everything the extension keeps per tab, in one place: session storage survives service-worker
// restarts and is gone when the browser closes, which is exactly how long a tab id means
// anything. One typed item per kind, on WXT's storage helper; `forgetTab` drops them all.
import { storage } from 'wxt/utils/storage';
import type { VoicemailTimerState } from '../model';
import {
  callKey,
  doubtKey,
  tabKey,
  type TabCall,
  type TabContact,
  type TabDoubt,
} from './protocol';

interface PerTab<T> {
  /** The key in session storage, for a live watch (`watchSessionValue`). */
  key(tabId: number): string;
  get(tabId: number): Promise<T | undefined>;
  set(tabId: number, value: T): Promise<void>;
  remove(tabId: number): Promise<void>;
}

function perTab<T>(key: (tabId: number) => string): PerTab<T> {
  const item = (tabId: number) => storage.defineItem<T>(`session:${key(tabId)}`);
  return {
    key,
    get: async (tabId) => (await item(tabId).getValue()) ?? undefined,
    set: (tabId, value) => item(tabId).setValue(value),
    remove: (tabId) => item(tabId).removeValue(),
  };
}

export const tabState = {
  /** The contact the tab shows, once sure (or confirmed by the rep). */
  contact: perTab<TabContact>(tabKey),
  /** The question "Is this <name>?" the panel asks before showing anyone. */
  doubt: perTab<TabDoubt>(doubtKey),
  /** The dialer's call in the tab (tab-calls.ts keeps its states in order). */
  call: perTab<TabCall>(callKey),
  /** One voicemail timer per tab: the panel, the shortcut and the page overlay start the same
   *  one (voicemail-timers.ts). */
  voicemailTimer: perTab<VoicemailTimerState>((tabId) => `voicemail:${tabId}`),
};

/** A closed tab: nothing kept for it outlives it. */
export async function forgetTab(tabId: number): Promise<void> {
  await Promise.all(Object.values(tabState).map((kind) => kind.remove(tabId)));
}

function sessionValue<T>(key: string): Promise<T | undefined> {
  return storage.getItem<T>(`session:${key}`).then((value) => value ?? undefined);
}

const early = new Map<string, Promise<unknown>>();

/** Starts reading `key` before anything renders (the side panel, as its script loads): the
 *  first watcher of the key is answered from this read instead of starting its own. Answers
 *  the read, for what can start from it (lib/db/first-screen). */
export function readSessionValueEarly<T>(key: string): Promise<T | undefined> {
  let reading = early.get(key) as Promise<T | undefined> | undefined;
  if (!reading) {
    reading = sessionValue<T>(key);
    early.set(key, reading);
  }
  return reading;
}

/** Calls back with the value now and whenever it changes; returns the unsubscribe. */
export function watchSessionValue<T>(
  key: string,
  onChange: (value: T | undefined) => void,
): () => void {
  let live = true;
  // A removed key arrives as null: it means "none" either way.
  const unwatch = storage.watch<T>(`session:${key}`, (value) => onChange(value ?? undefined));
  const started = early.get(key) as Promise<T | undefined> | undefined;
  early.delete(key);
  void (started ?? sessionValue<T>(key)).then(async (value) => {
    if (!live) return;
    onChange(value);
    // An early read may predate the listener: read again, and say so if it changed meanwhile.
    if (!started) return;
    const now = await sessionValue<T>(key);
    if (live && JSON.stringify(now) !== JSON.stringify(value)) onChange(now);
  });
  return () => {
    live = false;
    unwatch();
  };
}
