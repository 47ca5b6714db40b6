import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { createLocalClock } from '../../../lib/time/local-clock';

const MINUTE = 60 * 1000;

describe('createLocalClock reads the wall clock of a zone, Monday = 0', () => {
  it('15:00 UTC on Tuesday 9 June 2026 is Tuesday 10:00 in Chicago (CDT, UTC−5)', () => {
    const clock = createLocalClock();
    expect(clock(Date.UTC(2026, 5, 9, 15), 'America/Chicago')).toEqual({
      weekday: 1,
      hour: 10,
      minute: 0,
    });
  });

  it('the same instant is already Wednesday 00:00 in Tokyo (UTC+9)', () => {
    expect(createLocalClock()(Date.UTC(2026, 5, 9, 15), 'Asia/Tokyo')).toEqual({
      weekday: 2,
      hour: 0,
      minute: 0,
    });
  });

  it('agrees with TZDate minute by minute across DST changes (whole and half-hour shifts)', () => {
    const clock = createLocalClock();
    const cases: [string, number][] = [
      ['America/New_York', Date.UTC(2026, 2, 8, 7)], // spring forward 02:00 EST
      ['America/New_York', Date.UTC(2026, 10, 1, 6)], // fall back 02:00 EDT
      ['Europe/Berlin', Date.UTC(2026, 2, 29, 1)],
      ['Australia/Adelaide', Date.UTC(2026, 3, 4, 16, 30)], // +10:30 → +9:30
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)], // 30-minute DST shift
    ];
    for (const [zone, transition] of cases) {
      for (let offset = -90; offset <= 90; offset += 1) {
        const at = transition + offset * MINUTE + 17_000;
        const expected = new TZDate(at, zone);
        expect(clock(at, zone), `${zone} ${new Date(at).toISOString()}`).toEqual({
          weekday: (expected.getDay() + 6) % 7,
          hour: expected.getHours(),
          minute: expected.getMinutes(),
        });
      }
    }
  });

  it('reads an unknown zone name as UTC instead of throwing', () => {
    expect(createLocalClock()(Date.UTC(2026, 5, 9, 15, 45), 'Not/AZone')).toEqual({
      weekday: 1,
      hour: 15,
      minute: 45,
    });
  });

  it('handles instants before 1970', () => {
    // 31 December 1969 was a Wednesday; 23:30 UTC.
    expect(createLocalClock()(-30 * MINUTE, 'UTC')).toEqual({ weekday: 2, hour: 23, minute: 30 });
  });
});
