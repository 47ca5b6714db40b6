import type { TabCall } from '../messaging/protocol';
import { tabState } from '../messaging/tab-state';
import { useSessionValue } from './session-value';

/** The web dialer's call in the followed tab, live. */
export function useTabCall(tabId: number | undefined): TabCall | undefined {
  const call = useSessionValue<TabCall>(tabId === undefined ? undefined : tabState.call.key(tabId));
  return call.loading ? undefined : call.value;
}
