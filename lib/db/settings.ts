import type { RepSettings } from '../model';
import { database } from './schema';

export function emptySettings(timeZone: string): RepSettings {
  return { id: 'rep', repName: '', company: '', callbackNumber: '', timeZone };
}

/** Any zone name the browser's clock understands, aliases included ("Etc/UTC"). */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function saveRepSettings(settings: RepSettings): Promise<void> {
  if (!isKnownTimeZone(settings.timeZone)) {
    throw new Error(
      `"${settings.timeZone}" is not a time zone. Pick one from the list, e.g. Europe/Berlin.`,
    );
  }
  await database().settings.put({
    ...settings,
    repName: settings.repName.trim(),
    company: settings.company.trim(),
    callbackNumber: settings.callbackNumber.trim(),
  });
}
