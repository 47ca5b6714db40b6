import { useEffect, useState } from 'react';
import { watchSessionValue } from '../messaging/tab-state';

/**
 * A per-tab value from session storage, live. Until the value for this very key arrives, it
 * reads `loading`, so a panel that moves to another tab never shows the previous tab's value.
 */
export function useSessionValue<T>(
  key: string | undefined,
): { loading: true } | { loading: false; value: T | undefined } {
  const [seen, setSeen] = useState<{ key: string; value: T | undefined }>();
  useEffect(() => {
    if (key === undefined) return;
    return watchSessionValue<T>(key, (value) => setSeen({ key, value }));
  }, [key]);
  if (key === undefined) return { loading: false, value: undefined };
  return seen !== undefined && seen.key === key
    ? { loading: false, value: seen.value }
    : { loading: true };
}
