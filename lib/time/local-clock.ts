// The prospect's wall clock for many instants, fast: instead of a TZDate per attempt, the zone's
// offset is read once per zone and UTC day (lib/time/zone-offsets). `npm run bench` (insights)
// prints what a year of dials costs.

import { DAY_MS, MINUTE_MS } from '../model/time-units';
import { createOffsetReader } from './zone-offsets';

interface WallClock {
  /** 0 = Monday … 6 = Sunday (the heatmap's row order). */
  weekday: number;
  hour: number;
  minute: number;
}

/** 1 January 1970 was a Thursday: index 3 when Monday is 0. */
const EPOCH_WEEKDAY_MONDAY_FIRST = 3;

function readWallClock(localMs: number): WallClock {
  const days = Math.floor(localMs / DAY_MS);
  const minuteOfDay = Math.floor((localMs - days * DAY_MS) / MINUTE_MS);
  return {
    weekday: (((days + EPOCH_WEEKDAY_MONDAY_FIRST) % 7) + 7) % 7,
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
  };
}

/** A reader of local wall clocks that keeps its caches between calls; make one per computation. */
export function createLocalClock(): (ms: number, zone: string) => WallClock {
  const offsets = createOffsetReader();
  return (ms, zone) => readWallClock(ms + offsets.offset(ms, zone));
}
