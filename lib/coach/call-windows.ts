// When a prospect is likely to pick up, judged on the prospect's own wall clock.
// Every function takes the moment and the IANA zone as arguments: nothing reads the clock
// or the machine's zone, so the same inputs always give the same answer.
import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { DAY_MS } from '../model/time-units';
import { createOffsetReader } from '../time/zone-offsets';

/** A moment in time: a Date or epoch milliseconds. */
export type Instant = Date | number;

/** A span of the working day, in minutes after local midnight; end is exclusive. */
interface DayWindow {
  start: number;
  end: number;
}

const HOUR = 60;

/** Mid-morning and mid-afternoon, Tuesday to Thursday: when people are settled at their desks. */
const BEST_WINDOWS: readonly DayWindow[] = [
  { start: 10 * HOUR, end: 11 * HOUR + 30 },
  { start: 13 * HOUR + 30, end: 15 * HOUR },
];
const BUSINESS_HOURS: DayWindow = { start: 8 * HOUR, end: 18 * HOUR };
/** Monday before this is "Monday morning"; Friday from this on is "Friday afternoon". */
export const MIDDAY = 12 * HOUR;
/** Slots start on the hour or the half hour. */
const SLOT_STEP_MINUTES = 30;
export const DEFAULT_CALL_MINUTES = 15;

const SUNDAY = 0;
const MONDAY = 1;
const TUESDAY = 2;
const THURSDAY = 4;
const FRIDAY = 5;
const SATURDAY = 6;
/** Every week has a Tuesday, so two weeks always hold a best window; the bound only guards loops. */
const SEARCH_HORIZON_DAYS = 21;

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

function isWeekendDay(weekday: number): boolean {
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** Tuesday, Wednesday or Thursday in the zone: the days that connect best. */
export function isMidweek(at: Instant, zone: string): boolean {
  const { weekday } = localParts(at, zone);
  return weekday >= TUESDAY && weekday <= THURSDAY;
}

function within(window: DayWindow, minuteOfDay: number): boolean {
  return minuteOfDay >= window.start && minuteOfDay < window.end;
}

export function isBusinessHours(at: Instant, zone: string): boolean {
  const { weekday, minuteOfDay } = localParts(at, zone);
  return !isWeekendDay(weekday) && within(BUSINESS_HOURS, minuteOfDay);
}

export function isInBestWindow(at: Instant, zone: string): boolean {
  const { minuteOfDay } = localParts(at, zone);
  return isMidweek(at, zone) && BEST_WINDOWS.some((window) => within(window, minuteOfDay));
}

/** Why a moment is or isn't a good time to dial, most specific reason first. */
export type MomentKind =
  | 'weekend'
  | 'before-hours'
  | 'after-hours'
  | 'monday-morning'
  | 'friday-afternoon'
  | 'best-window'
  | 'business-hours';

export type ConnectRating = 'good' | 'fair' | 'poor';

export function classifyMoment(at: Instant, zone: string): MomentKind {
  const { weekday, minuteOfDay } = localParts(at, zone);
  if (isWeekendDay(weekday)) return 'weekend';
  if (minuteOfDay < BUSINESS_HOURS.start) return 'before-hours';
  if (minuteOfDay >= BUSINESS_HOURS.end) return 'after-hours';
  if (weekday === MONDAY && minuteOfDay < MIDDAY) return 'monday-morning';
  if (weekday === FRIDAY && minuteOfDay >= MIDDAY) return 'friday-afternoon';
  if (isInBestWindow(at, zone)) return 'best-window';
  return 'business-hours';
}

export function ratingOf(kind: MomentKind): ConnectRating {
  if (kind === 'best-window') return 'good';
  if (kind === 'business-hours') return 'fair';
  return 'poor';
}

function rateMoment(at: Instant, zone: string): ConnectRating {
  return ratingOf(classifyMoment(at, zone));
}

/** The same wall-clock time n business days later in the zone; a weekend start counts from Monday.
 *  (One jump of the whole count of calendar days: stepping a day at a time would carry a shift
 *  out of a DST gap crossed on the way into the day it lands on.) */
export function addBusinessDays(at: Instant, n: number, zone: string): number {
  let weekday = localParts(at, zone).weekday;
  let days = 0;
  for (let remaining = n; remaining > 0;) {
    days += 1;
    weekday = (weekday + 1) % 7;
    if (!isWeekendDay(weekday)) remaining -= 1;
  }
  return addLocalDays(at, days, zone);
}

export function nextBusinessDay(at: Instant, zone: string): number {
  return addBusinessDays(at, 1, zone);
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

/** Which slots a search accepts: only best windows, or any window time that isn't a poor moment. */
type SlotScope = 'best' | 'fair';

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
function calendarFrom(from: number, zone: string): (offset: number) => CalendarDay {
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
function wallClock(day: CalendarDay, minuteOfDay: number, zone: string): number {
  const hour = Math.floor(minuteOfDay / HOUR);
  const minute = minuteOfDay % HOUR;
  const fast = onlyInstantOf(Date.UTC(day.year, day.monthIndex, day.date, hour, minute), zone);
  return fast ?? new TZDate(day.year, day.monthIndex, day.date, hour, minute, zone).getTime();
}

/**
 * Slot starts on :00 / :30 inside the window times, at or after `from`, earliest first.
 * 'best' keeps Tuesday–Thursday; 'fair' also allows Monday afternoon and Friday morning.
 * A call of `minutes` must end inside its window when it can.
 */
export function* windowSlots(
  from: Instant,
  zone: string,
  scope: SlotScope = 'best',
  minutes: number = DEFAULT_CALL_MINUTES,
): Generator<number> {
  const fromMs = toMs(from);
  const dayAfter = calendarFrom(fromMs, zone);
  for (let offset = 0; offset < SEARCH_HORIZON_DAYS; offset += 1) {
    const day = dayAfter(offset);
    for (const window of BEST_WINDOWS) {
      // A start must lie inside the window even for a zero-length call.
      const lastStart = Math.max(window.start, window.end - Math.max(minutes, 1));
      for (let start = window.start; start <= lastStart; start += SLOT_STEP_MINUTES) {
        const slot = wallClock(day, start, zone);
        if (slot < fromMs) continue;
        const rating = rateMoment(slot, zone);
        if (rating === 'good' || (scope === 'fair' && rating === 'fair')) yield slot;
      }
    }
  }
}

/**
 * Every slot start on :00 / :30 inside business hours on weekdays, at or after `from`, earliest
 * first, over `businessDays` weekdays counted from the first one that has a slot left. A call of
 * `minutes` ends by the close of business.
 */
export function* businessHourSlots(
  from: Instant,
  zone: string,
  businessDays: number,
  minutes: number = DEFAULT_CALL_MINUTES,
): Generator<number> {
  const fromMs = toMs(from);
  const dayAfter = calendarFrom(fromMs, zone);
  const lastStart = BUSINESS_HOURS.end - Math.max(minutes, 1);
  let daysWithSlots = 0;
  for (let offset = 0; offset < SEARCH_HORIZON_DAYS && daysWithSlots < businessDays; offset += 1) {
    const day = dayAfter(offset);
    if (isWeekendDay(day.weekday)) continue;
    let yielded = false;
    for (let start = BUSINESS_HOURS.start; start <= lastStart; start += SLOT_STEP_MINUTES) {
      const slot = wallClock(day, start, zone);
      // A DST gap can move a wall-clock time out of business hours: skip it rather than lie.
      if (slot < fromMs || !isBusinessHours(slot, zone)) continue;
      yielded = true;
      yield slot;
    }
    if (yielded) daysWithSlots += 1;
  }
}

export function firstWindowSlot(
  from: Instant,
  zone: string,
  scope: SlotScope = 'best',
  minutes: number = DEFAULT_CALL_MINUTES,
): number {
  const first = windowSlots(from, zone, scope, minutes).next();
  if (first.done) throw new Error(`No call window within ${SEARCH_HORIZON_DAYS} days in ${zone}`);
  return first.value;
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
