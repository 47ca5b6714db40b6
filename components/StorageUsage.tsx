import { useEffect, useState } from 'react';
import { storageEstimate, type StorageUse } from '@/lib/db/transfer';
import { formatBytes } from '@/lib/transfer/bytes';
import { backupReminder } from '@/lib/transfer/reminder';
import { useRepZone } from '@/lib/hooks/rep-zone';
import { dateLabel } from '@/lib/time/rep-clock';

/** Space the rep's data takes in this browser, and when they last kept a copy outside it. */
export function StorageUsage({
  lastBackup,
  now,
  refreshKey,
}: {
  /** Epoch ms of the last export; undefined = never; null = still loading. */
  lastBackup: number | undefined | null;
  now: number;
  /** Changes after an import or export, so the space used is read again. */
  refreshKey: number;
}) {
  const [use, setUse] = useState<StorageUse | undefined | null>(null);
  const repZone = useRepZone();
  useEffect(() => {
    let live = true;
    storageEstimate().then(
      (estimate) => live && setUse(estimate),
      () => live && setUse(undefined),
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);
  const reminder = lastBackup === null ? undefined : backupReminder(lastBackup, now);
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <p>
        {use === null
          ? 'Measuring…'
          : use
            ? `${formatBytes(use.usage)} of ${formatBytes(use.quota)} used`
            : 'This browser does not say how much space is used.'}
      </p>
      {reminder && (
        <p className={reminder.due ? 'backup-due' : 'hint'}>
          {reminder.due && <strong>Back up your data. </strong>}
          {reminder.message}
          {lastBackup !== undefined && lastBackup !== null && repZone && (
            <>
              {' '}
              <span className="muted">({dateLabel(lastBackup, repZone)})</span>
            </>
          )}
        </p>
      )}
    </section>
  );
}
