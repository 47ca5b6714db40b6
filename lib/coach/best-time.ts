// "Is now a good moment to dial?" — answered on the prospect's clock, not the rep's.
import {
  classifyMoment,
  firstWindowSlot,
  ratingOf,
  type ConnectRating,
  type MomentKind,
} from './call-windows';
import { clockLabel, weekdayName, type Instant } from '../time/calendar';

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

export function bestTimeNow(now: Instant, prospectZone: string): BestTimeVerdict {
  const kind = classifyMoment(now, prospectZone);
  const rating = ratingOf(kind);
  const localTime = `${weekdayName(now, prospectZone)} ${clockLabel(now, prospectZone)}`;
  const reason = `${localTime} there — ${WHY[kind]}`;
  if (rating === 'good') return { rating, reason };
  return { rating, reason, nextBestAt: firstWindowSlot(now, prospectZone, 'best') };
}
