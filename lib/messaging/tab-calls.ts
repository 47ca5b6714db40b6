import { browser } from 'wxt/browser';
import type { CallSnapshot } from '../model';
import { callKey, type TabCall } from './protocol';
import { sessionValue } from './session-values';

export function tabCall(tabId: number): Promise<TabCall | undefined> {
  return sessionValue<TabCall>(callKey(tabId));
}

/** Whether the tab's call is on, or over and waiting for its outcome: its contact stays. */
export function holdsContact(call: TabCall | undefined): boolean {
  return call?.state === 'active' || call?.state === 'ended';
}

async function save(tabId: number, value: TabCall): Promise<void> {
  await browser.storage.session.set({ [callKey(tabId)]: value });
}

/**
 * Keeps the dialer's call state for the tab; the moment a state began is kept across repeated
 * reports of it. A call that was on and is gone has ended, even with no "ended" screen (some
 * dialers just close, RingCentral's among them), and an ended call waits for its outcome: the
 * rep logging it (forgetTabCall) or the next call replaces it, never the dialer going idle.
 */
export async function rememberTabCall(
  tabId: number,
  call: CallSnapshot | null,
  now = Date.now(),
): Promise<void> {
  const known = await tabCall(tabId);
  if (!call || call.state === 'idle') {
    if (known?.state === 'active') return save(tabId, { ...known, state: 'ended', since: now });
    if (known?.state === 'ended') return;
    return forgetTabCall(tabId);
  }
  const since = known?.state === call.state ? known.since : now;
  const value: TabCall = { state: call.state, since };
  if (call.phone) value.phone = call.phone;
  if (call.name) value.name = call.name;
  await save(tabId, value);
}

export async function forgetTabCall(tabId: number): Promise<void> {
  await browser.storage.session.remove(callKey(tabId));
}
