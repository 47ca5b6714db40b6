import { describe, expect, it, vi } from 'vitest';
import { connectHeatmap, HEATMAP_WEEKDAYS } from '../../../lib/insights';
import { attempt, EMAIL } from './make-attempt';

const CHICAGO = 'America/Chicago';
const TOKYO = 'Asia/Tokyo';
const BERLIN = 'Europe/Berlin';
/** Tuesday 9 June 2026 15:00 UTC = Tuesday 10:00 CDT = Tuesday 17:00 CEST = Wednesday 00:00 JST. */
const TUE_15_UTC = Date.UTC(2026, 5, 9, 15);
const zones: Record<string, string> = { chi: CHICAGO, tok: TOKYO };
const zoneOf = (contactId: string): string => zones[contactId] ?? 'UTC';

const MON = 0;
const TUE = 1;
const WED = 2;

describe('connectHeatmap', () => {
  it('has 7 Monday-first rows of 24 empty cells for no attempts', () => {
    const map = connectHeatmap([], zoneOf);
    expect(HEATMAP_WEEKDAYS[0]).toBe('Monday');
    expect(map).toHaveLength(7);
    for (const row of map) {
      expect(row).toHaveLength(24);
      for (const cell of row) expect(cell).toEqual({ dials: 0, connects: 0, rate: null });
    }
  });

  it('places a dial on the prospect’s clock: 15:00 UTC is Tuesday 10:00 in Chicago', () => {
    const map = connectHeatmap([attempt('chi', TUE_15_UTC, 'connected')], zoneOf);
    expect(map[TUE]?.[10]).toEqual({ dials: 1, connects: 1, rate: 1 });
    expect(map[TUE]?.[15]?.dials).toBe(0);
  });

  it('places the same instant in each prospect’s own cell', () => {
    const map = connectHeatmap(
      [attempt('chi', TUE_15_UTC, 'no-answer'), attempt('tok', TUE_15_UTC, 'voicemail')],
      zoneOf,
    );
    expect(map[TUE]?.[10]?.dials).toBe(1); // Chicago: Tuesday 10:00
    expect(map[WED]?.[0]?.dials).toBe(1); // Tokyo: Wednesday 00:00
  });

  it('in rep mode, places every dial on the rep’s clock instead', () => {
    const map = connectHeatmap(
      [attempt('chi', TUE_15_UTC, 'connected'), attempt('tok', TUE_15_UTC, 'no-answer')],
      zoneOf,
      { clock: 'rep', repZone: BERLIN },
    );
    // Both were dialled at 17:00 on the rep's Tuesday in Berlin; 1 of 2 connected.
    expect(map[TUE]?.[17]).toEqual({ dials: 2, connects: 1, rate: 0.5 });
    expect(map[TUE]?.[10]?.dials).toBe(0);
  });

  it('counts calls only, and rates connects per dial', () => {
    const monday9 = Date.UTC(2026, 5, 8, 9);
    const map = connectHeatmap(
      [
        attempt('utc', monday9, 'connected'),
        attempt('utc', monday9 + 10 * 60_000, 'voicemail'),
        attempt('utc', monday9 + 20 * 60_000, 'gatekeeper'),
        attempt('utc', monday9 + 30 * 60_000, 'call-back'),
        attempt('utc', monday9 + 40 * 60_000, 'meeting-booked', EMAIL),
      ],
      zoneOf,
    );
    // 4 dials (the email is not one): connected and call-back connect → 2/4.
    expect(map[MON]?.[9]).toEqual({ dials: 4, connects: 2, rate: 0.5 });
  });

  it('asks for each contact’s zone once', () => {
    const spy = vi.fn(zoneOf);
    connectHeatmap(
      [
        attempt('chi', TUE_15_UTC, 'no-answer'),
        attempt('chi', TUE_15_UTC + 1, 'no-answer'),
        attempt('tok', TUE_15_UTC, 'no-answer'),
      ],
      spy,
    );
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
