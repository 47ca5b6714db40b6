import type { RepSettings } from '../model';
import { database } from './schema';
import { isKnownTimeZone } from '../model/time-zone';
import { cleanRecord } from '../transfer/records';

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
  // The one shape stored settings have (lib/transfer/records): texts within their caps.
  const checked = cleanRecord('settings', {
    ...settings,
    repName: settings.repName.trim(),
    company: settings.company.trim(),
    callbackNumber: settings.callbackNumber.trim(),
  });
  if (!checked.ok) throw new Error(`Your details cannot be saved${checked.problem}`);
  await database().settings.put(checked.record as unknown as RepSettings);
}
