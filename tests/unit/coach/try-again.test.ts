import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { nextFollowUp } from '../../../lib/coach/cadence';
import { isInBestWindow, nextBusinessDay } from '../../../lib/coach/call-windows';
import { isSameLocalDay, localDaysBetween, startOfLocalDay } from '../../../lib/time/calendar';
import { coachCall } from '../../../lib/coach/call-coach';
import { bestTimesModel, type DialTally } from '../../../lib/coach/personal-best-times';
import { suggestAsk } from '../../../lib/coach/suggest-ask';
import { tryAgainSlot } from '../../../lib/coach/try-again';
import type { Attempt } from '../../../lib/model';
import { MAY, NY, LA, LONDON, TOKYO, SYDNEY } from './calendar';
import { coachInput, storedContact } from './coach-input';

const at = (day: number, hour: number, minute = 0, zone = NY) =>
  new TZDate(2026, MAY, day, hour, minute, zone).getTime();
const wall = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);

function voicemail(when: number, n: number): Attempt {
  return { id: `vm${n}`, contactId: 'c1', at: when, channel: 'call', outcome: 'voicemail' };
}

const contact = { timeZone: undefined, preferredChannel: undefined };

// May 2026: Friday 1, Monday 4, Tuesday 5, Wednesday 6, Thursday 7, Friday 8.
describe('tryAgainSlot: the time a voicemail promises', () => {
  it.each<[string, number, string, Attempt[], string]>([
    // The ask's first slot would be Tuesday 11:00, an hour on: too soon after a voicemail.
    ['Tuesday 10:00, in a best window', at(5, 10), NY, [], 'Thu 10:00'],
    ['Friday afternoon', at(1, 16), NY, [], 'Tue 10:00'],
    ['Monday morning in London', at(4, 9, 0, LONDON), LONDON, [], 'Wed 10:00'],
    ['Thursday evening in Tokyo', at(7, 19, 0, TOKYO), TOKYO, [], 'Tue 10:00'],
    // The second unanswered try waits 4 business days.
    ['Tuesday, after a voicemail last week', at(5, 10), NY, [voicemail(at(1, 11), 1)], 'Tue 10:00'],
  ])('%s', (_name, now, zone, attempts, expected) => {
    const slot = tryAgainSlot({ now, attempts, contact, prospectZone: zone, repZone: zone });
    expect(wall(slot.at, zone)).toBe(expected);
  });

  it.each([
    ['New York', NY, at(5, 10)],
    ['Los Angeles', LA, at(6, 14, 40, LA)],
    ['Sydney', SYDNEY, at(8, 9, 0, SYDNEY)],
    ['London', LONDON, at(7, 15, 0, LONDON)],
  ])(
    'in %s: never sooner than the cadence after a voicemail, at least the next business day, in a best window',
    (_name, zone, now) => {
      const history = [voicemail(now - 9 * 86_400_000, 1)];
      const slot = tryAgainSlot({
        now,
        attempts: history,
        contact,
        prospectZone: zone,
        repZone: NY,
      });
      const cadence = nextFollowUp('voicemail', history, now, contact, {
        repZone: NY,
        prospectZone: zone,
      });
      expect(slot.at).toBeGreaterThanOrEqual(startOfLocalDay(cadence!.dueAt, zone));
      expect(slot.at).toBeGreaterThanOrEqual(startOfLocalDay(nextBusinessDay(now, zone), zone));
      expect(isInBestWindow(slot.at, zone)).toBe(true);
    },
  );

  it('is said in the prospect’s time, with the rep’s clock beside it', () => {
    const slot = tryAgainSlot({
      now: at(1, 16),
      attempts: [],
      contact,
      prospectZone: NY,
      repZone: LA,
    });
    expect(slot).toEqual({
      at: at(5, 10),
      prospectLabel: 'Tuesday at 10:00',
      repLabel: '7:00 am your time',
    });
  });

  it('takes the rep’s best hour of that day when their record has enough dials there', () => {
    const grid: DialTally[][] = Array.from({ length: 7 }, () =>
      Array.from({ length: 24 }, () => ({ dials: 0, connects: 0 })),
    );
    grid[1]![14] = { dials: 100, connects: 50 }; // Tuesday 2–3 pm
    const slot = tryAgainSlot({
      now: at(1, 16),
      attempts: [],
      contact,
      prospectZone: NY,
      repZone: NY,
      bestTimes: bestTimesModel(grid),
    });
    expect(wall(slot.at, NY)).toBe('Tue 14:00');
  });
});

describe('coachCall promises the try-again slot in the voicemail', () => {
  const person = storedContact({ timeZone: NY });

  it('not the suggested ask’s first slot, which may be later the same day', () => {
    const now = at(5, 10);
    const view = coachCall(coachInput(person, now));
    const askFirst = suggestAsk(now, NY, NY).slots[0].at;
    expect(isSameLocalDay(askFirst, now, NY)).toBe(true);
    expect(localDaysBetween(now, view.tryAgain.at, NY)).toBe(2);
    expect(view.scripts.voicemail).toContain("I'll call you again Thursday at 10:00.");
  });
});
