// Whether the browser's clock knows a zone name. Shared by the settings form, the reading of
// stored settings and every imported record, so one list decides what a screen can show.

const known = new Map<string, boolean>();

/** Any zone name the browser's clock understands, aliases included ("Etc/UTC"). */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  const seen = known.get(zone);
  if (seen !== undefined) return seen;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    ok = true;
  } catch {
    ok = false;
  }
  // A backup of 100,000 contacts names a few dozen zones: ask Intl once for each.
  if (known.size < 1_000) known.set(zone, ok);
  return ok;
}
