import { describe, expect, it } from 'vitest';
import { isInBestWindow } from '../../../lib/coach/call-windows';
import { windowPayoff } from '../../../lib/insights';
import { attempt, EMAIL, times } from './make-attempt';

const zones: Record<string, string> = { chi: 'America/Chicago', tok: 'Asia/Tokyo' };
const zoneOf = (contactId: string): string => zones[contactId] ?? 'UTC';
/** Tuesday 9 June 2026: 15:00 UTC = 10:00 in Chicago (inside) = Wednesday 00:00 in Tokyo (outside). */
const TUE_15_UTC = Date.UTC(2026, 5, 9, 15);
/** 20:00 UTC = 15:00 in Chicago: the window ends at 15:00 (exclusive), so outside. */
const TUE_20_UTC = Date.UTC(2026, 5, 9, 20);

describe('windowPayoff', () => {
  it('compares connects per dial inside vs outside the best windows, on the prospect’s clock', () => {
    const attempts = [
      // Inside (Chicago 10:00): 12 dials, 6 connects.
      ...times(6, (i) => attempt('chi', TUE_15_UTC + i, 'connected')),
      ...times(6, (i) => attempt('chi', TUE_15_UTC + i, 'no-answer')),
      // Outside: Chicago 15:00 — 10 dials, 1 connect; Tokyo midnight — 10 dials, 0 connects.
      ...times(1, (i) => attempt('chi', TUE_20_UTC + i, 'call-back')),
      ...times(9, (i) => attempt('chi', TUE_20_UTC + i, 'voicemail')),
      ...times(10, (i) => attempt('tok', TUE_15_UTC + i, 'no-answer')),
      // Emails are not dials.
      attempt('chi', TUE_15_UTC, 'meeting-booked', EMAIL),
    ];
    const result = windowPayoff(attempts, zoneOf, isInBestWindow);
    // 6/12 = 50% (25–75%) vs 1/20 = 5%: z²/n = 0.19208, centre 0.1225, half 0.1136 → 1–24%.
    expect(result.a).toMatchObject({ successes: 6, trials: 12 });
    expect(result.b).toMatchObject({ successes: 1, trials: 20 });
    expect(result.verdict).toBe('a-better');
    expect(result.message).toBe(
      'Dials inside the best windows connected 50% of the time (n=12, 95% CI 25–75%) ' +
        'vs 5% for dials outside them (n=20, 1–24%). ' +
        "A clear difference in favour of dials inside the best windows: the intervals don't overlap.",
    );
  });

  it('is too little data with no attempts', () => {
    expect(windowPayoff([], zoneOf, isInBestWindow).verdict).toBe('too-little-data');
  });
});
