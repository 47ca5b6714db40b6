// The coach reads wall clocks through cached offsets (lib/time/zone-offsets) instead of a
// TZDate per question. Whatever the zone and however close to a DST change, every answer must
// be the one TZDate and date-fns give: each function is checked against that reading, instant by
// instant, across the year's changes in zones with odd rules.
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessHourSlots, windowSlots } from '@/lib/coach/call-windows';
import { addLocalDays, localParts, startOfLocalDay } from '@/lib/time/calendar';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Australia/Lord_Howe', // a half-hour change
  'America/Santiago', // changes at midnight
  'America/Havana', // changes at midnight too
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kolkata', // no change, a half-hour offset
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instants every 197 minutes over the year (an odd step, so every minute of the day comes up). */
function instantsOf2026(): number[] {
  const start = Date.UTC(2026, 0, 1);
  const out: number[] = [];
  for (let t = start; t < start + 365 * DAY; t += 197 * 60_000) out.push(t);
  return out;
}

/** How the coach answered before the cache: a TZDate for every question. */
const reference = {
  localParts(ms: number, zone: string) {
    const local = new TZDate(ms, zone);
    return {
      year: local.getFullYear(),
      month: local.getMonth() + 1,
      day: local.getDate(),
      weekday: local.getDay(),
      hour: local.getHours(),
      minute: local.getMinutes(),
      minuteOfDay: local.getHours() * 60 + local.getMinutes(),
    };
  },
  addBusinessDays(ms: number, n: number, zone: string) {
    const start = new TZDate(ms, zone);
    let days = 0;
    for (let remaining = n; remaining > 0;) {
      days += 1;
      const weekday = addDays(start, days).getDay();
      if (weekday !== 0 && weekday !== 6) remaining -= 1;
    }
    return addDays(start, days).getTime();
  },
  addLocalDays: (ms: number, n: number, zone: string) => addDays(new TZDate(ms, zone), n).getTime(),
  startOfLocalDay: (ms: number, zone: string) => startOfDay(new TZDate(ms, zone)).getTime(),
  /** The wall-clock slot `minuteOfDay` on each of the next days, as TZDate builds it. */
  slotsFrom(ms: number, zone: string, minuteOfDay: number, days: number) {
    const first = new TZDate(ms, zone);
    return Array.from({ length: days }, (_, offset) => {
      const day = addDays(first, offset);
      const [y, m, d] = [day.getFullYear(), day.getMonth(), day.getDate()];
      return new TZDate(y, m, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60, zone).getTime();
    });
  },
};

describe.each(ZONES)('the coach’s calendar in %s', (zone) => {
  const instants = instantsOf2026();

  it('reads the wall clock as TZDate does, all year', () => {
    const wrong = instants.filter(
      (t) => JSON.stringify(localParts(t, zone)) !== JSON.stringify(reference.localParts(t, zone)),
    );
    expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
  });

  it('steps calendar and business days, and finds the day’s start, as date-fns does', () => {
    const wrong: string[] = [];
    for (const t of instants) {
      for (const n of [1, 30]) {
        if (addLocalDays(t, n, zone) !== reference.addLocalDays(t, n, zone)) {
          wrong.push(`addLocalDays ${new Date(t).toISOString()} +${n}`);
        }
      }
      for (const n of [1, 5]) {
        if (addBusinessDays(t, n, zone) !== reference.addBusinessDays(t, n, zone)) {
          wrong.push(`addBusinessDays ${new Date(t).toISOString()} +${n}`);
        }
      }
      if (startOfLocalDay(t, zone) !== reference.startOfLocalDay(t, zone)) {
        wrong.push(`startOfLocalDay ${new Date(t).toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts each slot at the instant TZDate gives its wall-clock time', () => {
    // Every slot the searches offer lies on a wall-clock time TZDate also builds for that day.
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 9 * DAY + 7 * HOUR) {
      const offered = [
        ...take(windowSlots(t, zone, 'fair'), 12),
        ...take(businessHourSlots(t, zone, 2), 40),
      ];
      const valid = new Set(
        [8, 9, 10, 11, 12, 13, 14, 15, 16, 17].flatMap((hour) =>
          [0, 30].flatMap((minute) => reference.slotsFrom(t, zone, hour * 60 + minute, 22)),
        ),
      );
      expect(offered.filter((slot) => !valid.has(slot))).toEqual([]);
      expect(offered.length).toBeGreaterThan(0);
    }
  });
});

function take(slots: Iterable<number>, n: number): number[] {
  const out: number[] = [];
  for (const slot of slots) {
    out.push(slot);
    if (out.length === n) break;
  }
  return out;
}
