import { isKnownTimeZone } from '../model/time-zone';
import { database } from './schema';

/** The zone the rep reads times in: the one in Settings when this browser knows it, else
 *  `fallback` (the browser's). The zone alone: no other field of the settings matters to a
 *  clock, so the panel's first screen reads it without the record checks (lib/transfer) that
 *  `readRepSettings` runs — those would bring every site's adapter into its first JavaScript. */
export function repZoneOf(raw: unknown, fallback: string): string {
  const zone =
    typeof raw === 'object' && raw !== null ? (raw as { timeZone?: unknown }).timeZone : undefined;
  return typeof zone === 'string' && isKnownTimeZone(zone) ? zone : fallback;
}

/** `repZoneOf` the stored settings. */
export async function readRepZone(fallback: string): Promise<string> {
  return repZoneOf(await database().settings.get('rep'), fallback);
}
