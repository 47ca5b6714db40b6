import { describe, expect, it } from 'vitest';
import { compareRates, MIN_TRIALS_PER_SIDE } from '../../../lib/insights';

const booked = { outcome: 'booked meetings', unit: 'calls' };

describe('compareRates', () => {
  it('needs at least 10 trials a side', () => {
    expect(MIN_TRIALS_PER_SIDE).toBe(10);
  });

  it('says so in plain words when the intervals overlap', () => {
    // 13/42 = 31%: z²/n = 0.09147, centre 0.3255, half 0.1348 → 19–46%.
    // 7/58 = 12%: z²/n = 0.06623, centre 0.1443, half 0.0846 → 6–23%. 19% < 23%: they overlap.
    const result = compareRates(
      { label: 'calls with all three elements', successes: 13, trials: 42 },
      { label: 'calls missing one', successes: 7, trials: 58 },
      booked,
    );
    expect(result.verdict).toBe('no-clear-difference');
    expect(result.message).toBe(
      'Calls with all three elements booked meetings 31% of the time (n=42, 95% CI 19–46%) ' +
        'vs 12% for calls missing one (n=58, 6–23%). ' +
        'The intervals overlap, so the gap may be chance; keep logging.',
    );
    expect(result.a.interval?.low).toBeCloseTo(0.1907, 3);
    expect(result.b.interval?.high).toBeCloseTo(0.2288, 3);
  });

  it('calls a difference clear only when the intervals don’t overlap', () => {
    // 40/50: centre 0.7786, half 0.1090 → 0.670–0.888. 10/50: centre 0.2214 → 0.112–0.330.
    const strong = { label: 'morning calls', successes: 40, trials: 50 };
    const weak = { label: 'evening calls', successes: 10, trials: 50 };
    const aBetter = compareRates(strong, weak, booked);
    expect(aBetter.verdict).toBe('a-better');
    expect(aBetter.message).toBe(
      'Morning calls booked meetings 80% of the time (n=50, 95% CI 67–89%) ' +
        'vs 20% for evening calls (n=50, 11–33%). ' +
        "A clear difference in favour of morning calls: the intervals don't overlap.",
    );
    expect(compareRates(weak, strong, booked).verdict).toBe('b-better');
  });

  it('is too little data when either side has fewer than 10 trials, however stark', () => {
    const result = compareRates(
      { label: 'calls with a plan', successes: 9, trials: 9 },
      { label: 'calls without', successes: 0, trials: 100 },
      booked,
    );
    expect(result.verdict).toBe('too-little-data');
    expect(result.message).toMatch(
      /Too little data to compare yet: each side needs at least 10 calls\.$/,
    );
  });

  it('handles a side with no trials at all', () => {
    const result = compareRates(
      { label: 'calls with a plan', successes: 0, trials: 0 },
      { label: 'calls without', successes: 3, trials: 12 },
      booked,
    );
    expect(result.verdict).toBe('too-little-data');
    expect(result.a.interval).toBeNull();
    expect(
      result.message.startsWith('Calls with a plan: none yet (n=0) vs 25% for calls without'),
    ).toBe(true);
  });
});
