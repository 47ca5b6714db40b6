// When a prospect is likely to pick up, judged on the prospect's own wall clock.
// Every function takes the moment and the IANA zone as arguments: nothing reads the clock
// or the machine's zone, so the same inputs always give the same answer.
import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';

/** A moment in time: a Date or epoch milliseconds. */
export type Instant = Date | number;

/** A span of the working day, in minutes after local midnight; end is exclusive. */
export interface DayWindow {
  start: number;
  end: number;
}

const HOUR = 60;

/** Mid-morning and mid-afternoon, Tuesday to Thursday: when people are settled at their desks. */
export const BEST_WINDOWS: readonly DayWindow[] = [
  { start: 10 * HOUR, end: 11 * HOUR + 30 },
  { start: 13 * HOUR + 30, end: 15 * HOUR },
];
export const BUSINESS_HOURS: DayWindow = { start: 8 * HOUR, end: 18 * HOUR };
/** Monday before this is "Monday morning"; Friday from this on is "Friday afternoon". */
export const MIDDAY = 12 * HOUR;
/** Slots start on the hour or the half hour. */
export const SLOT_STEP_MINUTES = 30;
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
export function inZone(at: Instant, zone: string): TZDate {
  return new TZDate(toMs(at), zone);
}

export interface LocalParts {
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

export function localParts(at: Instant, zone: string): LocalParts {
  const local = inZone(at, zone);
  const hour = local.getHours();
  const minute = local.getMinutes();
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    weekday: local.getDay(),
    hour,
    minute,
    minuteOfDay: hour * HOUR + minute,
  };
}

export function isWeekendDay(weekday: number): boolean {
  return weekday === SATURDAY || weekday === SUNDAY;
}

export function isBusinessDay(at: Instant, zone: string): boolean {
  return !isWeekendDay(localParts(at, zone).weekday);
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

export function rateMoment(at: Instant, zone: string): ConnectRating {
  return ratingOf(classifyMoment(at, zone));
}

/** The same wall-clock time n business days later in the zone; a weekend start counts from Monday. */
export function addBusinessDays(at: Instant, n: number, zone: string): number {
  let day = inZone(at, zone);
  let remaining = n;
  while (remaining > 0) {
    // addDays on a zoned date keeps the wall-clock time across DST changes.
    day = addDays(day, 1);
    if (!isWeekendDay(day.getDay())) remaining -= 1;
  }
  return day.getTime();
}

export function nextBusinessDay(at: Instant, zone: string): number {
  return addBusinessDays(at, 1, zone);
}

/** The same wall-clock time n calendar days later in the zone (DST-safe, unlike n × 24 h). */
export function addLocalDays(at: Instant, n: number, zone: string): number {
  return addDays(inZone(at, zone), n).getTime();
}

export function startOfLocalDay(at: Instant, zone: string): number {
  return startOfDay(inZone(at, zone)).getTime();
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
export type SlotScope = 'best' | 'fair';

/** The instant of `minuteOfDay` (minutes after midnight) on `day`'s date in `zone`. */
function wallClock(day: Date, minuteOfDay: number, zone: string): number {
  return new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Math.floor(minuteOfDay / HOUR),
    minuteOfDay % HOUR,
    zone,
  ).getTime();
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
  const firstDay = inZone(fromMs, zone);
  for (let offset = 0; offset < SEARCH_HORIZON_DAYS; offset += 1) {
    const day = addDays(firstDay, offset);
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
  const firstDay = inZone(fromMs, zone);
  const lastStart = BUSINESS_HOURS.end - Math.max(minutes, 1);
  let daysWithSlots = 0;
  for (let offset = 0; offset < SEARCH_HORIZON_DAYS && daysWithSlots < businessDays; offset += 1) {
    const day = addDays(firstDay, offset);
    if (isWeekendDay(day.getDay())) continue;
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
