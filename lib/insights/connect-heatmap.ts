import type { Attempt } from '../model';
import { createLocalClock } from '../time/local-clock';
import { isConnect, isDial } from './outcome-classes';
import { rateOf } from './rate';

interface HeatmapCell {
  dials: number;
  connects: number;
  /** connects ÷ dials; null when nobody was dialled in this hour. */
  rate: number | null;
}

/** cells[weekday][hour]: weekday 0 = Monday … 6 = Sunday, hour 0–23. */
export type ConnectHeatmap = HeatmapCell[][];

/** Row labels, in the heatmap's order. */
export const HEATMAP_WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export const HOURS_PER_DAY = 24;

/**
 * Whose clock places a dial: the prospect's (when people pick up; the default) or the rep's own
 * (when the rep was at their desk dialling).
 */
type HeatmapClock = { clock: 'prospect' } | { clock: 'rep'; repZone: string };

/** Dials and connects per weekday × hour. One pass; zoneOf is asked once per contact. */
export function connectHeatmap(
  attempts: readonly Attempt[],
  zoneOf: (contactId: string) => string,
  mode: HeatmapClock = { clock: 'prospect' },
): ConnectHeatmap {
  const tally = HEATMAP_WEEKDAYS.map(() =>
    Array.from({ length: HOURS_PER_DAY }, () => ({ dials: 0, connects: 0 })),
  );
  const zoneByContact = new Map<string, string>();
  const wallClock = createLocalClock();
  for (const attempt of attempts) {
    if (!isDial(attempt)) continue;
    let zone: string;
    if (mode.clock === 'rep') {
      zone = mode.repZone;
    } else {
      const known = zoneByContact.get(attempt.contactId);
      zone = known ?? zoneOf(attempt.contactId);
      if (known === undefined) zoneByContact.set(attempt.contactId, zone);
    }
    const { weekday, hour } = wallClock(attempt.at, zone);
    const cell = tally[weekday]?.[hour];
    if (!cell) continue; // only a non-finite `at` gets here
    cell.dials += 1;
    if (isConnect(attempt)) cell.connects += 1;
  }
  return tally.map((row) =>
    row.map(({ dials, connects }) => ({ dials, connects, rate: rateOf(connects, dials) })),
  );
}
