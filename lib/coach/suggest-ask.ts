// The direct ask: two concrete slots the prospect can say yes to, in their own time zone.
import { DEFAULT_CALL_MINUTES, firstWindowSlot, MIDDAY, windowSlots } from './call-windows';
import {
  clockLabel,
  isSameLocalDay,
  localDaysBetween,
  localParts,
  monthDayLabel,
  toMs,
  weekdayName,
  type Instant,
} from '../time/calendar';
import type { SituationKey } from './situation';
import { INFO_READING_MS } from './cadence';
import { HOUR_MS } from '../model/time-units';

export interface Slot {
  /** Epoch ms of the slot's start. */
  at: number;
  /** In the prospect's time, as said to them: "Tuesday at 10:30". */
  prospectLabel: string;
  /** The rep's own clock, when it reads differently: "7:30 am your time". */
  repLabel?: string;
}

interface SuggestAskOptions {
  /** A time already agreed with the prospect (epoch ms); used only while still ahead. */
  agreedAt?: number;
  /** The last event worth following up (first call, proposal sent), epoch ms. */
  recentEventAt?: number;
  minutes?: number;
  purpose?: string;
  /** Words the ask for where the rep stands; without it, the general wording. */
  situation?: SituationKey;
  /** When the rep sent the information they asked for (epoch ms): no slot before they have
   *  had a day to read it. */
  infoSentAt?: number;
}

/** Why these slots: the agreed time, the 48 h after an event, or simply the next best windows. */
type AskBasis = 'agreed-time' | 'golden-window' | 'next-windows';

export interface SuggestedAsk {
  slots: [Slot, Slot];
  /** The sentence to say, in the prospect's time. */
  text: string;
  /** The same sentence with the rep's time beside each slot; only when the clocks differ. */
  repText?: string;
  basis: AskBasis;
  minutes: number;
  purpose: string;
  /** When the golden window after `recentEventAt` closes, if that event is recent. */
  goldenWindowEndsAt?: number;
  /** Why these slots rather than the general ones, when the rep's own record chose them. */
  why?: string;
  /** No slot before this (epoch ms), when later than the usual short notice: a day to read
   *  the information sent. The rep's own record picks slots from here too. */
  notBefore?: number;
}

/** A slot sooner than this is too short notice for the prospect's calendar. */
export const MIN_LEAD_MS = HOUR_MS;
/** Follow up within 48 h of an event, while it is fresh. */
const GOLDEN_WINDOW_MS = 48 * HOUR_MS;
const DEFAULT_PURPOSE = 'walk-through';
/** Beyond this many days out, a bare weekday is ambiguous, so the date is added. */
const DAYS_A_WEEKDAY_NAMES = 6;

function isMorning(at: number, zone: string): boolean {
  return localParts(at, zone).minuteOfDay < MIDDAY;
}

/**
 * The second slot: on the next day that has window slots (other than `first`'s day), at or after
 * `from`. It prefers the other half of the day than `first` — a morning and an afternoon give the
 * prospect a real choice — unless only one of them falls before `before` (the golden window).
 */
function secondSlot(
  from: number,
  first: number,
  zone: string,
  minutes: number,
  before?: number,
): number {
  const thatDay: number[] = [];
  for (const slot of windowSlots(from, zone, 'best', minutes)) {
    if (isSameLocalDay(slot, first, zone)) continue;
    const dayStart = thatDay[0];
    if (dayStart !== undefined && !isSameLocalDay(slot, dayStart, zone)) break;
    thatDay.push(slot);
  }
  const otherHalf = thatDay.filter((slot) => isMorning(slot, zone) !== isMorning(first, zone));
  const inTime = (slot: number): boolean => before === undefined || slot < before;
  const choice = otherHalf.find(inTime) ?? thatDay.find(inTime) ?? otherHalf[0] ?? thatDay[0];
  if (choice === undefined) throw new Error(`No second call window found in ${zone}`);
  return choice;
}

/** The day of `at` as said to the prospect: "Tuesday", or "Tuesday, April 8" past a week. */
export function dayLabel(at: number, now: number, zone: string): string {
  return localDaysBetween(now, at, zone) > DAYS_A_WEEKDAY_NAMES
    ? `${weekdayName(at, zone)}, ${monthDayLabel(at, zone)}`
    : weekdayName(at, zone);
}

function prospectLabel(at: number, now: number, zone: string): string {
  return `${dayLabel(at, now, zone)} at ${clockLabel(at, zone, 'outside-work-hours')}`;
}

function repLabel(at: number, prospectZone: string, repZone: string): string | undefined {
  const repClock = clockLabel(at, repZone);
  const sameClock = repClock === clockLabel(at, prospectZone);
  const sameDay = weekdayName(at, repZone) === weekdayName(at, prospectZone);
  if (sameClock && sameDay) return undefined;
  // The rep's date can differ from the prospect's (Tokyo vs Los Angeles): then name the day.
  return sameDay ? `${repClock} your time` : `${weekdayName(at, repZone)} ${repClock} your time`;
}

/** One moment as said to the prospect ("Tuesday at 10:30"), the rep's clock beside it when it
 *  reads differently. */
export function slotAt(now: Instant, at: number, prospectZone: string, repZone: string): Slot {
  const slot: Slot = { at, prospectLabel: prospectLabel(at, toMs(now), prospectZone) };
  const rep = repLabel(at, prospectZone, repZone);
  return rep === undefined ? slot : { ...slot, repLabel: rep };
}

interface AskLength {
  minutes: number;
  purpose: string;
}

type Wording = (first: string, second: string, length: AskLength) => string;

const walkThrough = ({ minutes, purpose }: AskLength): string => `${minutes}-minute ${purpose}`;

const GENERAL: Wording = (a, b, l) => `Does ${a} or ${b} work better for a ${walkThrough(l)}?`;

/** The ask in words that fit where the rep stands; each names both slots. */
const WORDING: Readonly<Record<SituationKey, Wording>> = {
  'after-good-call': GENERAL,
  // They have the material: the call is to go through it together.
  'after-info-sent': (a, b, l) =>
    `Could we take ${l.minutes} minutes on ${a} or ${b} to walk through what I sent you?`,
  // Silence: make a no as easy as a yes, and give the yes a time.
  'gone-dark': (a, b, l) =>
    `Is this still on your list? A plain yes or no is fine — if yes, would ${a} or ${b} work for ${l.minutes} minutes?`,
  'call-later': (a, b, l) =>
    `You asked me to come back to you about now: would ${a} or ${b} suit you for a ${walkThrough(l)}?`,
  // Re-introduce before asking: a short catch-up is easy to accept.
  'doesnt-remember': (a, b, l) =>
    `Could I have ${l.minutes} minutes on ${a} or ${b} to bring you up to date?`,
  'new-contact': (a, b, l) =>
    `Would ${a} or ${b} work for a ${l.minutes}-minute call to see whether this fits?`,
  'meeting-booked': (a, b) => `To fix our meeting: which suits you better, ${a} or ${b}?`,
  // A no stands unless something changed: offer one more look and an honest way out.
  'not-interested': (a, b, l) =>
    `If it's worth one more look, would ${a} or ${b} work for ${l.minutes} minutes — or shall I close the file?`,
};

/** An agreed time comes first, named as theirs; the second slot is the fallback. */
function agreedWording(situation: SituationKey | undefined): Wording {
  if (situation === 'call-later') {
    return (a, b, l) =>
      `You asked me to call back ${a} — does that still work for a ${walkThrough(l)}, or would ${b} suit you better?`;
  }
  if (situation === 'meeting-booked') {
    return (a, b) => `We're booked for ${a} — does that still work, or would ${b} suit you better?`;
  }
  return (a, b, l) =>
    `We agreed on ${a} — does that still work for a ${walkThrough(l)}, or would ${b} suit you better?`;
}

function wordingFor(basis: AskBasis, situation: SituationKey | undefined): Wording {
  if (basis === 'agreed-time') return agreedWording(situation);
  return situation === undefined ? GENERAL : WORDING[situation];
}

interface PhraseOptions {
  minutes?: number;
  purpose?: string;
  situation?: SituationKey;
  goldenWindowEndsAt?: number;
  why?: string;
}

/**
 * The ask for two chosen slots: each labelled on the prospect's clock (the rep's beside it when
 * it reads differently) and said in the situation's words.
 */
export function phraseAsk(
  now: Instant,
  prospectZone: string,
  repZone: string,
  [first, second]: readonly [number, number],
  basis: AskBasis,
  options: PhraseOptions = {},
): SuggestedAsk {
  const nowMs = toMs(now);
  const length: AskLength = {
    minutes: options.minutes ?? DEFAULT_CALL_MINUTES,
    purpose: options.purpose ?? DEFAULT_PURPOSE,
  };
  const toSlot = (at: number): Slot => slotAt(nowMs, at, prospectZone, repZone);
  const slots: [Slot, Slot] = [toSlot(first), toSlot(second)];
  const [a, b] = slots;
  const wording = wordingFor(basis, options.situation);
  const withRep = (slot: Slot): string =>
    slot.repLabel === undefined ? slot.prospectLabel : `${slot.prospectLabel} (${slot.repLabel})`;
  const showRep = a.repLabel !== undefined || b.repLabel !== undefined;
  const { goldenWindowEndsAt, why } = options;
  return {
    slots,
    text: wording(a.prospectLabel, b.prospectLabel, length),
    ...(showRep ? { repText: wording(withRep(a), withRep(b), length) } : {}),
    basis,
    minutes: length.minutes,
    purpose: length.purpose,
    ...(goldenWindowEndsAt !== undefined ? { goldenWindowEndsAt } : {}),
    ...(why !== undefined ? { why } : {}),
  };
}

export function suggestAsk(
  now: Instant,
  prospectZone: string,
  repZone: string,
  options: SuggestAskOptions = {},
): SuggestedAsk {
  const nowMs = toMs(now);
  const minutes = options.minutes ?? DEFAULT_CALL_MINUTES;
  const purpose = options.purpose ?? DEFAULT_PURPOSE;
  const { agreedAt, recentEventAt, infoSentAt } = options;
  const readBy = infoSentAt === undefined ? undefined : infoSentAt + INFO_READING_MS;
  const notBefore = readBy !== undefined && readBy > nowMs + MIN_LEAD_MS ? readBy : undefined;
  const earliest = notBefore ?? nowMs + MIN_LEAD_MS;

  const eventIsRecent =
    recentEventAt !== undefined &&
    recentEventAt <= nowMs &&
    nowMs - recentEventAt <= GOLDEN_WINDOW_MS;
  const goldenWindowEndsAt = eventIsRecent ? recentEventAt + GOLDEN_WINDOW_MS : undefined;

  let basis: AskBasis;
  let first: number;
  let second: number;
  if (agreedAt !== undefined && agreedAt > nowMs) {
    // Keep the promise first; the alternative comes after it, for when it falls through.
    basis = 'agreed-time';
    first = agreedAt;
    second = secondSlot(Math.max(earliest, agreedAt), agreedAt, prospectZone, minutes);
  } else {
    // The earliest slot first: it is inside the golden window whenever the window holds one.
    first = firstWindowSlot(earliest, prospectZone, 'best', minutes);
    const golden = goldenWindowEndsAt !== undefined && first < goldenWindowEndsAt;
    basis = golden ? 'golden-window' : 'next-windows';
    second = secondSlot(
      first,
      first,
      prospectZone,
      minutes,
      golden ? goldenWindowEndsAt : undefined,
    );
  }

  const ask = phraseAsk(nowMs, prospectZone, repZone, [first, second], basis, {
    minutes,
    purpose,
    situation: options.situation,
    goldenWindowEndsAt,
  });
  return notBefore === undefined ? ask : { ...ask, notBefore };
}
