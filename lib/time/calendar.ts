// A zone's calendar and wall clock, DST-safe and fast: every function takes the moment and the
// IANA zone as arguments, nothing reads the clock or the machine's zone. Pure time arithmetic
// the coach's call windows and the screens' labels share (the rules stay in lib/coach).
import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { DAY_MS } from '../model/time-units';
import { createOffsetReader } from './zone-offsets';

const HOUR = 60;

/** A moment in time: a Date or epoch milliseconds. */
export type Instant = Date | number;

export function toMs(at: Instant): number {
  return typeof at === 'number' ? at : at.getTime();
}

/** The moment as a date whose getters read the given zone's wall clock. */
function inZone(at: Instant, zone: string): TZDate {
  return new TZDate(toMs(at), zone);
}

interface LocalParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
  /** Minutes after local midnight. */
  minuteOfDay: number;
}

/** Offsets kept for the page's life: the coach reads the same few zones and days again and
 *  again (an outcome click weighs dozens of slots). */
const offsets = createOffsetReader();

export function localParts(at: Instant, zone: string): LocalParts {
  // The wall clock, read through UTC getters. A zone Intl does not know gives an invalid date,
  // as TZDate does, rather than UTC's clock.
  const local = new Date(wallClockAsUtc(at, zone) ?? Number.NaN);
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour,
    minute,
    minuteOfDay: hour * HOUR + minute,
  };
}

/** The same wall-clock time n calendar days later in the zone (DST-safe, unlike n × 24 h). */
export function addLocalDays(at: Instant, n: number, zone: string): number {
  const local = wallClockAsUtc(at, zone);
  const fast = local === undefined ? undefined : onlyInstantOf(local + n * DAY_MS, zone);
  return fast ?? addDays(inZone(at, zone), n).getTime();
}

export function startOfLocalDay(at: Instant, zone: string): number {
  const local = wallClockAsUtc(at, zone);
  const fast =
    local === undefined ? undefined : onlyInstantOf(Math.floor(local / DAY_MS) * DAY_MS, zone);
  return fast ?? startOfDay(inZone(at, zone)).getTime();
}

/** Whole calendar days between two moments on the zone's calendar (later minus earlier). */
export function localDaysBetween(earlier: Instant, later: Instant, zone: string): number {
  const a = localParts(earlier, zone);
  const b = localParts(later, zone);
  const msPerDay = 24 * 60 * HOUR * 1000;
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / msPerDay,
  );
}

export function isSameLocalDay(a: Instant, b: Instant, zone: string): boolean {
  return localDaysBetween(a, b, zone) === 0;
}

/** The zone's wall clock at `at`, as the UTC instant that reads the same (so UTC date maths
 *  walks its calendar); undefined for a zone Intl does not know. */
function wallClockAsUtc(at: Instant, zone: string): number | undefined {
  const ms = toMs(at);
  return offsets.knows(zone) && Number.isFinite(ms) ? ms + offsets.offset(ms, zone) : undefined;
}

/** The one instant a wall-clock time (given as if it were UTC) has in `zone`, from the cached
 *  offsets; undefined near a DST change (within three hours), where it may have none or two. */
function onlyInstantOf(localAsUtc: number, zone: string): number | undefined {
  if (!offsets.knows(zone)) return undefined;
  const offset = offsets.steadyOffset(localAsUtc, zone);
  if (offset === undefined) return undefined;
  const at = localAsUtc - offset;
  const margin = 3 * HOUR * 60_000;
  const steady = [at - margin, at, at + margin].every(
    (t) => offsets.steadyOffset(t, zone) === offset,
  );
  return steady ? at : undefined;
}

/** A date on the zone's calendar. */
interface CalendarDay {
  year: number;
  monthIndex: number;
  date: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** The zone's calendar, counted in days from the day `from` falls on. */
export function calendarFrom(from: number, zone: string): (offset: number) => CalendarDay {
  const local = wallClockAsUtc(from, zone);
  if (local === undefined) {
    const first = inZone(from, zone);
    return (offset) => {
      const day = addDays(first, offset);
      const [year, monthIndex, date] = [day.getFullYear(), day.getMonth(), day.getDate()];
      return { year, monthIndex, date, weekday: day.getDay() };
    };
  }
  const firstDay = Math.floor(local / DAY_MS);
  return (offset) => {
    const day = new Date((firstDay + offset) * DAY_MS);
    const [year, monthIndex, date] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
    return { year, monthIndex, date, weekday: day.getUTCDay() };
  };
}

/** The instant of `minuteOfDay` (minutes after midnight) on `day` in `zone`. */
export function wallClock(day: CalendarDay, minuteOfDay: number, zone: string): number {
  const hour = Math.floor(minuteOfDay / HOUR);
  const minute = minuteOfDay % HOUR;
  const fast = onlyInstantOf(Date.UTC(day.year, day.monthIndex, day.date, hour, minute), zone);
  return fast ?? new TZDate(day.year, day.monthIndex, day.date, hour, minute, zone).getTime();
}

/** "Tuesday". */
export function weekdayName(at: Instant, zone: string): string {
  return format(inZone(at, zone), 'EEEE');
}

/** "June 9". */
export function monthDayLabel(at: Instant, zone: string): string {
  return format(inZone(at, zone), 'MMMM d');
}

/**
 * "2:00 pm", or with `meridiem: 'outside-work-hours'` just "2:00" when the working-day reading is
 * the only sensible one (8:00 to 6:59 — nobody books a call at 2 in the morning).
 */
export function clockLabel(
  at: Instant,
  zone: string,
  meridiem: 'always' | 'outside-work-hours' = 'always',
): string {
  const local = inZone(at, zone);
  const hour = local.getHours();
  const obvious = hour >= 8 && hour < 19;
  if (meridiem === 'outside-work-hours' && obvious) return format(local, 'h:mm');
  return format(local, 'h:mm aaa');
}
