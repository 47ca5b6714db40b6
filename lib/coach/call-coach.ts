import type { Attempt, CallPlan, Contact, Note, RepSettings, Task } from '../model';
import { bestTimeNow, type BestTimeVerdict } from './best-time';
import { evaluateChecklist, type ChecklistResult } from './checklist';
import { askByOwnRecord } from './personal-ask';
import {
  personalBestTimeNow,
  type BestTimesModel,
  type PersonalBestTime,
} from './personal-best-times';
import { prospectZoneOf, REP_ZONE_NOTE, type ProspectZone } from './prospect-zone';
import { scripts, type Scripts } from './scripts';
import { situationOf, type Situation } from './situation';
import { suggestAsk, type SuggestedAsk } from './suggest-ask';
import { voicemailNextStep, type VoicemailNextStep } from './try-again';

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
  /** Where that zone comes from: set by the rep, guessed from the phone, or the rep's own. */
  zone: ProspectZone;
  /** Said beside the times when they are the rep's own clock (the prospect's zone is unknown). */
  zoneNote?: string;
  checklist: ChecklistResult;
  situation: Situation;
  ask: SuggestedAsk;
  /** What the voicemail says comes next: another call (the cadence's next day, in a best
   *  window), or after repeated unanswered calls the cadence's email. */
  tryAgain: VoicemailNextStep;
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

/** Everything the panel shows about the next call, derived in one place. */
export function coachCall(input: CallCoachInput): CallCoach {
  const { contact, notes, attempts, tasks, plan, rep, now, repZone, bestTimes } = input;
  // Set zone > guessed from the phone > the rep's own, and then the panel says so.
  const zone = prospectZoneOf(contact, repZone);
  const prospectZone = zone.zone;
  const newestFirst = [...attempts].sort((a, b) => b.at - a.at);
  const lastEvent = newestFirst.find((a) => EVENTS.has(a.outcome));
  // Only a time the prospect agreed to: a voicemail's "I'll try you again" is the rep's promise.
  const agreedAt = newestFirst.find(
    (a) => a.agreedAt !== undefined && a.agreedAt > now && !UNANSWERED.has(a.outcome),
  )?.agreedAt;
  const situation = situationOf(contact, attempts, tasks, now);
  // Information sent: the slots leave them a day to read it.
  const infoSentAt =
    situation.key === 'after-info-sent'
      ? newestFirst.find((a) => a.outcome === 'sent-info')?.at
      : undefined;
  const generalAsk = suggestAsk(now, prospectZone, repZone, {
    agreedAt,
    recentEventAt: lastEvent?.at,
    situation: situation.key,
    infoSentAt,
  });
  const ask = bestTimes
    ? askByOwnRecord(generalAsk, bestTimes, now, prospectZone, repZone, situation.key)
    : generalAsk;
  const tryAgain = voicemailNextStep({
    now,
    attempts,
    contact,
    prospectZone,
    repZone,
    bestTimes,
  });
  const zoneNote =
    zone.source === 'rep'
      ? [zone.unknownBecause && `${zone.unknownBecause}.`, REP_ZONE_NOTE].filter(Boolean).join(' ')
      : undefined;
  return {
    prospectZone,
    zone,
    ...(zoneNote ? { zoneNote } : {}),
    checklist: evaluateChecklist(plan, notes, attempts),
    situation,
    ask,
    tryAgain,
    // personalBestTimeNow falls back to the general advice when this hour lacks the rep's dials.
    bestTime: bestTimes
      ? personalBestTimeNow(bestTimes, now, prospectZone, zone.source !== 'rep')
      : bestTimeNow(now, prospectZone, zone.source !== 'rep'),
    scripts: scripts(situation, contact, notes, plan, rep, {
      tryAgainLabel: tryAgain.prospectLabel,
      tryAgainChannel: tryAgain.channel,
      suggestedAsk: ask.text,
    }),
  };
}
