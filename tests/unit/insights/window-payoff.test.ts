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
  it('compares the meeting rate of calls placed inside vs outside the best windows', () => {
    const attempts = [
      // Inside (Chicago 10:00): 40 calls — 12 meetings, 4 other connects, 24 unanswered.
      ...times(12, (i) => attempt('chi', TUE_15_UTC + i, 'meeting-booked')),
      ...times(4, (i) => attempt('chi', TUE_15_UTC + i, 'connected')),
      ...times(24, (i) => attempt('chi', TUE_15_UTC + i, 'no-answer')),
      // Outside: Chicago 15:00 — 25 calls, 1 meeting and 19 other connects; Tokyo midnight —
      // 25 calls, none answered. 50 calls, 1 meeting, 20 connects.
      ...times(1, (i) => attempt('chi', TUE_20_UTC + i, 'meeting-booked')),
      ...times(19, (i) => attempt('chi', TUE_20_UTC + i, 'call-back')),
      ...times(5, (i) => attempt('chi', TUE_20_UTC + i, 'voicemail')),
      ...times(25, (i) => attempt('tok', TUE_15_UTC + i, 'no-answer')),
      // A meeting booked by email is not a call placed.
      attempt('chi', TUE_15_UTC, 'meeting-booked', EMAIL),
    ];
    const { meetings, connects } = windowPayoff(attempts, zoneOf, isInBestWindow);
    // Wilson, z = 1.96: 12/40 = 30% (18.07–45.43%) vs 1/50 = 2% (0.35–10.50%): apart.
    expect(meetings.a).toMatchObject({ successes: 12, trials: 40 });
    expect(meetings.b).toMatchObject({ successes: 1, trials: 50 });
    expect(meetings.a.interval!.low).toBeCloseTo(0.1807, 4);
    expect(meetings.a.interval!.high).toBeCloseTo(0.4543, 4);
    expect(meetings.b.interval!.low).toBeCloseTo(0.0035, 4);
    expect(meetings.b.interval!.high).toBeCloseTo(0.105, 4);
    expect(meetings.verdict).toBe('a-better');
    expect(meetings.message).toBe(
      'Calls inside the best windows booked a meeting 30% of the time (n=40, 95% CI 18–45%) ' +
        'vs 2% for calls outside them (n=50, 0–10%). ' +
        "A clear difference in favour of calls inside the best windows: the intervals don't overlap.",
    );
    // Connects per call: 16/40 = 40% (26.35–55.40%) vs 20/50 = 40% (27.61–53.82%): no clear gap.
    expect(connects.a).toMatchObject({ successes: 16, trials: 40 });
    expect(connects.b).toMatchObject({ successes: 20, trials: 50 });
    expect(connects.verdict).toBe('no-clear-difference');
    expect(connects.message).toBe(
      'Calls inside the best windows connected 40% of the time (n=40, 95% CI 26–55%) ' +
        'vs 40% for calls outside them (n=50, 28–54%). ' +
        'The intervals overlap, so the gap may be chance; keep logging.',
    );
  });

  it('says plainly when one side has too few calls to tell', () => {
    const attempts = [
      // Inside: 9 calls, 2 meetings (22%, 6.32–54.74%); outside: 30 calls, none.
      ...times(2, (i) => attempt('chi', TUE_15_UTC + i, 'meeting-booked')),
      ...times(7, (i) => attempt('chi', TUE_15_UTC + i, 'no-answer')),
      ...times(30, (i) => attempt('tok', TUE_15_UTC + i, 'no-answer')),
    ];
    const { meetings } = windowPayoff(attempts, zoneOf, isInBestWindow);
    expect(meetings.verdict).toBe('too-little-data');
    expect(meetings.a.interval!.low).toBeCloseTo(0.0632, 4);
    expect(meetings.a.interval!.high).toBeCloseTo(0.5474, 4);
    expect(meetings.message).toBe(
      'Calls inside the best windows booked a meeting 22% of the time (n=9, 95% CI 6–55%) ' +
        'vs 0% for calls outside them (n=30, 0–11%). ' +
        'Too little data to compare yet: each side needs at least 10 calls.',
    );
  });

  it('is too little data with no attempts', () => {
    const { meetings, connects } = windowPayoff([], zoneOf, isInBestWindow);
    expect(meetings.verdict).toBe('too-little-data');
    expect(connects.verdict).toBe('too-little-data');
    expect(meetings.message).toMatch(/^Calls inside the best windows: none yet \(n=0\)/);
  });
});
