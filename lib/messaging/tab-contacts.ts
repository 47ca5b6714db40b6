import { browser } from 'wxt/browser';
import { tabKey, type TabContact } from './protocol';
import { sessionValue } from './session-values';

export function tabContact(tabId: number): Promise<TabContact | undefined> {
  return sessionValue<TabContact>(tabKey(tabId));
}

export async function rememberTabContact(tabId: number, value: TabContact): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: value });
}

export async function forgetTabContact(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}
