import { useRepSettingsRead } from '@/lib/hooks/contact-records';

/** A stored setting the screens could not use as it is (an unknown time zone), said where the
 *  rep looks, with the way to fix it. */
export function SettingsWarning({ openSettings }: { openSettings: () => void }) {
  const warning = useRepSettingsRead()?.warning;
  if (!warning) return null;
  return (
    <p className="settings-warning" role="status">
      {warning}{' '}
      <button type="button" className="link" onClick={openSettings}>
        Open Settings
      </button>
    </p>
  );
}
