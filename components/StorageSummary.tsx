import { useEffect, useState } from 'react';
import { lastBackupAt } from '@/lib/db/transfer';
import { useNow } from '@/lib/hooks/now';
import { StorageUsage } from './StorageUsage';

/** On the Settings page: the space used and a nudge to back up, as on the Data page. */
export function StorageSummary() {
  const now = useNow(60_000);
  const [lastBackup, setLastBackup] = useState<number | undefined | null>(null);
  useEffect(() => {
    let live = true;
    lastBackupAt().then(
      (at) => live && setLastBackup(at),
      () => live && setLastBackup(undefined),
    );
    return () => {
      live = false;
    };
  }, []);
  return <StorageUsage lastBackup={lastBackup} now={now} refreshKey={0} />;
}
