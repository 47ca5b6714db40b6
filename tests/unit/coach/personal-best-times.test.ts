import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { bestTimeNow } from '../../../lib/coach/best-time';
import {
  bestTimesModel,
  hourRangeLabel,
  MIN_DIALS_FOR_OWN_DATA,
  personalBestTimeNow,
  personalSlotRanking,
  PRIOR_DIALS,
  type DialTally,
} from '../../../lib/coach/personal-best-times';
import { connectHeatmap } from '../../../lib/insights';
import type { Attempt } from '../../../lib/model';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const JUN = 5;
const MON = 0;
const TUE = 1;
const WED = 2;
const FRI = 4;
const SAT = 5;

/** "Now": Sunday 7 June 2026, 12:00 in New York — every candidate below lies after it. */
const NOW = new TZDate(2026, JUN, 7, 12, 0, NY).getTime();
const MONDAY_9 = new TZDate(2026, JUN, 8, 9, 0, NY).getTime();
const WEDNESDAY_10_30 = new TZDate(2026, JUN, 10, 10, 30, NY).getTime();

/** A 7 × 24 tally grid, Monday-first, with the given cells filled. */
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

describe('bestTimesModel priors', () => {
  const model = bestTimesModel(tallies());

  it.each([
    ['Wednesday 10:00–11:00, all best window', WED, 10, 0.18],
    ['Wednesday 11:00–12:00, half best window (until 11:30)', WED, 11, 0.14],
    ['Tuesday 13:00–14:00, half best window (from 13:30)', TUE, 13, 0.14],
    ['Tuesday 15:00–16:00, ordinary business hours', TUE, 15, 0.1],
    ['Monday 9:00, Monday morning', MON, 9, 0.06],
    ['Friday 12:00, Friday afternoon', FRI, 12, 0.06],
    ['Tuesday 7:00, before hours', TUE, 7, 0.03],
    ['Saturday 10:00, weekend', SAT, 10, 0.03],
  ])('%s → %s', (_name, day, hour, prior) => {
    const cell = model.cells[day]?.[hour];
    expect(cell?.prior).toBeCloseTo(prior, 10);
    expect(cell?.posterior).toBeCloseTo(prior, 10); // no data: the prior alone
    expect(cell?.hasEnoughData).toBe(false);
  });
});

describe('personalSlotRanking', () => {
  it('with no data, ranks as the general advice: Wednesday 10:30 beats Monday 9:00', () => {
    const ranked = personalSlotRanking(
      bestTimesModel(tallies()),
      [MONDAY_9, WEDNESDAY_10_30],
      NY,
      NOW,
    );
    expect(ranked.map((slot) => slot.at)).toEqual([WEDNESDAY_10_30, MONDAY_9]);
  });

  it('lets plenty of the rep’s own data overrule the prior', () => {
    // Monday 9:00: 300 dials, 120 connects → (120 + 0.06 × 20) / (300 + 20) = 0.379 > 0.18.
    const model = bestTimesModel(tallies([[MON, 9, { dials: 300, connects: 120 }]]));
    const ranked = personalSlotRanking(model, [WEDNESDAY_10_30, MONDAY_9], NY, NOW);
    expect(ranked.map((slot) => slot.at)).toEqual([MONDAY_9, WEDNESDAY_10_30]);
    expect(ranked[0]?.posterior).toBeCloseTo(121.2 / 320, 10);
    expect(ranked[0]?.hasEnoughData).toBe(true);
  });

  it('keeps a sparse cell near its prior', () => {
    // Tuesday 15:00: 5 dials, 2 connects (raw 40%) → (2 + 0.10 × 20) / 25 = 0.16.
    const cell = bestTimesModel(tallies([[TUE, 15, { dials: 5, connects: 2 }]])).cells[TUE]?.[15];
    expect(PRIOR_DIALS).toBe(20);
    expect(cell?.posterior).toBeCloseTo(0.16, 10);
    expect(cell?.hasEnoughData).toBe(false);
  });

  it('never offers a slot in the past or outside business hours, whatever the data', () => {
    const evening = new TZDate(2026, JUN, 9, 19, 0, NY).getTime();
    const saturday = new TZDate(2026, JUN, 13, 10, 0, NY).getTime();
    const past = new TZDate(2026, JUN, 5, 10, 30, NY).getTime(); // Friday before NOW
    const model = bestTimesModel(
      tallies([
        [TUE, 19, { dials: 100, connects: 90 }],
        [SAT, 10, { dials: 100, connects: 90 }],
        [FRI, 10, { dials: 100, connects: 90 }],
      ]),
    );
    const ranked = personalSlotRanking(model, [evening, saturday, past, MONDAY_9], NY, NOW);
    expect(ranked.map((slot) => slot.at)).toEqual([MONDAY_9]);
  });

  it('reads each slot on the prospect’s clock: the same instant is 10:30 in New York, 23:30 in Tokyo', () => {
    const model = bestTimesModel(tallies());
    expect(personalSlotRanking(model, [WEDNESDAY_10_30], NY, NOW)[0]?.prior).toBe(0.18);
    expect(personalSlotRanking(model, [WEDNESDAY_10_30], TOKYO, NOW)).toEqual([]);
  });
});

describe('personalBestTimeNow', () => {
  const dial = (contactId: string, at: number, connected: boolean, i: number): Attempt => ({
    id: `${contactId}-${at}-${i}`,
    contactId,
    at: at + i * 1000,
    channel: 'call',
    outcome: connected ? 'connected' : 'no-answer',
  });
  const dials = (contactId: string, at: number, total: number, connects: number): Attempt[] =>
    Array.from({ length: total }, (_, i) => dial(contactId, at, i < connects, i));

  // Wednesday 10 June 2026 14:40 UTC: Wednesday 10:40 in New York, Wednesday 23:40 in Tokyo.
  const WED_1440_UTC = Date.UTC(2026, JUN, 10, 14, 40);
  const TUE_14_NY = new TZDate(2026, JUN, 9, 14, 0, NY).getTime();
  const zoneOf = (contactId: string): string => (contactId === 'tokyo' ? TOKYO : NY);
  // The New York prospects: Wed 10–11 am: 52 dials, 20 connects (38%); Tue 2–3 pm: 48 dials,
  // 4 connects (8%). Average 24 / 100 = 24%. A Tokyo prospect dialled at the same instants
  // lands in Wednesday 23:00 there, a cell of its own.
  const model = bestTimesModel(
    connectHeatmap(
      [
        ...dials('ny', WED_1440_UTC - 40 * 60_000, 52, 20),
        ...dials('ny', TUE_14_NY, 48, 4),
        ...dials('tokyo', WED_1440_UTC - 40 * 60_000, 40, 30),
      ],
      zoneOf,
    ),
  );

  it('quotes the rep’s own rate for the hour when there are enough dials', () => {
    const nyOnly = bestTimesModel(
      connectHeatmap(
        [...dials('ny', WED_1440_UTC - 40 * 60_000, 52, 20), ...dials('ny', TUE_14_NY, 48, 4)],
        zoneOf,
      ),
    );
    expect(MIN_DIALS_FOR_OWN_DATA).toBe(30);
    // 38% ≥ 1.25 × 24% = 30% → good.
    expect(personalBestTimeNow(nyOnly, WED_1440_UTC, NY)).toEqual({
      rating: 'good',
      reason:
        'Wednesday 10:40 am there — your connect rate Wed 10–11 am: 38% over 52 dials (your average: 24%)',
      basis: 'your-data',
    });
    // 8% ≤ 0.75 × 24% = 18% → poor, even though 2–3 pm Tuesday is a best window in general.
    const tuesday = personalBestTimeNow(nyOnly, TUE_14_NY + 15 * 60_000, NY);
    expect(tuesday.rating).toBe('poor');
    expect(tuesday.reason).toBe(
      'Tuesday 2:15 pm there — your connect rate Tue 2–3 pm: 8% over 48 dials (your average: 24%)',
    );
  });

  it('falls back to the general advice when the hour has too few dials', () => {
    const thursday = new TZDate(2026, JUN, 11, 10, 40, NY).getTime();
    expect(personalBestTimeNow(model, thursday, NY)).toEqual({
      ...bestTimeNow(thursday, NY),
      basis: 'general-advice',
    });
  });

  it('reads the hour on the prospect’s clock: the same instant is a different cell in Tokyo', () => {
    // Tokyo: Wednesday 23:00–24:00 holds the Tokyo prospect's 40 dials, 30 connects (75%).
    const tokyo = personalBestTimeNow(model, WED_1440_UTC, TOKYO);
    expect(tokyo.basis).toBe('your-data');
    expect(tokyo.reason).toContain('Wed 11 pm–12 am: 75% over 40 dials');
    expect(personalBestTimeNow(model, WED_1440_UTC, NY).reason).toContain(
      'Wed 10–11 am: 38% over 52 dials',
    );
  });
});

describe('hourRangeLabel', () => {
  it.each([
    [0, '12–1 am'],
    [10, '10–11 am'],
    [11, '11 am–12 pm'],
    [12, '12–1 pm'],
    [23, '11 pm–12 am'],
  ])('%s → %s', (hour, label) => {
    expect(hourRangeLabel(hour)).toBe(label);
  });
});
