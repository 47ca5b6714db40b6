import { useEffect, useState } from 'react';
import type { TabContact } from '../messaging/protocol';
import { watchTabContact } from '../messaging/tab-contacts';

export type TabContactState = { loading: true } | { loading: false; value: TabContact | undefined };

/** The contact the followed tab shows, kept current as the page changes. */
export function useTabContact(tabId: number | undefined): TabContactState {
  const [seen, setSeen] = useState<{ tabId: number; value: TabContact | undefined }>();
  useEffect(() => {
    if (tabId === undefined) return;
    return watchTabContact(tabId, (value) => setSeen({ tabId, value }));
  }, [tabId]);
  if (tabId === undefined) return { loading: false, value: undefined };
  // Until the followed tab's own answer arrives, the previous tab's contact is not shown.
  return seen?.tabId === tabId ? { loading: false, value: seen.value } : { loading: true };
}
