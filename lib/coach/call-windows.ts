// When a prospect is likely to pick up, judged on the prospect's own wall clock.
// Every function takes the moment and the IANA zone as arguments: nothing reads the clock
// or the machine's zone, so the same inputs always give the same answer.
import {
  addLocalDays,
  calendarFrom,
  localParts,
  toMs,
  wallClock,
  type Instant,
} from '../time/calendar';

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

/** Which slots a search accepts: only best windows, or any window time that isn't a poor moment. */
type SlotScope = 'best' | 'fair';

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
