import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessHourSlots,
  classifyMoment,
  firstWindowSlot,
  isBusinessHours,
  isInBestWindow,
  nextBusinessDay,
  windowSlots,
  type MomentKind,
} from '../../../lib/coach/call-windows';
import { addLocalDays, clockLabel, localDaysBetween, localParts } from '../../../lib/time/calendar';
import {
  JAN,
  FEB,
  MAR,
  APR,
  MAY,
  OCT,
  NOV,
  DEC,
  NY,
  LA,
  LONDON,
  BERLIN,
  KOLKATA,
  TOKYO,
  SYDNEY,
} from './calendar';

// TZDate months are 0-based; named constants keep the tables readable.

/** An independent reading of a moment on a zone's wall clock: "Tue 10:30". */
function wallClock(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('hour')}:${part('minute')}`;
}

function take(iterator: Iterator<number>, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const next = iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('localParts reads the prospect’s wall clock, not the machine’s', () => {
  // 15:00 UTC on Tuesday 2026-03-10: New York is already on summer time, London and Sydney not yet changed.
  const moment = Date.UTC(2026, MAR, 10, 15, 0);
  it.each([
    [LA, 2, 8, 0],
    [NY, 2, 11, 0],
    [LONDON, 2, 15, 0],
    [BERLIN, 2, 16, 0],
    [KOLKATA, 2, 20, 30],
    [TOKYO, 3, 0, 0],
    [SYDNEY, 3, 2, 0],
  ])('%s: weekday %i at %i:%i', (zone, weekday, hour, minute) => {
    const parts = localParts(moment, zone);
    expect([parts.weekday, parts.hour, parts.minute]).toEqual([weekday, hour, minute]);
  });
});

describe('isInBestWindow: Tuesday–Thursday 10:00–11:30 and 1:30–3:00 local', () => {
  it.each([
    ['Tuesday 10:00 opens the morning window', new TZDate(2026, MAR, 10, 10, 0, NY), NY, true],
    ['Tuesday 9:59 is too early', new TZDate(2026, MAR, 10, 9, 59, NY), NY, false],
    ['Wednesday 11:29 is still inside', new TZDate(2026, MAR, 11, 11, 29, BERLIN), BERLIN, true],
    ['Wednesday 11:30 has closed', new TZDate(2026, MAR, 11, 11, 30, BERLIN), BERLIN, false],
    ['Thursday 1:30 pm opens the afternoon', new TZDate(2026, APR, 30, 13, 30, TOKYO), TOKYO, true],
    ['Thursday 3:00 pm has closed', new TZDate(2026, APR, 30, 15, 0, TOKYO), TOKYO, false],
    ['Monday 10:30 is not mid-week', new TZDate(2026, MAY, 4, 10, 30, KOLKATA), KOLKATA, false],
    ['Friday 10:30 is not mid-week', new TZDate(2026, MAY, 1, 10, 30, SYDNEY), SYDNEY, false],
    ['Saturday 10:30', new TZDate(2026, MAY, 2, 10, 30, LA), LA, false],
  ])('%s', (_label, moment, zone, expected) => {
    expect(isInBestWindow(moment, zone)).toBe(expected);
  });

  it('judges by the prospect’s zone: 10:30 in New York is 4:30 pm in Berlin', () => {
    const moment = new TZDate(2026, MAR, 17, 10, 30, NY);
    expect(isInBestWindow(moment, NY)).toBe(true);
    expect(isInBestWindow(moment, BERLIN)).toBe(false);
  });
});

describe('classifyMoment names why a time is good or poor', () => {
  it.each<[string, TZDate, string, MomentKind]>([
    ['Saturday noon', new TZDate(2026, MAY, 2, 12, 0, LONDON), LONDON, 'weekend'],
    ['Sunday morning', new TZDate(2026, MAY, 3, 10, 0, SYDNEY), SYDNEY, 'weekend'],
    ['Tuesday 7:45', new TZDate(2026, MAY, 5, 7, 45, NY), NY, 'before-hours'],
    ['Tuesday 18:00', new TZDate(2026, MAY, 5, 18, 0, NY), NY, 'after-hours'],
    ['Monday 9:00', new TZDate(2026, MAY, 4, 9, 0, BERLIN), BERLIN, 'monday-morning'],
    ['Monday 11:59', new TZDate(2026, MAY, 4, 11, 59, BERLIN), BERLIN, 'monday-morning'],
    ['Monday 14:00', new TZDate(2026, MAY, 4, 14, 0, BERLIN), BERLIN, 'business-hours'],
    ['Friday 10:30', new TZDate(2026, MAY, 1, 10, 30, KOLKATA), KOLKATA, 'business-hours'],
    ['Friday 12:00', new TZDate(2026, MAY, 1, 12, 0, KOLKATA), KOLKATA, 'friday-afternoon'],
    ['Wednesday 14:15', new TZDate(2026, MAY, 6, 14, 15, TOKYO), TOKYO, 'best-window'],
    ['Wednesday 12:30', new TZDate(2026, MAY, 6, 12, 30, TOKYO), TOKYO, 'business-hours'],
  ])('%s in %s', (_label, moment, zone, kind) => {
    expect(classifyMoment(moment, zone)).toBe(kind);
  });

  it('business hours end at 18:00 and skip weekends', () => {
    expect(isBusinessHours(new TZDate(2026, MAY, 5, 17, 59, LA), LA)).toBe(true);
    expect(isBusinessHours(new TZDate(2026, MAY, 5, 18, 0, LA), LA)).toBe(false);
    expect(isBusinessHours(new TZDate(2026, MAY, 2, 11, 0, LA), LA)).toBe(false);
  });
});

describe('addBusinessDays keeps the local time and skips weekends', () => {
  it.each([
    [
      'Thursday → Friday',
      new TZDate(2026, APR, 30, 15, 0, NY),
      1,
      NY,
      new TZDate(2026, MAY, 1, 15, 0, NY),
    ],
    [
      'Thursday +2 crosses the month and the weekend',
      new TZDate(2026, APR, 30, 15, 0, NY),
      2,
      NY,
      new TZDate(2026, MAY, 4, 15, 0, NY),
    ],
    [
      'Friday → Monday across January’s end',
      new TZDate(2026, JAN, 30, 9, 0, LONDON),
      1,
      LONDON,
      new TZDate(2026, FEB, 2, 9, 0, LONDON),
    ],
    [
      'Saturday counts from Monday',
      new TZDate(2026, MAY, 2, 11, 0, TOKYO),
      1,
      TOKYO,
      new TZDate(2026, MAY, 4, 11, 0, TOKYO),
    ],
    [
      'Sunday +2 is Tuesday',
      new TZDate(2026, MAY, 3, 11, 0, KOLKATA),
      2,
      KOLKATA,
      new TZDate(2026, MAY, 5, 11, 0, KOLKATA),
    ],
    [
      'over New Year',
      new TZDate(2026, DEC, 30, 10, 0, LA),
      3,
      LA,
      new TZDate(2027, JAN, 4, 10, 0, LA),
    ],
    // Across DST changes the wall-clock time stays 10:00 (a 24 h step would land on 9:00 or 11:00).
    [
      'New York spring forward',
      new TZDate(2026, MAR, 6, 10, 0, NY),
      1,
      NY,
      new TZDate(2026, MAR, 9, 10, 0, NY),
    ],
    [
      'New York fall back',
      new TZDate(2026, OCT, 30, 10, 0, NY),
      1,
      NY,
      new TZDate(2026, NOV, 2, 10, 0, NY),
    ],
    [
      'Berlin spring forward',
      new TZDate(2026, MAR, 27, 10, 0, BERLIN),
      1,
      BERLIN,
      new TZDate(2026, MAR, 30, 10, 0, BERLIN),
    ],
    [
      'Berlin fall back',
      new TZDate(2026, OCT, 23, 10, 0, BERLIN),
      1,
      BERLIN,
      new TZDate(2026, OCT, 26, 10, 0, BERLIN),
    ],
    [
      'Sydney autumn change',
      new TZDate(2026, APR, 3, 10, 0, SYDNEY),
      1,
      SYDNEY,
      new TZDate(2026, APR, 6, 10, 0, SYDNEY),
    ],
    [
      'Sydney spring change',
      new TZDate(2026, OCT, 2, 10, 0, SYDNEY),
      1,
      SYDNEY,
      new TZDate(2026, OCT, 5, 10, 0, SYDNEY),
    ],
  ])('%s', (_label, from, n, zone, expected) => {
    const result = addBusinessDays(from, n, zone);
    expect(result).toBe(expected.getTime());
    expect(wallClock(result, zone)).not.toMatch(/^(Sat|Sun)/);
  });

  it('counts business days on the prospect’s calendar, not the rep’s', () => {
    // Friday 9:00 in Tokyo is still Thursday evening in Los Angeles.
    const friday = new TZDate(2026, MAY, 1, 9, 0, TOKYO);
    expect(wallClock(nextBusinessDay(friday, TOKYO), TOKYO)).toBe('Mon 09:00');
    expect(wallClock(nextBusinessDay(friday, LA), LA)).toBe('Fri 17:00');
  });
});

describe('calendar days on the prospect’s calendar', () => {
  it.each([
    // The day of a change is 23 or 25 hours long; a follow-up "a day later" keeps its hour.
    [
      'Berlin spring forward',
      new TZDate(2026, MAR, 28, 10, 0, BERLIN),
      1,
      BERLIN,
      new TZDate(2026, MAR, 29, 10, 0, BERLIN),
    ],
    [
      'New York fall back',
      new TZDate(2026, OCT, 31, 10, 0, NY),
      1,
      NY,
      new TZDate(2026, NOV, 1, 10, 0, NY),
    ],
    [
      'Sydney, 30 days across the spring change',
      new TZDate(2026, OCT, 2, 10, 0, SYDNEY),
      30,
      SYDNEY,
      new TZDate(2026, NOV, 1, 10, 0, SYDNEY),
    ],
  ])('addLocalDays: %s', (_label, from, n, zone, expected) => {
    expect(addLocalDays(from, n, zone)).toBe(expected.getTime());
  });

  it('localDaysBetween counts dates in the zone, not 24-hour blocks', () => {
    // 23:30 Monday to 00:30 Tuesday in Tokyo is one hour but one calendar day.
    const late = new TZDate(2026, MAY, 4, 23, 30, TOKYO);
    const early = new TZDate(2026, MAY, 5, 0, 30, TOKYO);
    expect(localDaysBetween(late, early, TOKYO)).toBe(1);
    // The same two moments fall on one day in Los Angeles.
    expect(localDaysBetween(late, early, LA)).toBe(0);
  });
});

describe('windowSlots lists call slots in the windows, earliest first', () => {
  it('from Friday afternoon, the next best slots are Tuesday’s', () => {
    const friday = new TZDate(2026, MAY, 1, 16, 0, NY);
    const slots = take(windowSlots(friday, NY, 'best', 15), 7).map((s) => wallClock(s, NY));
    expect(slots).toEqual([
      'Tue 10:00',
      'Tue 10:30',
      'Tue 11:00',
      'Tue 13:30',
      'Tue 14:00',
      'Tue 14:30',
      'Wed 10:00',
    ]);
  });

  it('an hour-long call must end inside its window', () => {
    const monday = new TZDate(2026, MAY, 4, 9, 0, BERLIN);
    const slots = take(windowSlots(monday, BERLIN, 'best', 60), 4).map((s) => wallClock(s, BERLIN));
    expect(slots).toEqual(['Tue 10:00', 'Tue 10:30', 'Tue 13:30', 'Tue 14:00']);
  });

  it.each([
    [
      'Friday afternoon → Monday afternoon, not Monday morning',
      new TZDate(2026, MAY, 1, 16, 0, SYDNEY),
      SYDNEY,
      'Mon 13:30',
    ],
    [
      'Thursday evening → Friday morning, not Friday afternoon',
      new TZDate(2026, APR, 30, 17, 0, KOLKATA),
      KOLKATA,
      'Fri 10:00',
    ],
    ['Saturday → Monday afternoon', new TZDate(2026, MAY, 2, 9, 0, LONDON), LONDON, 'Mon 13:30'],
  ])("'fair' scope: %s", (_label, from, zone, expected) => {
    expect(wallClock(firstWindowSlot(from, zone, 'fair'), zone)).toBe(expected);
  });

  it('finds Tuesday 10:00 at the same wall-clock time right after the spring change', () => {
    const saturday = new TZDate(2026, MAR, 7, 12, 0, NY);
    expect(firstWindowSlot(saturday, NY)).toBe(new TZDate(2026, MAR, 10, 10, 0, NY).getTime());
  });
});

describe('businessHourSlots lists every weekday slot from 8:00 to 6:00 pm', () => {
  const wall = (ms: number, zone: string) => format(new TZDate(ms, zone), 'EEE HH:mm');
  it('starts after the weekend and counts only weekdays', () => {
    // Friday 5:50 pm in Tokyo: nothing left today; Monday and Tuesday follow.
    const from = new TZDate(2026, MAY, 8, 17, 50, TOKYO);
    const slots = [...businessHourSlots(from, TOKYO, 2)];
    expect(slots).toHaveLength(2 * 20);
    expect(wall(slots[0]!, TOKYO)).toBe('Mon 08:00');
    expect(wall(slots[19]!, TOKYO)).toBe('Mon 17:30');
    expect(wall(slots[39]!, TOKYO)).toBe('Tue 17:30');
    for (const slot of slots) expect(isBusinessHours(slot, TOKYO)).toBe(true);
  });

  it('never starts before `from` and lets a long call end by 6 pm', () => {
    const from = new TZDate(2026, MAY, 5, 16, 10, LONDON);
    const slots = [...businessHourSlots(from, LONDON, 1, 60)];
    expect(slots.map((slot) => wall(slot, LONDON))).toEqual(['Tue 16:30', 'Tue 17:00']);
  });

  it('keeps local hours across the change to summer time', () => {
    // Sydney leaves summer time on Sunday April 5, 2026: Monday still starts at 8:00 local.
    const from = new TZDate(2026, APR, 3, 18, 0, SYDNEY);
    const [first] = businessHourSlots(from, SYDNEY, 1);
    expect(wall(first!, SYDNEY)).toBe('Mon 08:00');
  });
});

describe('clockLabel', () => {
  const afternoon = new TZDate(2026, MAY, 5, 14, 0, NY);
  const early = new TZDate(2026, MAY, 5, 7, 30, NY);
  it.each([
    [afternoon, 'always', '2:00 pm'],
    [afternoon, 'outside-work-hours', '2:00'],
    [early, 'outside-work-hours', '7:30 am'],
  ] as const)('%s with %s → %s', (moment, meridiem, expected) => {
    expect(clockLabel(moment, NY, meridiem)).toBe(expected);
  });
});
