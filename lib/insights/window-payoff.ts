import type { Attempt } from '../model';
import { compareRates, type RateComparison } from './compare-rates';
import { isConnect, isDial, isMeeting } from './outcome-classes';

/** Whether a moment falls in a best connect window on the prospect's clock. */
type BestWindowTest = (at: number, zone: string) => boolean;

export interface WindowPayoff {
  /** Meetings booked per call placed, inside vs outside the windows: the question the rep
   *  asks ("does calling then book more meetings?"). */
  meetings: RateComparison;
  /** Connects per call placed, inside vs outside: the windows' own promise (someone picks up),
   *  a second line that explains the first. */
  connects: RateComparison;
}

/**
 * Do calls placed inside the best windows book more meetings? Every dial counts, answered or
 * not, because the window is chosen before anyone picks up. The window rule is passed in (the
 * caller hands over lib/coach's `isInBestWindow`) because lib/insights depends on lib/model only.
 */
export function windowPayoff(
  attempts: readonly Attempt[],
  zoneOf: (contactId: string) => string,
  inBestWindow: BestWindowTest,
): WindowPayoff {
  const inside = { trials: 0, meetings: 0, connects: 0 };
  const outside = { trials: 0, meetings: 0, connects: 0 };
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
    if (isMeeting(attempt)) group.meetings += 1;
    if (isConnect(attempt)) group.connects += 1;
  }
  const insideLabel = 'calls inside the best windows';
  const outsideLabel = 'calls outside them';
  return {
    meetings: compareRates(
      { label: insideLabel, successes: inside.meetings, trials: inside.trials },
      { label: outsideLabel, successes: outside.meetings, trials: outside.trials },
      { outcome: 'booked a meeting', unit: 'calls' },
    ),
    connects: compareRates(
      { label: insideLabel, successes: inside.connects, trials: inside.trials },
      { label: outsideLabel, successes: outside.connects, trials: outside.trials },
      { outcome: 'connected', unit: 'calls' },
    ),
  };
}
