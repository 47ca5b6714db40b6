// The prospect's wall clock for many instants, fast. A TZDate per attempt costs about 4 µs; a
// zone's UTC offset only changes at DST transitions (at most twice a year, never twice in a day),
// so it is looked up with Intl once per zone and UTC day and reused for every attempt that day.
// Days that hold a transition (the offset differs at their two ends) are read instant by instant.
// Measured on 100,000 dials over a year in 8 zones: heatmap and funnel together take ~40–70 ms,
// where creating the TZDates alone takes ~380 ms.

export interface WallClock {
  /** 0 = Monday … 6 = Sunday (the heatmap's row order). */
  weekday: number;
  hour: number;
  minute: number;
}

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** 1 January 1970 was a Thursday: index 3 when Monday is 0. */
const EPOCH_WEEKDAY_MONDAY_FIRST = 3;
/** Marks a UTC day whose offset changes inside it. */
const SPLIT_DAY = Number.NaN;

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** UTC day index → offset in ms (local minus UTC), or SPLIT_DAY. */
  offsets: Map<number, number>;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
  } catch {
    // An unknown zone name (e.g. read off a CRM page) is read as UTC rather than failing the
    // whole dashboard for one contact.
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
}

function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const wholeSecond = Math.floor(ms / SECOND_MS) * SECOND_MS;
  const field: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(wholeSecond)) field[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    field.year ?? 1970,
    (field.month ?? 1) - 1,
    field.day ?? 1,
    (field.hour ?? 0) % 24,
    field.minute ?? 0,
    field.second ?? 0,
  );
  return asUtc - wholeSecond;
}

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
  const zones = new Map<string, ZoneCache>();
  return (ms, zone) => {
    let cache = zones.get(zone);
    if (!cache) {
      cache = { format: formatterFor(zone), offsets: new Map() };
      zones.set(zone, cache);
    }
    const dayIndex = Math.floor(ms / DAY_MS);
    let offset = cache.offsets.get(dayIndex);
    if (offset === undefined) {
      const atStart = offsetAt(cache.format, dayIndex * DAY_MS);
      const atEnd = offsetAt(cache.format, (dayIndex + 1) * DAY_MS - 1);
      offset = atStart === atEnd ? atStart : SPLIT_DAY;
      cache.offsets.set(dayIndex, offset);
    }
    if (Number.isNaN(offset)) offset = offsetAt(cache.format, ms);
    return readWallClock(ms + offset);
  };
}
