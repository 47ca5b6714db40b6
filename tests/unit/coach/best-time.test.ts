import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { bestTimeNow } from '../../../lib/coach/best-time';
import { MAR, APR, MAY, NY, LA, LONDON, BERLIN, KOLKATA, TOKYO, SYDNEY } from './calendar';

describe('bestTimeNow rates the moment on the prospect’s clock and says why', () => {
  it.each([
    [
      'Friday afternoon',
      new TZDate(2026, MAY, 1, 16, 40, NY),
      NY,
      'poor',
      'Friday 4:40 pm there — Friday afternoons rarely connect',
    ],
    [
      'Monday morning',
      new TZDate(2026, MAY, 4, 9, 15, BERLIN),
      BERLIN,
      'poor',
      'Monday 9:15 am there — Monday mornings go to catching up and rarely connect',
    ],
    [
      'the weekend',
      new TZDate(2026, MAY, 2, 11, 0, SYDNEY),
      SYDNEY,
      'poor',
      'Saturday 11:00 am there — the weekend; wait for a weekday',
    ],
    [
      'before the working day',
      new TZDate(2026, APR, 30, 6, 30, LA),
      LA,
      'poor',
      'Thursday 6:30 am there — their working day has not started yet',
    ],
    [
      'after the working day',
      new TZDate(2026, MAY, 5, 19, 0, LONDON),
      LONDON,
      'poor',
      'Tuesday 7:00 pm there — their working day is over',
    ],
    [
      'a mid-week morning window',
      new TZDate(2026, MAY, 6, 10, 15, TOKYO),
      TOKYO,
      'good',
      'Wednesday 10:15 am there — mid-week, inside a best connect window',
    ],
    [
      'mid-week lunchtime',
      new TZDate(2026, MAY, 5, 12, 30, KOLKATA),
      KOLKATA,
      'fair',
      'Tuesday 12:30 pm there — business hours, but outside the best windows (Tue–Thu 10:00–11:30, 1:30–3:00)',
    ],
  ] as const)('%s', (_label, now, zone, rating, reason) => {
    expect(bestTimeNow(now, zone)).toMatchObject({ rating, reason });
  });

  // One instant, seven prospects: 15:00 UTC on Tuesday 2026-03-10.
  const sameInstant = Date.UTC(2026, MAR, 10, 15, 0);
  it.each([
    [NY, 'good', 'Tuesday 11:00 am'],
    [LA, 'fair', 'Tuesday 8:00 am'],
    [LONDON, 'fair', 'Tuesday 3:00 pm'],
    [BERLIN, 'fair', 'Tuesday 4:00 pm'],
    [KOLKATA, 'poor', 'Tuesday 8:30 pm'],
    [TOKYO, 'poor', 'Wednesday 12:00 am'],
    [SYDNEY, 'poor', 'Wednesday 2:00 am'],
  ] as const)('the same instant is %s in %s', (zone, rating, localTime) => {
    const verdict = bestTimeNow(sameInstant, zone);
    expect(verdict.rating).toBe(rating);
    expect(verdict.reason.startsWith(`${localTime} there — `)).toBe(true);
  });

  // The same UTC time of day reads an hour apart across a DST change: 10:30 (good) vs 11:30 (fair).
  it.each([
    ['New York before spring forward', Date.UTC(2026, MAR, 3, 15, 30), NY, 'good'],
    ['New York after spring forward', Date.UTC(2026, MAR, 10, 15, 30), NY, 'fair'],
    ['Berlin before the change', Date.UTC(2026, MAR, 24, 9, 30), BERLIN, 'good'],
    ['Berlin after the change', Date.UTC(2026, MAR, 31, 9, 30), BERLIN, 'fair'],
    ['Sydney before the autumn change', Date.UTC(2026, MAR, 31, 0, 30), SYDNEY, 'fair'],
    ['Sydney after the autumn change', Date.UTC(2026, APR, 7, 0, 30), SYDNEY, 'good'],
  ] as const)('%s', (_label, now, zone, rating) => {
    expect(bestTimeNow(now, zone).rating).toBe(rating);
  });

  it('offers the next best window when now is poor, and none when now is good', () => {
    const fridayAfternoon = bestTimeNow(new TZDate(2026, MAY, 1, 16, 40, NY), NY);
    expect(fridayAfternoon.nextBestAt).toBe(new TZDate(2026, MAY, 5, 10, 0, NY).getTime());
    const lunch = bestTimeNow(new TZDate(2026, MAY, 6, 12, 10, TOKYO), TOKYO);
    expect(lunch.nextBestAt).toBe(new TZDate(2026, MAY, 6, 13, 30, TOKYO).getTime());
    expect(bestTimeNow(new TZDate(2026, MAY, 6, 10, 15, TOKYO), TOKYO).nextBestAt).toBeUndefined();
  });
});
