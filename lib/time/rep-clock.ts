// The one clock the rep reads. Every time a screen, a script or a notification shows is
// written here, in a zone the caller names (the rep's, from Settings), never the machine's:
// the browser may run in UTC while the rep works in Los Angeles. tests/unit/time/one-clock-source
// fails on a component or lib file that formats a time any other way.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { clockLabel, monthDayLabel, weekdayName, toMs, type Instant } from './calendar';
import { temporalClock } from '../model/time-zone';

/** Further than this from now, a date names its year ("January 5, 2027"). */
const YEAR_SHOWN_AFTER_MS = 183 * 24 * 60 * 60 * 1000;

/** The machine's own zone: the rep's zone only until they set one in Settings. */
export function machineZone(): string {
  return (
    temporalClock?.Now.timeZoneId() || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  );
}

function withYear(at: Instant, zone: string, now: Instant | undefined): string {
  const day = `${weekdayName(at, zone)}, ${monthDayLabel(at, zone)}`;
  const far = now !== undefined && Math.abs(toMs(at) - toMs(now)) > YEAR_SHOWN_AFTER_MS;
  return far ? `${day}, ${format(new TZDate(toMs(at), zone), 'yyyy')}` : day;
}

/** "Tuesday, January 5 at 10:00 am": the one way a moment reads on every screen. */
export function momentLabel(at: Instant, zone: string, now?: Instant): string {
  return `${withYear(at, zone, now)} at ${clockLabel(at, zone)}`;
}

/** "Los Angeles" for America/Los_Angeles, "UTC" for UTC. */
export function zoneName(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** The one label that says whose clock the times on a screen are on. */
export function yourZoneLabel(zone: string): string {
  return `Times in your zone (${zoneName(zone)})`;
}

/** Said instead of a time "there" when the prospect's zone is not known. */
export const THEIR_ZONE_UNKNOWN = 'their time zone is not known';

/**
 * The prospect's wall clock at a moment, marked as theirs: "10:00 pm their time (Kolkata)",
 * naming the day when their date differs from the rep's ("Wednesday 2:30 am their time …").
 * Undefined when their clock reads the same as the rep's.
 */
export function theirTimeBeside(
  at: Instant,
  theirZone: string,
  repZone: string,
): string | undefined {
  const theirs = clockLabel(at, theirZone);
  const sameDay = weekdayName(at, theirZone) === weekdayName(at, repZone);
  if (sameDay && theirs === clockLabel(at, repZone)) return undefined;
  const when = sameDay ? theirs : `${weekdayName(at, theirZone)} ${theirs}`;
  return `${when} their time (${zoneName(theirZone)})`;
}

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** A datetime-local input's value for `ms` on the zone's clock (the input has no zone). */
export function toZoneInputValue(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), INPUT_FORMAT);
}

/** The moment a datetime-local value names on the zone's clock; undefined when empty or
 *  incomplete. */
export function fromZoneInputValue(value: string, zone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = new TZDate(year, month - 1, day, hour, minute, zone).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 3, 2025": the day a note was written or a backup made, on the zone's calendar. Read
 *  through the browser's Temporal when it has one (lib/model/time-zone says why: the panel
 *  shows up to 200 of these in its first paint), else one Intl formatter per zone. A zone the
 *  clock does not know throws a RangeError. */
export function dateLabel(at: Instant, zone: string): string {
  const ms = toMs(at);
  if (temporalClock) {
    const day = temporalClock.Instant.fromEpochMilliseconds(Math.floor(ms)).toZonedDateTimeISO(
      zone,
    );
    return `${MONTHS[day.month - 1]} ${day.day}, ${day.year}`;
  }
  let formatter = dayFormats.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    });
    dayFormats.set(zone, formatter);
  }
  return formatter.format(ms);
}
