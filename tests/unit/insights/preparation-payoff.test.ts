import { describe, expect, it } from 'vitest';
import { preparationPayoff } from '../../../lib/insights';
import type { Attempt, Outcome } from '../../../lib/model';
import { attempt, EMAIL, times } from './make-attempt';

const complete = { plan: { complete: true } };
const incomplete = { plan: { complete: false } };

const connectsWith = (n: number, outcome: Outcome, extra: Partial<Attempt>): Attempt[] =>
  times(n, (i) => attempt(`c${i}`, i, outcome, extra));

describe('preparationPayoff', () => {
  it('is too little data with no attempts', () => {
    const result = preparationPayoff([]);
    expect(result.verdict).toBe('too-little-data');
    expect(result.a.trials).toBe(0);
    expect(result.b.trials).toBe(0);
  });

  it('compares meeting rates among connects with a complete plan vs the rest', () => {
    const attempts = [
      // Prepared: 12 connects, 6 booked.
      ...connectsWith(6, 'meeting-booked', complete),
      ...connectsWith(4, 'connected', complete),
      ...connectsWith(2, 'not-interested', complete),
      // Not prepared: 12 connects (plan incomplete or missing), 1 booked.
      ...connectsWith(1, 'meeting-booked', incomplete),
      ...connectsWith(6, 'connected', incomplete),
      ...connectsWith(5, 'call-back', {}),
      // Not connects, so not compared: a voicemail with a full plan, a meeting booked by email.
      ...connectsWith(3, 'voicemail', complete),
      ...connectsWith(2, 'meeting-booked', { ...complete, ...EMAIL }),
    ];
    const result = preparationPayoff(attempts);
    // 6/12: centre 0.5, half 0.2462 → 25–75%. 1/12: centre 0.1844, half 0.1695 → 1–35%.
    // 25% < 35%: the intervals overlap.
    expect(result.a).toMatchObject({ successes: 6, trials: 12 });
    expect(result.b).toMatchObject({ successes: 1, trials: 12 });
    expect(result.verdict).toBe('no-clear-difference');
    expect(result.message).toBe(
      'Connected calls with all three elements booked meetings 50% of the time (n=12, 95% CI 25–75%) ' +
        'vs 8% for calls missing one or more (n=12, 1–35%). ' +
        'The intervals overlap, so the gap may be chance; keep logging.',
    );
  });
});
