import type { Attempt, CallPlan, Contact, Note, RepSettings, Task } from '../model';
import { bestTimeNow, type BestTimeVerdict } from './best-time';
import { isSameLocalDay, windowSlots } from './call-windows';
import { evaluateChecklist, type ChecklistResult } from './checklist';
import {
  personalBestTimeNow,
  personalSlotRanking,
  type BestTimesModel,
  type PersonalBestTime,
} from './personal-best-times';
import { scripts, type Scripts } from './scripts';
import { situationOf, type Situation, type SituationKey } from './situation';
import { MIN_LEAD_MS, phraseAsk, suggestAsk, type SuggestedAsk } from './suggest-ask';

export interface CallCoachInput {
  contact: Contact;
  notes: readonly Note[];
  /** This contact's attempts, any order. */
  attempts: readonly Attempt[];
  /** This contact's open tasks. */
  tasks: readonly Task[];
  plan: CallPlan;
  rep: RepSettings | undefined;
  now: number;
  /** The rep's own zone (settings, else the browser's). */
  repZone: string;
  /**
   * The rep's own connect rates (all contacts, prospect's clock). When given, "good time to call
   * now?" and the suggested slots follow the rep's record wherever it has enough dials.
   */
  bestTimes?: BestTimesModel;
}

export interface CallCoach {
  prospectZone: string;
  checklist: ChecklistResult;
  situation: Situation;
  ask: SuggestedAsk;
  bestTime: BestTimeVerdict | PersonalBestTime;
  scripts: Scripts;
}

/** Outcomes that are events worth following up inside the golden window. */
const EVENTS = new Set<Attempt['outcome']>([
  'connected',
  'sent-info',
  'meeting-booked',
  'call-back',
]);

/** Outcomes where nobody agreed to anything. */
const UNANSWERED = new Set<Attempt['outcome']>([
  'voicemail',
  'no-answer',
  'gatekeeper',
  'wrong-number',
]);

/** The rep's data picks among the best-window slots of this many days that hold any (about a
 *  week of Tuesdays to Thursdays): a better hour is not worth asking for a date weeks out. */
const RANKED_DAYS = 3;

function bestWindowCandidates(from: number, zone: string, minutes: number): number[] {
  const candidates: number[] = [];
  let days = 0;
  for (const slot of windowSlots(from, zone, 'best', minutes)) {
    const previous = candidates[candidates.length - 1];
    if (previous === undefined || !isSameLocalDay(previous, slot, zone)) days += 1;
    if (days > RANKED_DAYS) break;
    candidates.push(slot);
  }
  return candidates;
}

/**
 * The general ask, with its two slots re-picked by the rep's own connect rates when the candidate
 * hours have enough of their dials. The rules of the general ask still hold: candidates are
 * Tuesday–Thursday best-window slots (so business hours, mid-week first) at least MIN_LEAD_MS
 * ahead, and the two slots fall on different days. The rep's best slot comes first: the
 * voicemail promises to try again at the first slot, and that should be when they connect best.
 * An agreed time (a promise) and the golden window after an event (freshness) outrank connect
 * rates, so those asks keep the general slots.
 */
function askByOwnRecord(
  ask: SuggestedAsk,
  model: BestTimesModel,
  now: number,
  prospectZone: string,
  repZone: string,
  situation: SituationKey,
): SuggestedAsk {
  if (ask.basis !== 'next-windows') return ask;
  const candidates = bestWindowCandidates(now + MIN_LEAD_MS, prospectZone, ask.minutes);
  const ranked = personalSlotRanking(model, candidates, prospectZone, now);
  if (!ranked.some((slot) => slot.hasEnoughData)) return ask;
  const [best] = ranked;
  const other = ranked.find((slot) => best && !isSameLocalDay(slot.at, best.at, prospectZone));
  if (!best || !other) return ask;
  if (best.at === ask.slots[0].at && other.at === ask.slots[1].at) return ask;
  return phraseAsk(now, prospectZone, repZone, [best.at, other.at], ask.basis, {
    minutes: ask.minutes,
    purpose: ask.purpose,
    situation,
  });
}

/** Everything the panel shows about the next call, derived in one place. */
export function coachCall(input: CallCoachInput): CallCoach {
  const { contact, notes, attempts, tasks, plan, rep, now, repZone, bestTimes } = input;
  const prospectZone = contact.timeZone ?? repZone;
  const newestFirst = [...attempts].sort((a, b) => b.at - a.at);
  const lastEvent = newestFirst.find((a) => EVENTS.has(a.outcome));
  // Only a time the prospect agreed to: a voicemail's "I'll try you again" is the rep's promise.
  const agreedAt = newestFirst.find(
    (a) => a.agreedAt !== undefined && a.agreedAt > now && !UNANSWERED.has(a.outcome),
  )?.agreedAt;
  const situation = situationOf(contact, attempts, tasks, now);
  const generalAsk = suggestAsk(now, prospectZone, repZone, {
    agreedAt,
    recentEventAt: lastEvent?.at,
    situation: situation.key,
  });
  const ask = bestTimes
    ? askByOwnRecord(generalAsk, bestTimes, now, prospectZone, repZone, situation.key)
    : generalAsk;
  return {
    prospectZone,
    checklist: evaluateChecklist(plan, notes, attempts),
    situation,
    ask,
    // personalBestTimeNow falls back to the general advice when this hour lacks the rep's dials.
    bestTime: bestTimes
      ? personalBestTimeNow(bestTimes, now, prospectZone)
      : bestTimeNow(now, prospectZone),
    scripts: scripts(situation, contact, notes, plan, rep, {
      tryAgainLabel: ask.slots[0].prospectLabel,
      suggestedAsk: ask.text,
    }),
  };
}
