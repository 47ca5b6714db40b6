import { browser } from 'wxt/browser';

// Per-tab state lives in session storage: it survives service-worker restarts and is gone
// when the browser closes, which is exactly how long a tab id means anything.

export async function sessionValue<T>(key: string): Promise<T | undefined> {
  return (await browser.storage.session.get(key))[key] as T | undefined;
}

const early = new Map<string, Promise<unknown>>();

/** Starts reading `key` before anything renders (the side panel, as its script loads): the
 *  first watcher of the key is answered from this read instead of starting its own. */
export function readSessionValueEarly(key: string): void {
  if (!early.has(key)) early.set(key, sessionValue(key));
}

/** Calls back with the value now and whenever it changes; returns the unsubscribe. */
export function watchSessionValue<T>(
  key: string,
  onChange: (value: T | undefined) => void,
): () => void {
  let live = true;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    // A removed key may arrive as null: it means "none" either way.
    if (area === 'session' && key in changes)
      onChange((changes[key]?.newValue ?? undefined) as T | undefined);
  };
  browser.storage.onChanged.addListener(listener);
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
    browser.storage.onChanged.removeListener(listener);
  };
}
