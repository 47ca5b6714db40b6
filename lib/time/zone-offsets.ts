// A zone's UTC offset at a moment, fast. Asking Intl is slow next to arithmetic, and the coach
// asks for every slot it weighs (an outcome click weighs dozens). An offset only changes at DST
// transitions, never twice in a day, so it is looked up once per zone and UTC day and reused;
// a day that holds a transition (its two ends differ) is read instant by instant.

import { isKnownTimeZone } from '../model/time-zone';
import { DAY_MS } from '../model/time-units';

const SECOND_MS = 1000;

interface ZoneOffsets {
  format: Intl.DateTimeFormat;
  /** UTC day index → offset in ms (local minus UTC), or NaN when it changes that day. */
  byDay: Map<number, number>;
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
  // An unknown zone name (e.g. read off a CRM page) is read as UTC rather than failing the
  // whole computation for one contact; so is one the browser's Temporal knows and its Intl
  // does not.
  try {
    if (isKnownTimeZone(zone))
      return new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
  } catch {
    // Read as UTC, below.
  }
  return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
}

function askIntl(format: Intl.DateTimeFormat, ms: number): number {
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

interface OffsetReader {
  /** Whether Intl knows the zone; an unknown one is read as UTC. */
  knows(zone: string): boolean;
  /** Local minus UTC, in ms, at `ms` in `zone`. */
  offset(ms: number, zone: string): number;
  /** The same, or undefined when the offset changes on that UTC day. */
  steadyOffset(ms: number, zone: string): number | undefined;
}

/** A reader that keeps its caches as long as it is kept. */
export function createOffsetReader(): OffsetReader {
  const zones = new Map<string, ZoneOffsets>();
  const offsetsOf = (zone: string): ZoneOffsets => {
    let offsets = zones.get(zone);
    if (!offsets) {
      offsets = { format: formatterFor(zone), byDay: new Map() };
      zones.set(zone, offsets);
    }
    return offsets;
  };
  const steadyOffset = (ms: number, zone: string): number | undefined => {
    const { format, byDay } = offsetsOf(zone);
    const day = Math.floor(ms / DAY_MS);
    let offset = byDay.get(day);
    if (offset === undefined) {
      const atStart = askIntl(format, day * DAY_MS);
      const atEnd = askIntl(format, (day + 1) * DAY_MS - 1);
      offset = atStart === atEnd ? atStart : Number.NaN;
      byDay.set(day, offset);
    }
    return Number.isNaN(offset) ? undefined : offset;
  };
  return {
    knows: isKnownTimeZone,
    steadyOffset,
    offset: (ms, zone) => steadyOffset(ms, zone) ?? askIntl(offsetsOf(zone).format, ms),
  };
}
