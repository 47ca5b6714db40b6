// "When do *I* connect?" — the rep's own connect rate per weekday × hour on the prospect's clock,
// smoothed towards general advice until the rep has enough dials of their own to speak for them.
import { HOUR_MS } from '../model/time-units';
import { bestTimeNow, momentThere } from './best-time';
import {
  classifyMoment,
  isBusinessHours,
  type ConnectRating,
  type MomentKind,
} from './call-windows';
import { localParts, toMs, type Instant } from '../time/calendar';

/**
 * Prior connect rate (connects per dial) by kind of moment. Priors, not facts: the source articles
 * give the shape — Tue–Thu mid-morning and mid-afternoon best, Monday morning and Friday afternoon
 * worst — but no numbers. The levels are assumptions: follow-up dials to people who already spoke
 * with the rep are often quoted at roughly 10–20% connects, so an ordinary business hour gets 10%,
 * a best window about 1.8× that, the two slumps about 0.6×, and outside hours little but not zero
 * (some people do pick up at 7:45 am). The order drives the ranking; the level only sets how far
 * the rep's own numbers must go to overrule it.
 */
const PRIOR_CONNECT_RATE: Readonly<Record<MomentKind, number>> = {
  'best-window': 0.18,
  'business-hours': 0.1,
  'monday-morning': 0.06,
  'friday-afternoon': 0.06,
  'before-hours': 0.03,
  'after-hours': 0.03,
  weekend: 0.03,
};

/** The prior counts as this many dials: after 20 own dials in an hour, data and prior weigh equal. */
export const PRIOR_DIALS = 20;
/**
 * Below this many dials in an hour, the rep's own rate is too noisy to quote (at 30 dials a 20%
 * rate is still ±14 points at 95%), so the general advice speaks instead.
 */
export const MIN_DIALS_FOR_OWN_DATA = 30;
/** Own rate at least this × the rep's average is a good time; at most POOR_VS_AVERAGE × is poor. */
const GOOD_VS_AVERAGE = 1.25;
const POOR_VS_AVERAGE = 0.75;

export interface DialTally {
  dials: number;
  connects: number;
}

/**
 * Rows Monday-first (0 = Monday … 6 = Sunday), 24 hours each, on the prospect's clock: the shape
 * of lib/insights' connectHeatmap (prospect mode), which the caller passes in.
 */
type DialTallyGrid = readonly (readonly DialTally[])[];

interface BestTimeCell {
  prior: number;
  dials: number;
  connects: number;
  /** Beta–binomial posterior mean: (connects + prior × PRIOR_DIALS) ÷ (dials + PRIOR_DIALS). */
  posterior: number;
  hasEnoughData: boolean;
}

export interface BestTimesModel {
  /** cells[weekday][hour], Monday-first. */
  cells: BestTimeCell[][];
  /** Totals over all cells: the rep's average, to judge one hour against. */
  dials: number;
  connects: number;
}

const DAYS = 7;
const HOURS = 24;
/** A Monday at 00:00 UTC: the reference week the priors are read on. */
const REFERENCE_MONDAY = Date.UTC(2024, 0, 1);
const HALF_HOUR_MS = HOUR_MS / 2;
const SHORT_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

let priorGrid: number[][] | undefined;

/**
 * The prior of each hour cell: the mean of its :00 and :30 half hours (slots start on either), so
 * 11:00–12:00 is half best window, half ordinary. Read off classifyMoment on a reference week so
 * the windows are defined in one place only.
 */
function priors(): number[][] {
  priorGrid ??= Array.from({ length: DAYS }, (_, day) =>
    Array.from({ length: HOURS }, (_, hour) => {
      const start = REFERENCE_MONDAY + (day * HOURS + hour) * HOUR_MS;
      const halves = [start, start + HALF_HOUR_MS].map(
        (at) => PRIOR_CONNECT_RATE[classifyMoment(at, 'UTC')],
      );
      return halves.reduce((sum, rate) => sum + rate, 0) / halves.length;
    }),
  );
  return priorGrid;
}

export function bestTimesModel(tallies: DialTallyGrid): BestTimesModel {
  let dials = 0;
  let connects = 0;
  const cells = priors().map((row, day) =>
    row.map((prior, hour) => {
      const tally = tallies[day]?.[hour] ?? { dials: 0, connects: 0 };
      dials += tally.dials;
      connects += tally.connects;
      return {
        prior,
        dials: tally.dials,
        connects: tally.connects,
        posterior: (tally.connects + prior * PRIOR_DIALS) / (tally.dials + PRIOR_DIALS),
        hasEnoughData: tally.dials >= MIN_DIALS_FOR_OWN_DATA,
      };
    }),
  );
  return { cells, dials, connects };
}

/** The cell a moment falls in, on the prospect's clock. */
export function cellAt(model: BestTimesModel, at: Instant, prospectZone: string): BestTimeCell {
  const { weekday, hour } = localParts(at, prospectZone);
  const cell = model.cells[(weekday + 6) % DAYS]?.[hour];
  if (!cell) throw new Error(`No best-times cell for weekday ${weekday}, hour ${hour}`);
  return cell;
}

/** "10–11 am", "11 am–12 pm". */
export function hourRangeLabel(hour: number): string {
  const end = (hour + 1) % HOURS;
  const twelveHour = (h: number): number => (h % 12 === 0 ? 12 : h % 12);
  const meridiem = (h: number): string => (h < 12 ? 'am' : 'pm');
  const from =
    meridiem(hour) === meridiem(end)
      ? `${twelveHour(hour)}`
      : `${twelveHour(hour)} ${meridiem(hour)}`;
  return `${from}–${twelveHour(end)} ${meridiem(end)}`;
}

const percent = (rate: number): string => `${Math.round(rate * 100)}%`;

/** "your connect rate Wed 10–11 am: 38% over 52 dials": the rep's raw rate in the hour of `at`,
 *  on the prospect's clock. */
export function ownRateReason(model: BestTimesModel, at: Instant, prospectZone: string): string {
  const cell = cellAt(model, at, prospectZone);
  const { weekday, hour } = localParts(at, prospectZone);
  const hourName = `${SHORT_WEEKDAYS[(weekday + 6) % DAYS]} ${hourRangeLabel(hour)}`;
  const rate = cell.dials === 0 ? 0 : cell.connects / cell.dials;
  return `your connect rate ${hourName}: ${percent(rate)} over ${cell.dials} dials`;
}

export interface PersonalBestTime {
  rating: ConnectRating;
  reason: string;
  /** 'your-data' when the hour has enough of the rep's dials; else the general advice spoke. */
  basis: 'your-data' | 'general-advice';
  /** From the general advice, when it spoke and the moment isn't good. */
  nextBestAt?: number;
}

function ratingAgainstAverage(own: number, average: number): ConnectRating {
  if (own > 0 && own >= average * GOOD_VS_AVERAGE) return 'good';
  if (own <= average * POOR_VS_AVERAGE) return 'poor';
  return 'fair';
}

/**
 * Is now a good moment to dial this prospect, by the rep's own record? Uses the rep's raw rate in
 * this hour (the number the reason quotes) against their average once the hour has
 * MIN_DIALS_FOR_OWN_DATA dials; until then, the general advice of bestTimeNow.
 */
export function personalBestTimeNow(
  model: BestTimesModel,
  now: Instant,
  prospectZone: string,
  theirZoneKnown = true,
): PersonalBestTime {
  const cell = cellAt(model, now, prospectZone);
  if (!cell.hasEnoughData) {
    return { ...bestTimeNow(now, prospectZone, theirZoneKnown), basis: 'general-advice' };
  }
  const own = cell.connects / cell.dials;
  const average = model.connects / model.dials;
  return {
    rating: ratingAgainstAverage(own, average),
    reason: `${momentThere(now, prospectZone, theirZoneKnown)} ${ownRateReason(model, now, prospectZone)} (your average: ${percent(average)})`,
    basis: 'your-data',
  };
}

interface RankedSlot extends BestTimeCell {
  /** The candidate slot's start, epoch ms. */
  at: number;
}

/**
 * Candidate slots best first by posterior connect rate, earlier first on ties. Slots before `now`
 * or outside the prospect's business hours are dropped, whatever the data says.
 */
export function personalSlotRanking(
  model: BestTimesModel,
  candidates: readonly Instant[],
  prospectZone: string,
  now: Instant,
): RankedSlot[] {
  const nowMs = toMs(now);
  return candidates
    .map(toMs)
    .filter((at) => at >= nowMs && isBusinessHours(at, prospectZone))
    .map((at) => ({ ...cellAt(model, at, prospectZone), at }))
    .sort((a, b) => b.posterior - a.posterior || a.at - b.at);
}
