import { useEffect, useState } from 'react';
import type { TabCall } from '../messaging/protocol';
import { watchTabCall } from '../messaging/tab-calls';

/** The web dialer's call in the followed tab, live. */
export function useTabCall(tabId: number | undefined): TabCall | undefined {
  const [seen, setSeen] = useState<{ tabId: number; call: TabCall | undefined }>();
  useEffect(() => {
    if (tabId === undefined) return;
    return watchTabCall(tabId, (call) => setSeen({ tabId, call }));
  }, [tabId]);
  return seen !== undefined && seen.tabId === tabId ? seen.call : undefined;
}
