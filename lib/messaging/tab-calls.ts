import { browser } from 'wxt/browser';
import type { CallSnapshot } from '../sites/adapter';
import { callKey, type TabCall } from './protocol';
import { sessionValue } from './session-values';

export function tabCall(tabId: number): Promise<TabCall | undefined> {
  return sessionValue<TabCall>(callKey(tabId));
}

/** Keeps the dialer's call state for the tab; the moment a state began is kept across
 *  repeated reports of it. */
export async function rememberTabCall(
  tabId: number,
  call: CallSnapshot | null,
  now = Date.now(),
): Promise<void> {
  if (!call || call.state === 'idle') return forgetTabCall(tabId);
  const known = await tabCall(tabId);
  const since = known?.state === call.state ? known.since : now;
  const value: TabCall = { state: call.state, since };
  if (call.phone) value.phone = call.phone;
  if (call.name) value.name = call.name;
  await browser.storage.session.set({ [callKey(tabId)]: value });
}

export async function forgetTabCall(tabId: number): Promise<void> {
  await browser.storage.session.remove(callKey(tabId));
}
