// Whether the browser's clock knows a zone name. Shared by the settings form, the reading of
// stored settings and every imported record, so one list decides what a screen can show.

/** The part of the platform's Temporal (Chromium 144+, Firefox 139+) the clock uses. */
export interface TemporalClock {
  Now: { timeZoneId(): string };
  Instant: {
    fromEpochMilliseconds(ms: number): {
      toZonedDateTimeISO(zone: string): { year: number; month: number; day: number };
    };
  };
}

/**
 * The browser's Temporal, when it has one. The panel's first screen reads zones and days
 * through it: the first Intl.DateTimeFormat a page builds costs it 20–40 ms (measured in
 * Chromium 156: ICU sets up its date patterns per page), more than the rest of the notes' first
 * paint. Without Temporal (older browsers, Node in the unit tests) Intl answers the same.
 */
export const temporalClock: TemporalClock | undefined = (globalThis as { Temporal?: TemporalClock })
  .Temporal;

const known = new Map<string, boolean>();

function knownToTheClock(zone: string): boolean {
  try {
    if (temporalClock) temporalClock.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    else new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Any zone name the browser's clock understands, aliases included ("Etc/UTC"). */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  const seen = known.get(zone);
  if (seen !== undefined) return seen;
  const ok = knownToTheClock(zone);
  // A backup of 100,000 contacts names a few dozen zones: ask once for each.
  if (known.size < 1_000) known.set(zone, ok);
  return ok;
}
