import type { RepSettings } from '../model';
import { database } from './schema';
import { isKnownTimeZone } from '../model/time-zone';

export function emptySettings(timeZone: string): RepSettings {
  return { id: 'rep', repName: '', company: '', callbackNumber: '', timeZone };
}

export { isKnownTimeZone };

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
