import { browser } from 'wxt/browser';

// Per-tab state lives in session storage: it survives service-worker restarts and is gone
// when the browser closes, which is exactly how long a tab id means anything.

export async function sessionValue<T>(key: string): Promise<T | undefined> {
  return (await browser.storage.session.get(key))[key] as T | undefined;
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
  void sessionValue<T>(key).then((value) => {
    if (live) onChange(value);
  });
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
