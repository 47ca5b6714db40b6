import type { TabContact } from '../messaging/protocol';
import { tabState } from '../messaging/tab-state';
import { useSessionValue } from './session-value';

type TabContactState = { loading: true } | { loading: false; value: TabContact | undefined };

/** The contact the followed tab shows, kept current as the page changes. */
export function useTabContact(tabId: number | undefined): TabContactState {
  return useSessionValue<TabContact>(tabId === undefined ? undefined : tabState.contact.key(tabId));
}
