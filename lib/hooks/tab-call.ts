import { callKey, type TabCall } from '../messaging/protocol';
import { useSessionValue } from './session-value';

/** The web dialer's call in the followed tab, live. */
export function useTabCall(tabId: number | undefined): TabCall | undefined {
  const call = useSessionValue<TabCall>(tabId === undefined ? undefined : callKey(tabId));
  return call.loading ? undefined : call.value;
}
