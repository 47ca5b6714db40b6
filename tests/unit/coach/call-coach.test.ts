import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { coachCall, type CallCoachInput } from '../../../lib/coach/call-coach';
import { isBusinessHours, isMidweek } from '../../../lib/coach/call-windows';
import { isSameLocalDay } from '../../../lib/time/calendar';
import {
  bestTimesModel,
  MIN_DIALS_FOR_OWN_DATA,
  type DialTally,
} from '../../../lib/coach/personal-best-times';
import { MIN_LEAD_MS } from '../../../lib/coach/suggest-ask';
import type { Attempt } from '../../../lib/model';
import { coachInput, storedContact } from './coach-input';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const MAY = 4;
const MON = 0;
const TUE = 1;
const WED = 2;
const THU = 3;
const SAT = 5;

/** A 7 × 24 tally grid, Monday-first, with the given cells filled: a hand-made heatmap. */
function tallies(filled: [day: number, hour: number, tally: DialTally][] = []): DialTally[][] {
  const grid = Array.from({ length: 7 }, () =>
    Array.from({ length: 24 }, () => ({ dials: 0, connects: 0 })),
  );
  for (const [day, hour, tally] of filled) {
    const row = grid[day];
    if (row) row[hour] = tally;
  }
  return grid;
}

const contact = storedContact({ company: 'Northwind', timeZone: NY });

function input(now: number, extra: Partial<CallCoachInput> = {}): CallCoachInput {
  return coachInput(contact, now, extra);
}

const at = (day: number, hour: number, minute = 0, zone = NY) =>
  new TZDate(2026, MAY, day, hour, minute, zone).getTime();

// May 2026: Friday 1, Monday 4, Tuesday 5, Wednesday 6, Thursday 7.
const FRIDAY_4PM = at(1, 16);
const TUESDAY_3_10PM = at(5, 15, 10);
const WEDNESDAY_10_15 = at(6, 10, 15);
const SATURDAY_NOON = at(2, 12);
const MONDAY_9 = at(4, 9);

describe('coachCall with a best-times model of priors only', () => {
  const priorsOnly = bestTimesModel(tallies());

  it.each([
    ['Friday afternoon', FRIDAY_4PM, NY],
    ['Tuesday mid-afternoon', TUESDAY_3_10PM, NY],
    ['Wednesday in a best window', WEDNESDAY_10_15, NY],
    ['Saturday', SATURDAY_NOON, NY],
    ['Monday morning, rep in Tokyo', MONDAY_9, TOKYO],
  ])('%s → the same badge, ask and scripts as the general advice', (_name, now, repZone) => {
    const general = coachCall(input(now, { repZone }));
    const personal = coachCall(input(now, { repZone, bestTimes: priorsOnly }));
    expect(personal.bestTime).toMatchObject({
      rating: general.bestTime.rating,
      reason: general.bestTime.reason,
      basis: 'general-advice',
    });
    expect(personal.bestTime.nextBestAt).toBe(general.bestTime.nextBestAt);
    expect(personal.ask).toEqual(general.ask);
    expect(personal.scripts).toEqual(general.scripts);
  });

  it('keeps the general slots while no candidate hour has enough dials, however good it looks', () => {
    // Thursday 2 pm: every dial connected — a striking rate, one dial short of enough to trust.
    const few = MIN_DIALS_FOR_OWN_DATA - 1;
    const sparse = bestTimesModel(tallies([[THU, 14, { dials: few, connects: few }]]));
    const general = coachCall(input(FRIDAY_4PM));
    expect(coachCall(input(FRIDAY_4PM, { bestTimes: sparse })).ask).toEqual(general.ask);
  });
});

describe('coachCall when the rep’s own dials dominate', () => {
  // Tuesday 3 pm: 100 dials, 40 connects; Wednesday 10 am: 100 dials, 10 connects.
  // The rep's average is 50 of 200 = 25%.
  const model = bestTimesModel(
    tallies([
      [TUE, 15, { dials: 100, connects: 40 }],
      [WED, 10, { dials: 100, connects: 10 }],
    ]),
  );

  it('rates an hour the general rules call fair as good, quoting the rep’s connect rate', () => {
    expect(coachCall(input(TUESDAY_3_10PM)).bestTime.rating).toBe('fair');
    const { bestTime } = coachCall(input(TUESDAY_3_10PM, { bestTimes: model }));
    expect(bestTime.rating).toBe('good');
    expect(bestTime.reason).toBe(
      'Tuesday 3:10 pm there — your connect rate Tue 3–4 pm: 40% over 100 dials (your average: 25%)',
    );
    expect(bestTime).toMatchObject({ basis: 'your-data' });
  });

  it('rates a best window as poor when the rep rarely connects then', () => {
    expect(coachCall(input(WEDNESDAY_10_15)).bestTime.rating).toBe('good');
    const { bestTime } = coachCall(input(WEDNESDAY_10_15, { bestTimes: model }));
    expect(bestTime.rating).toBe('poor');
    expect(bestTime.reason).toMatch(/your connect rate Wed 10–11 am: 10% over 100 dials/);
  });

  it('falls back to the general advice, and says so, in an hour without enough dials', () => {
    const { bestTime } = coachCall(input(FRIDAY_4PM, { bestTimes: model }));
    expect(bestTime).toMatchObject({
      rating: 'poor',
      reason: 'Friday 4:00 pm there — Friday afternoons rarely connect',
      basis: 'general-advice',
    });
  });
});

describe('coachCall re-ranks the suggested slots by the rep’s own connect rates', () => {
  // Thursday 2 pm connects at 60% over 100 dials; everything else is prior only.
  const thursdayAfternoons = bestTimesModel(tallies([[THU, 14, { dials: 100, connects: 60 }]]));

  it('puts the rep’s best slot first and keeps a second on another day', () => {
    const general = coachCall(input(FRIDAY_4PM));
    expect(general.ask.text).toBe(
      'Would Tuesday at 10:00 or Wednesday at 1:30 work for a 15-minute call to see whether this fits?',
    );
    const { ask, scripts } = coachCall(input(FRIDAY_4PM, { bestTimes: thursdayAfternoons }));
    expect(ask.slots.map((slot) => slot.at)).toEqual([at(7, 14), at(5, 10)]);
    expect(ask.text).toBe(
      'Would Thursday at 2:00 or Tuesday at 10:00 work for a 15-minute call to see whether this fits?',
    );
    expect(ask.repText).toBeUndefined();
    expect(ask.basis).toBe('next-windows');
    // The voicemail promises the cadence's next day (2 business days on), not the ask's slot.
    expect(scripts.voicemail).toContain("I'll call you again Tuesday at 10:00.");
  });

  it('says why, quoting the rep’s own numbers', () => {
    const { ask } = coachCall(input(FRIDAY_4PM, { bestTimes: thursdayAfternoons }));
    expect(ask.why).toBe('Thursday at 2:00 — your connect rate Thu 2–3 pm: 60% over 100 dials.');
  });

  it('says nothing of the rep’s numbers while they do not decide', () => {
    expect(coachCall(input(FRIDAY_4PM)).ask.why).toBeUndefined();
    const priorsOnly = bestTimesModel(tallies());
    expect(coachCall(input(FRIDAY_4PM, { bestTimes: priorsOnly })).ask.why).toBeUndefined();
  });

  it('steers away from a usual slot the rep rarely connects in, and says so', () => {
    // Tuesday 10–11 am: 100 dials, 5 connects.
    const badTuesdays = bestTimesModel(tallies([[TUE, 10, { dials: 100, connects: 5 }]]));
    const { ask } = coachCall(input(FRIDAY_4PM, { bestTimes: badTuesdays }));
    expect(ask.slots.map((slot) => slot.at)).not.toContain(at(5, 10));
    expect(ask.why).toBe(
      'Not Tuesday at 10:00 — your connect rate Tue 10–11 am: 5% over 100 dials.',
    );
  });

  it('prefers a business hour outside the best windows when the rep’s record there is strong', () => {
    // Friday 9–10 am: 80 dials, 40 connects — far above the best windows' prior.
    const fridayMornings = bestTimesModel(tallies([[4, 9, { dials: 80, connects: 40 }]]));
    const monday = at(4, 9);
    const { ask } = coachCall(input(monday, { bestTimes: fridayMornings }));
    expect(ask.slots[0].at).toBe(at(8, 9));
    expect(ask.slots[0].prospectLabel).toBe('Friday at 9:00');
    expect(ask.why).toBe('Friday at 9:00 — your connect rate Fri 9–10 am: 50% over 80 dials.');
  });

  it('does not leave the best windows on a hunch: too few dials outside them count for nothing', () => {
    const few = MIN_DIALS_FOR_OWN_DATA - 1;
    const sparse = bestTimesModel(
      tallies([
        [4, 9, { dials: few, connects: few }],
        [THU, 14, { dials: 100, connects: 30 }],
      ]),
    );
    const { ask } = coachCall(input(MONDAY_9, { bestTimes: sparse }));
    for (const slot of ask.slots) expect(isMidweek(slot.at, NY)).toBe(true);
  });

  it('keeps the rules: future, business hours, a week ahead at most, two different days', () => {
    const models = [
      thursdayAfternoons,
      bestTimesModel(tallies([[TUE, 10, { dials: 300, connects: 150 }]])),
      // Data that favours the weekend or an evening never offers them; a strong Monday morning may.
      bestTimesModel(
        tallies([
          [SAT, 10, { dials: 200, connects: 180 }],
          [TUE, 19, { dials: 200, connects: 180 }],
          [TUE, 7, { dials: 200, connects: 180 }],
          [MON, 9, { dials: 200, connects: 180 }],
          [WED, 14, { dials: 40, connects: 20 }],
        ]),
      ),
    ];
    for (const now of [FRIDAY_4PM, TUESDAY_3_10PM, WEDNESDAY_10_15, SATURDAY_NOON]) {
      for (const bestTimes of models) {
        const [first, second] = coachCall(input(now, { bestTimes })).ask.slots;
        for (const slot of [first, second]) {
          expect(slot.at).toBeGreaterThanOrEqual(now + MIN_LEAD_MS);
          expect(slot.at).toBeLessThan(now + 9 * 24 * 3600_000);
          expect(isBusinessHours(slot.at, NY)).toBe(true);
        }
        expect(isSameLocalDay(first.at, second.at, NY)).toBe(false);
      }
    }
  });

  it('shows the rep’s clock beside each slot when the zones differ', () => {
    const { ask } = coachCall(input(FRIDAY_4PM, { repZone: TOKYO, bestTimes: thursdayAfternoons }));
    expect(ask.repText).toBe(
      'Would Thursday at 2:00 (Friday 3:00 am your time) or Tuesday at 10:00 (11:00 pm your time) work for a 15-minute call to see whether this fits?',
    );
  });

  it('keeps an agreed time and the golden window after a call, whatever the data', () => {
    const agreed: Attempt = {
      id: 'a1',
      contactId: 'c1',
      at: at(1, 11),
      channel: 'call',
      outcome: 'connected',
      agreedAt: at(6, 10, 30),
    };
    const withAgreement = input(FRIDAY_4PM, { attempts: [agreed] });
    expect(coachCall({ ...withAgreement, bestTimes: thursdayAfternoons }).ask).toEqual(
      coachCall(withAgreement).ask,
    );

    const justSpoke: Attempt = {
      id: 'a2',
      contactId: 'c1',
      at: at(4, 15),
      channel: 'call',
      outcome: 'connected',
    };
    const golden = input(at(4, 16), { attempts: [justSpoke] });
    const general = coachCall(golden).ask;
    expect(general.basis).toBe('golden-window');
    expect(coachCall({ ...golden, bestTimes: thursdayAfternoons }).ask).toEqual(general);
  });
});

describe('coachCall words the ask for the situation', () => {
  const logged = (outcome: Attempt['outcome'], when: number, extra: Partial<Attempt> = {}) => ({
    id: `${outcome}-${when}`,
    contactId: 'c1',
    at: when,
    channel: 'call' as const,
    outcome,
    ...extra,
  });

  it.each<[string, Attempt[], RegExp]>([
    ['nothing logged', [], /to see whether this fits\?$/],
    [
      'information sent on Monday',
      [logged('sent-info', at(4, 11))],
      /walk through what I sent you\?$/,
    ],
    [
      'a call three weeks ago and three voicemails since',
      [
        logged('connected', at(1, 11) - 21 * 24 * 3600_000),
        logged('voicemail', at(1, 11) - 14 * 24 * 3600_000),
        logged('voicemail', at(1, 11) - 7 * 24 * 3600_000),
        logged('voicemail', at(1, 11)),
      ],
      /yes or no/,
    ],
    ['said not interested', [logged('not-interested', at(1, 11))], /or shall I close the file\?$/],
  ])('%s', (_name, attempts, wording) => {
    const { ask, scripts } = coachCall(input(FRIDAY_4PM, { attempts }));
    expect(ask.text).toMatch(wording);
    // With no ask of the rep's own, the close says the suggested one.
    expect(scripts.close).toBe(ask.text);
  });

  it('does not take a voicemail’s "I’ll try you again" as a time the prospect agreed', () => {
    const promise = logged('voicemail', at(1, 11), { agreedAt: at(5, 11) });
    const { ask } = coachCall(input(FRIDAY_4PM, { attempts: [promise] }));
    expect(ask.basis).not.toBe('agreed-time');
    expect(ask.text).not.toMatch(/agreed/);
  });
});
