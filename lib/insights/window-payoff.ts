import type { Attempt } from '../model';
import { compareRates, type RateComparison } from './compare-rates';
import { isConnect, isDial } from './outcome-classes';

/** Whether a moment falls in a best connect window on the prospect's clock. */
export type BestWindowTest = (at: number, zone: string) => boolean;

/**
 * Do dials inside the best windows connect more often? Measured as connects per dial, not
 * meetings: the time of day decides whether someone picks up; what happens next is the call's
 * doing. The window rule is passed in (the caller hands over lib/coach's `isInBestWindow`)
 * because lib/insights depends on lib/model only.
 */
export function windowPayoff(
  attempts: readonly Attempt[],
  zoneOf: (contactId: string) => string,
  inBestWindow: BestWindowTest,
): RateComparison {
  const inside = { label: 'dials inside the best windows', successes: 0, trials: 0 };
  const outside = { label: 'dials outside them', successes: 0, trials: 0 };
  const zoneByContact = new Map<string, string>();
  for (const attempt of attempts) {
    if (!isDial(attempt)) continue;
    let zone = zoneByContact.get(attempt.contactId);
    if (zone === undefined) {
      zone = zoneOf(attempt.contactId);
      zoneByContact.set(attempt.contactId, zone);
    }
    const group = inBestWindow(attempt.at, zone) ? inside : outside;
    group.trials += 1;
    if (isConnect(attempt)) group.successes += 1;
  }
  return compareRates(inside, outside, { outcome: 'connected', unit: 'dials' });
}
