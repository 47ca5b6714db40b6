// "Is now a good moment to dial?" — answered on the prospect's clock, not the rep's.
import {
  classifyMoment,
  firstWindowSlot,
  ratingOf,
  type ConnectRating,
  type MomentKind,
} from './call-windows';
import { clockLabel, weekdayName, type Instant } from '../time/calendar';
import { THEIR_ZONE_UNKNOWN } from '../time/rep-clock';

export interface BestTimeVerdict {
  rating: ConnectRating;
  /** Names the prospect's local day and time, then why, e.g. "Friday 4:40 pm there — …". */
  reason: string;
  /** When rating isn't good: the next best-window start (:00 or :30), so the panel can offer it. */
  nextBestAt?: number;
}

const WHY: Record<MomentKind, string> = {
  'best-window': 'mid-week, inside a best connect window',
  'business-hours': 'business hours, but outside the best windows (Tue–Thu 10:00–11:30, 1:30–3:00)',
  weekend: 'the weekend; wait for a weekday',
  'before-hours': 'their working day has not started yet',
  'after-hours': 'their working day is over',
  'monday-morning': 'Monday mornings go to catching up and rarely connect',
  'friday-afternoon': 'Friday afternoons rarely connect',
};

/** "Friday 4:40 pm there", or, when their zone is not known and `zone` is the rep's stand-in,
 *  the time as the rep's own: a time "there" would claim a clock nobody knows. */
export function momentThere(now: Instant, zone: string, theirZoneKnown: boolean): string {
  const localTime = `${weekdayName(now, zone)} ${clockLabel(now, zone)}`;
  return theirZoneKnown
    ? `${localTime} there —`
    : `${localTime} your time — ${THEIR_ZONE_UNKNOWN}; by your clock,`;
}

export function bestTimeNow(
  now: Instant,
  prospectZone: string,
  theirZoneKnown = true,
): BestTimeVerdict {
  const kind = classifyMoment(now, prospectZone);
  const rating = ratingOf(kind);
  const reason = `${momentThere(now, prospectZone, theirZoneKnown)} ${WHY[kind]}`;
  if (rating === 'good') return { rating, reason };
  return { rating, reason, nextBestAt: firstWindowSlot(now, prospectZone, 'best') };
}
