import { browser } from 'wxt/browser';
import { doubtKey, type TabDoubt } from './protocol';
import { sessionValue } from './session-values';

export function tabDoubt(tabId: number): Promise<TabDoubt | undefined> {
  return sessionValue<TabDoubt>(doubtKey(tabId));
}

export async function rememberTabDoubt(tabId: number, value: TabDoubt): Promise<void> {
  await browser.storage.session.set({ [doubtKey(tabId)]: value });
}

export async function forgetTabDoubt(tabId: number): Promise<void> {
  await browser.storage.session.remove(doubtKey(tabId));
}

/** Why the panel asks when several stored contacts share the key that would have matched. */
export function sharedKeyDoubt(by: 'email' | 'phone', count: number): string {
  return `${count} stored contacts share this ${by === 'email' ? 'email address' : 'number'}: pick the right one.`;
}
