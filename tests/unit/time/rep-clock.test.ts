// The day a note was written, the machine's zone and whether a zone is known read the same
// whichever clock answers: the browser's Temporal (what Chromium's panel uses for its first
// paint; here the TC39 polyfill) or Intl, against date-fns on a TZDate as the reference.
import { Temporal } from '@js-temporal/polyfill';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLIEST_DATE, LATEST_DATE } from '@/lib/model/limits';

const ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

/** The clock modules as a page loads them: with the platform's Temporal, or without. */
async function clockWith(temporal: boolean) {
  vi.resetModules();
  if (temporal) vi.stubGlobal('Temporal', Temporal);
  const [repClock, timeZone] = await Promise.all([
    import('@/lib/time/rep-clock'),
    import('@/lib/model/time-zone'),
  ]);
  return { ...repClock, ...timeZone };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each([
  ['Temporal', true],
  ['Intl', false],
])('on %s', (_, temporal) => {
  it('reads on the clock it says it does', async () => {
    const clock = await clockWith(temporal);
    expect(clock.temporalClock !== undefined).toBe(temporal);
  });

  it('writes the day on the zone’s calendar, as date-fns does, for every storable date', async () => {
    const { dateLabel } = await clockWith(temporal);
    fc.assert(
      fc.property(
        fc.integer({ min: EARLIEST_DATE, max: LATEST_DATE }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          expect(dateLabel(ms, zone)).toBe(format(new TZDate(ms, zone), 'MMM d, yyyy'));
        },
      ),
      { numRuns: temporal ? 300 : 2_000 },
    );
  });

  it('names the day of the rep’s zone, not the machine’s, across midnight', async () => {
    const { dateLabel } = await clockWith(temporal);
    const lateInLosAngeles = Date.UTC(2026, 2, 4, 6, 30); // Mar 3, 22:30 in Los Angeles
    expect(dateLabel(lateInLosAngeles, 'America/Los_Angeles')).toBe('Mar 3, 2026');
    expect(dateLabel(lateInLosAngeles, 'Asia/Kolkata')).toBe('Mar 4, 2026');
  });

  it('knows the zones Intl knows and refuses the rest', async () => {
    const { isKnownTimeZone, dateLabel } = await clockWith(temporal);
    for (const zone of [...ZONES, 'Asia/Calcutta', 'Etc/UTC', 'US/Eastern'])
      expect(isKnownTimeZone(zone), zone).toBe(true);
    for (const zone of ['Mars/Olympus_Mons', '', '  ', 'America/Nowhere']) {
      expect(isKnownTimeZone(zone), zone).toBe(false);
    }
    expect(() => dateLabel(Date.UTC(2026, 0, 1), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('names the machine’s zone', async () => {
    const { machineZone } = await clockWith(temporal);
    expect(machineZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
