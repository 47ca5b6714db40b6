import type { Attempt, CallPlan, Contact, Note, RepSettings, Task } from '../model';
import { bestTimeNow, type BestTimeVerdict } from './best-time';
import { evaluateChecklist, type ChecklistResult } from './checklist';
import { scripts, type Scripts } from './scripts';
import { situationOf, type Situation } from './situation';
import { suggestAsk, type SuggestedAsk } from './suggest-ask';

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
}

export interface CallCoach {
  prospectZone: string;
  checklist: ChecklistResult;
  situation: Situation;
  ask: SuggestedAsk;
  bestTime: BestTimeVerdict;
  scripts: Scripts;
}

/** Outcomes that are events worth following up inside the golden window. */
const EVENTS = new Set<Attempt['outcome']>([
  'connected',
  'sent-info',
  'meeting-booked',
  'call-back',
]);

/** Everything the panel shows about the next call, derived in one place. */
export function coachCall(input: CallCoachInput): CallCoach {
  const { contact, notes, attempts, tasks, plan, rep, now, repZone } = input;
  const prospectZone = contact.timeZone ?? repZone;
  const newestFirst = [...attempts].sort((a, b) => b.at - a.at);
  const lastEvent = newestFirst.find((a) => EVENTS.has(a.outcome));
  const agreedAt = newestFirst.find((a) => a.agreedAt !== undefined && a.agreedAt > now)?.agreedAt;
  const situation = situationOf(contact, attempts, tasks, now);
  const ask = suggestAsk(now, prospectZone, repZone, { agreedAt, recentEventAt: lastEvent?.at });
  return {
    prospectZone,
    checklist: evaluateChecklist(plan, notes, attempts),
    situation,
    ask,
    bestTime: bestTimeNow(now, prospectZone),
    scripts: scripts(situation, contact, notes, plan, rep, {
      tryAgainLabel: ask.slots[0].prospectLabel,
    }),
  };
}
