import { browser } from 'wxt/browser';
import { tabKey, type TabContact } from './protocol';

// Session storage survives service-worker restarts and is cleared when the browser closes,
// which is exactly how long a tab id means anything.

export async function tabContact(tabId: number): Promise<TabContact | undefined> {
  const key = tabKey(tabId);
  const stored = await browser.storage.session.get(key);
  return stored[key] as TabContact | undefined;
}

export async function rememberTabContact(tabId: number, value: TabContact): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: value });
}

export async function forgetTabContact(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** Calls back with the tab's contact now and whenever it changes; returns the unsubscribe. */
export function watchTabContact(
  tabId: number,
  onChange: (value: TabContact | undefined) => void,
): () => void {
  const key = tabKey(tabId);
  let live = true;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes)
      onChange(changes[key]?.newValue as TabContact | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  void tabContact(tabId).then((value) => {
    if (live) onChange(value);
  });
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
