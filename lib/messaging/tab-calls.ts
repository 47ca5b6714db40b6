import type { CallSnapshot } from '../model';
import type { TabCall } from './protocol';
import { tabState } from './tab-state';

/** Whether the tab's call is on, or over and waiting for its outcome: its contact stays. */
export function holdsContact(call: TabCall | undefined): boolean {
  return call?.state === 'active' || call?.state === 'ended';
}

/**
 * Keeps the dialer's call state for the tab; the moment a state began is kept across repeated
 * reports of it. A call that was on and is gone has ended, even with no "ended" screen (some
 * dialers just close, RingCentral's among them), and an ended call waits for its outcome: the
 * rep logging it (tabState.call.remove) or the next call replaces it, never the dialer going idle.
 */
export async function rememberTabCall(
  tabId: number,
  call: CallSnapshot | null,
  now = Date.now(),
): Promise<void> {
  const known = await tabState.call.get(tabId);
  if (!call || call.state === 'idle') {
    if (known?.state === 'active')
      return tabState.call.set(tabId, { ...known, state: 'ended', since: now });
    if (known?.state === 'ended') return;
    return tabState.call.remove(tabId);
  }
  const since = known?.state === call.state ? known.since : now;
  const value: TabCall = { state: call.state, since };
  if (call.phone) value.phone = call.phone;
  if (call.name) value.name = call.name;
  await tabState.call.set(tabId, value);
}
