import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { MIN_LEAD_MS, suggestAsk } from '../../../lib/coach/suggest-ask';
import { isTimedAsk } from '../../../lib/coach/ask-detection';
import { findCheckInPhrases } from '../../../lib/coach/checkin-language';
import type { SituationKey } from '../../../lib/coach/situation';
import {
  MAR,
  APR,
  MAY,
  OCT,
  NOV,
  NY,
  LA,
  LONDON,
  BERLIN,
  KOLKATA,
  TOKYO,
  SYDNEY,
} from './calendar';

const ZONES = [LA, NY, LONDON, BERLIN, KOLKATA, TOKYO, SYDNEY];

const HOUR_MS = 60 * 60 * 1000;

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

function localDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(ms);
}

const BEST_STARTS = ['10:00', '10:30', '11:00', '13:30', '14:00', '14:30'];

describe('suggestAsk offers two mid-week window slots on the prospect’s clock', () => {
  it.each([
    // [label, now, zone, first slot, second slot, text]
    [
      'Friday afternoon now → next Tuesday and Wednesday',
      new TZDate(2026, MAY, 1, 16, 0, NY),
      NY,
      new TZDate(2026, MAY, 5, 10, 0, NY),
      new TZDate(2026, MAY, 6, 13, 30, NY),
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'Monday morning now → Tuesday and Wednesday',
      new TZDate(2026, MAY, 4, 9, 0, BERLIN),
      BERLIN,
      new TZDate(2026, MAY, 5, 10, 0, BERLIN),
      new TZDate(2026, MAY, 6, 13, 30, BERLIN),
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'weekend now',
      new TZDate(2026, MAY, 2, 20, 0, SYDNEY),
      SYDNEY,
      new TZDate(2026, MAY, 5, 10, 0, SYDNEY),
      new TZDate(2026, MAY, 6, 13, 30, SYDNEY),
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'Tuesday 9:01 is under an hour before 10:00, so 10:30',
      new TZDate(2026, MAY, 5, 9, 1, TOKYO),
      TOKYO,
      new TZDate(2026, MAY, 5, 10, 30, TOKYO),
      new TZDate(2026, MAY, 6, 13, 30, TOKYO),
      'Does Tuesday at 10:30 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'Tuesday noon: this afternoon, then Wednesday morning',
      new TZDate(2026, MAY, 5, 12, 0, KOLKATA),
      KOLKATA,
      new TZDate(2026, MAY, 5, 13, 30, KOLKATA),
      new TZDate(2026, MAY, 6, 10, 0, KOLKATA),
      'Does Tuesday at 1:30 or Wednesday at 10:00 work better for a 15-minute walk-through?',
    ],
    [
      'Wednesday after the windows: Thursday, then next Tuesday (skipping Fri–Mon)',
      new TZDate(2026, MAY, 6, 14, 10, LONDON),
      LONDON,
      new TZDate(2026, MAY, 7, 10, 0, LONDON),
      new TZDate(2026, MAY, 12, 13, 30, LONDON),
      'Does Thursday at 10:00 or Tuesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'across the New York spring change',
      new TZDate(2026, MAR, 6, 16, 0, NY),
      NY,
      new TZDate(2026, MAR, 10, 10, 0, NY),
      new TZDate(2026, MAR, 11, 13, 30, NY),
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'across the New York autumn change',
      new TZDate(2026, OCT, 30, 16, 0, NY),
      NY,
      new TZDate(2026, NOV, 3, 10, 0, NY),
      new TZDate(2026, NOV, 4, 13, 30, NY),
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'across the Berlin spring change',
      new TZDate(2026, MAR, 27, 16, 0, BERLIN),
      BERLIN,
      new TZDate(2026, MAR, 31, 10, 0, BERLIN),
      new TZDate(2026, APR, 1, 13, 30, BERLIN),
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'across the Sydney autumn change',
      new TZDate(2026, APR, 3, 16, 0, SYDNEY),
      SYDNEY,
      new TZDate(2026, APR, 7, 10, 0, SYDNEY),
      new TZDate(2026, APR, 8, 13, 30, SYDNEY),
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
  ])('%s', (_label, now, zone, first, second, text) => {
    const ask = suggestAsk(now, zone, zone);
    expect(ask.slots.map((slot) => slot.at)).toEqual([first.getTime(), second.getTime()]);
    expect(ask.text).toBe(text);
    expect(ask.basis).toBe('next-windows');
    expect(ask.repText).toBeUndefined();
    expect(ask.slots.every((slot) => slot.repLabel === undefined)).toBe(true);
  });

  it.each(ZONES)(
    'in %s, for any now over five weeks: never past, Tue–Thu in a window, two days',
    (zone) => {
      const start = new TZDate(2026, MAR, 1, 0, 0, zone).getTime();
      // Every 7 h for 5 weeks lands on every hour of every weekday, DST changes included.
      for (let now = start; now < start + 35 * 24 * HOUR_MS; now += 7 * HOUR_MS) {
        const ask = suggestAsk(now, zone, zone);
        const [a, b] = ask.slots;
        for (const slot of ask.slots) {
          expect(slot.at).toBeGreaterThanOrEqual(now + MIN_LEAD_MS);
          const [weekday, time] = wallClock(slot.at, zone).split(' ');
          expect(['Tue', 'Wed', 'Thu']).toContain(weekday);
          expect(BEST_STARTS).toContain(time);
        }
        expect(localDate(a.at, zone)).not.toBe(localDate(b.at, zone));
        expect(a.at).toBeLessThan(b.at);
      }
    },
  );

  it('uses the length and purpose it is given', () => {
    const ask = suggestAsk(new TZDate(2026, MAY, 4, 9, 0, LA), LA, LA, {
      minutes: 30,
      purpose: 'pricing review',
    });
    expect(ask.text).toBe(
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 30-minute pricing review?',
    );
  });

  it('an hour-long ask still ends inside the window (no 11:00 or 2:30 start)', () => {
    const ask = suggestAsk(new TZDate(2026, MAY, 5, 9, 45, NY), NY, NY, { minutes: 60 });
    expect(ask.slots.map((slot) => wallClock(slot.at, NY))).toEqual(['Tue 13:30', 'Wed 10:00']);
  });
});

describe('the rep’s own time beside each slot', () => {
  it.each([
    [
      'rep in Los Angeles, prospect in New York',
      NY,
      LA,
      new TZDate(2026, MAY, 4, 9, 0, NY),
      ['7:00 am your time', '10:30 am your time'],
      'Does Tuesday at 10:00 (7:00 am your time) or Wednesday at 1:30 (10:30 am your time) work better for a 15-minute walk-through?',
    ],
    [
      'rep in Los Angeles, prospect in Tokyo: the rep’s day is a day earlier',
      TOKYO,
      LA,
      new TZDate(2026, MAY, 4, 9, 0, TOKYO),
      ['Monday 6:00 pm your time', 'Tuesday 9:30 pm your time'],
      'Does Tuesday at 10:00 (Monday 6:00 pm your time) or Wednesday at 1:30 (Tuesday 9:30 pm your time) work better for a 15-minute walk-through?',
    ],
    [
      'rep in London, prospect in New York, in the weeks their DST dates differ',
      NY,
      LONDON,
      new TZDate(2026, MAR, 9, 9, 0, NY),
      // Four hours apart, not the usual five, until London changes on March 29.
      ['2:00 pm your time', '5:30 pm your time'],
      'Does Tuesday at 10:00 (2:00 pm your time) or Wednesday at 1:30 (5:30 pm your time) work better for a 15-minute walk-through?',
    ],
    [
      'rep in Berlin, prospect in Kolkata',
      KOLKATA,
      BERLIN,
      new TZDate(2026, MAY, 4, 9, 0, KOLKATA),
      ['6:30 am your time', '10:00 am your time'],
      'Does Tuesday at 10:00 (6:30 am your time) or Wednesday at 1:30 (10:00 am your time) work better for a 15-minute walk-through?',
    ],
  ])('%s', (_label, prospectZone, repZone, now, repLabels, repText) => {
    const ask = suggestAsk(now, prospectZone, repZone);
    expect(ask.slots.map((slot) => slot.repLabel)).toEqual(repLabels);
    expect(ask.repText).toBe(repText);
    // What the prospect hears stays in their own time.
    expect(ask.text).toBe(
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    );
  });
});

describe('an agreed time', () => {
  it('comes first, exactly, when it is still ahead', () => {
    const now = new TZDate(2026, MAY, 5, 9, 0, NY);
    const agreed = new TZDate(2026, MAY, 7, 11, 0, NY);
    const ask = suggestAsk(now, NY, NY, { agreedAt: agreed.getTime() });
    expect(ask.basis).toBe('agreed-time');
    expect(ask.slots[0].at).toBe(agreed.getTime());
    // The fallback comes after the promise, on another day, in the other half of the day.
    expect(ask.slots[1].at).toBe(new TZDate(2026, MAY, 12, 13, 30, NY).getTime());
    expect(ask.text).toBe(
      'We agreed on Thursday at 11:00 — does that still work for a 15-minute walk-through, or would Tuesday, May 12 at 1:30 suit you better?',
    );
  });

  it('is kept even outside the windows, labelled with am/pm when the hour is unusual', () => {
    const now = new TZDate(2026, MAY, 4, 9, 0, SYDNEY);
    const agreed = new TZDate(2026, MAY, 8, 7, 30, SYDNEY);
    const ask = suggestAsk(now, SYDNEY, SYDNEY, { agreedAt: agreed.getTime() });
    expect(ask.slots[0]).toEqual({ at: agreed.getTime(), prospectLabel: 'Friday at 7:30 am' });
  });

  it.each([
    ['an hour ago', -1],
    ['yesterday', -24],
  ])('is ignored when it was %s', (_label, hoursFromNow) => {
    const now = new TZDate(2026, MAY, 4, 9, 0, LONDON);
    const agreedAt = now.getTime() + hoursFromNow * HOUR_MS;
    const ask = suggestAsk(now, LONDON, LONDON, { agreedAt });
    expect(ask.basis).toBe('next-windows');
    expect(ask.slots.map((slot) => slot.at)).toEqual([
      new TZDate(2026, MAY, 5, 10, 0, LONDON).getTime(),
      new TZDate(2026, MAY, 6, 13, 30, LONDON).getTime(),
    ]);
    expect(ask.text.startsWith('Does Tuesday at 10:00')).toBe(true);
  });
});

describe('the golden window (48 h after an event)', () => {
  it('keeps both slots inside it when the window holds them', () => {
    // First call Monday 11:00; the window closes Wednesday 11:00, so Wednesday 1:30 would miss it.
    const event = new TZDate(2026, MAY, 4, 11, 0, NY);
    const now = new TZDate(2026, MAY, 5, 9, 0, NY);
    const ask = suggestAsk(now, NY, NY, { recentEventAt: event.getTime() });
    expect(ask.basis).toBe('golden-window');
    expect(ask.goldenWindowEndsAt).toBe(new TZDate(2026, MAY, 6, 11, 0, NY).getTime());
    expect(ask.slots.map((slot) => wallClock(slot.at, NY))).toEqual(['Tue 10:00', 'Wed 10:00']);
    // Without the recent event the second slot is the afternoon one.
    const plain = suggestAsk(now, NY, NY);
    expect(plain.slots.map((slot) => wallClock(slot.at, NY))).toEqual(['Tue 10:00', 'Wed 13:30']);
  });

  it('falls back to the next windows when the 48 h hold no Tue–Thu slot', () => {
    // Event Thursday 4 pm: the window closes Saturday.
    const event = new TZDate(2026, APR, 30, 16, 0, BERLIN);
    const now = new TZDate(2026, MAY, 1, 9, 0, BERLIN);
    const ask = suggestAsk(now, BERLIN, BERLIN, { recentEventAt: event.getTime() });
    expect(ask.basis).toBe('next-windows');
    expect(ask.slots.map((slot) => wallClock(slot.at, BERLIN))).toEqual(['Tue 10:00', 'Wed 13:30']);
  });

  it('does not apply to an event more than 48 h old', () => {
    const now = new TZDate(2026, MAY, 5, 9, 0, TOKYO);
    const ask = suggestAsk(now, TOKYO, TOKYO, { recentEventAt: now.getTime() - 49 * HOUR_MS });
    expect(ask.basis).toBe('next-windows');
    expect(ask.goldenWindowEndsAt).toBeUndefined();
  });
});

describe('the ask is worded for the situation', () => {
  // Friday 4 pm in New York: the slots are Tuesday 10:00 and Wednesday 1:30 whatever the wording.
  const now = new TZDate(2026, MAY, 1, 16, 0, NY);
  it.each<[SituationKey | undefined, string]>([
    [
      undefined,
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'after-good-call',
      'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?',
    ],
    [
      'after-info-sent',
      'Could we take 15 minutes on Tuesday at 10:00 or Wednesday at 1:30 to walk through what I sent you?',
    ],
    [
      'gone-dark',
      'Is this still on your list? A plain yes or no is fine — if yes, would Tuesday at 10:00 or Wednesday at 1:30 work for 15 minutes?',
    ],
    [
      'call-later',
      'You asked me to come back to you about now: would Tuesday at 10:00 or Wednesday at 1:30 suit you for a 15-minute walk-through?',
    ],
    [
      'doesnt-remember',
      'Could I have 15 minutes on Tuesday at 10:00 or Wednesday at 1:30 to bring you up to date?',
    ],
    [
      'new-contact',
      'Would Tuesday at 10:00 or Wednesday at 1:30 work for a 15-minute call to see whether this fits?',
    ],
    [
      'meeting-booked',
      'To fix our meeting: which suits you better, Tuesday at 10:00 or Wednesday at 1:30?',
    ],
    [
      'not-interested',
      "If it's worth one more look, would Tuesday at 10:00 or Wednesday at 1:30 work for 15 minutes — or shall I close the file?",
    ],
  ])('%s', (situation, text) => {
    const ask = suggestAsk(now, NY, LA, { situation });
    expect(ask.text).toBe(text);
    // The same words with the rep's clock beside each slot.
    expect(ask.repText).toBe(
      text
        .replace('Tuesday at 10:00', 'Tuesday at 10:00 (7:00 am your time)')
        .replace('Wednesday at 1:30', 'Wednesday at 1:30 (10:30 am your time)'),
    );
    // Still a direct ask with no check-in talk, so "Use this ask" ticks the checklist.
    expect(isTimedAsk(ask.text)).toBe(true);
    expect(findCheckInPhrases(ask.text)).toEqual([]);
  });

  it.each<[SituationKey | undefined, RegExp]>([
    [undefined, /^We agreed on Thursday at 11:00 — does that still work/],
    ['after-good-call', /^We agreed on Thursday at 11:00 — does that still work/],
    ['call-later', /^You asked me to call back Thursday at 11:00 — does that still work/],
    ['meeting-booked', /^We're booked for Thursday at 11:00 — does that still work, or would/],
  ])('%s with an agreed time names that time first', (situation, cue) => {
    const agreedAt = new TZDate(2026, MAY, 7, 11, 0, NY).getTime();
    const ask = suggestAsk(new TZDate(2026, MAY, 5, 9, 0, NY), NY, NY, { agreedAt, situation });
    expect(ask.text).toMatch(cue);
    expect(ask.text).toContain('Tuesday, May 12 at 1:30');
  });
});
