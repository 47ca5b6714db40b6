import type { TabDoubt } from '../messaging/protocol';
import { tabState } from '../messaging/tab-state';
import { useSessionValue } from './session-value';

/** The followed tab's open question "Is this <name>?", kept current as the page changes. */
export function useTabDoubt(tabId: number | undefined) {
  return useSessionValue<TabDoubt>(tabId === undefined ? undefined : tabState.doubt.key(tabId));
}
