import type { Attempt } from '../model';
import { compareRates, type RateComparison } from './compare-rates';
import { isConnect, isMeeting } from './outcome-classes';

/**
 * Does a complete call plan (reference, something new, direct ask) book more meetings? Compared
 * only among connects: a plan cannot help a call nobody answered. "Not prepared" is every other
 * connect, including those logged without a plan.
 */
export function preparationPayoff(attempts: readonly Attempt[]): RateComparison {
  const prepared = { label: 'connected calls with all three elements', successes: 0, trials: 0 };
  const unprepared = { label: 'calls missing one or more', successes: 0, trials: 0 };
  for (const attempt of attempts) {
    if (!isConnect(attempt)) continue;
    const group = attempt.plan?.complete === true ? prepared : unprepared;
    group.trials += 1;
    if (isMeeting(attempt)) group.successes += 1;
  }
  return compareRates(prepared, unprepared, {
    outcome: 'booked meetings',
    unit: 'connected calls',
  });
}
