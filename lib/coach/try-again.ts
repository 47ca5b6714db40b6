// "…or I'll try you again Thursday at 10": the time a voicemail promises. A promise kept
// builds trust, so it must be a time the cadence would call anyway, and a good one to connect.
import type { Attempt, Channel, Contact } from '../model';
import { callsGoneUnanswered, nextFollowUp } from './cadence';
import { nextBusinessDay, windowSlots } from './call-windows';
import { isSameLocalDay, startOfLocalDay, type Instant } from '../time/calendar';
import { personalSlotRanking, type BestTimesModel } from './personal-best-times';
import { dayLabel, slotAt, type Slot } from './suggest-ask';

interface TryAgainInput {
  now: number;
  /** This contact's attempts, any order. */
  attempts: readonly Attempt[];
  contact: Pick<Contact, 'timeZone' | 'preferredChannel'>;
  prospectZone: string;
  repZone: string;
  bestTimes?: BestTimesModel;
}

/**
 * The slot the voicemail promises: on the day the cadence schedules the next try after a
 * voicemail (never before the next business day), at the first best window from then on the
 * prospect's clock; within that day the rep's own best hour when their record has enough dials
 * there, else the earliest window slot.
 */
export function tryAgainSlot(input: TryAgainInput): Slot {
  const { now, attempts, contact, prospectZone, repZone, bestTimes } = input;
  const cadence = nextFollowUp('voicemail', attempts, now, contact, {
    repZone,
    prospectZone,
  });
  const due = Math.max(cadence?.dueAt ?? now, nextBusinessDay(now, prospectZone));
  const day = bestWindowDay(startOfLocalDay(due, prospectZone), prospectZone);
  const [first] = day;
  if (first === undefined) throw new Error(`No call window after ${due} in ${prospectZone}`);
  const ranked = bestTimes ? personalSlotRanking(bestTimes, day, prospectZone, now) : [];
  const chosen = ranked[0]?.hasEnoughData ? ranked[0].at : first;
  return slotAt(now, chosen, prospectZone, repZone);
}

/** What a voicemail says comes next: another call at a slot, or — once calls keep going
 *  unanswered — the cadence's email, named by its day. */
export type VoicemailNextStep = Slot & { channel: Channel };

/**
 * The next step the voicemail names. After two or more unanswered calls since the last
 * conversation the cadence's channel leads: when it says email, the voicemail announces that
 * email on the day the cadence schedules it (no time: it is not a call), and no call is promised.
 * Otherwise the promised call of `tryAgainSlot`.
 */
export function voicemailNextStep(input: TryAgainInput): VoicemailNextStep {
  const { attempts, contact, prospectZone, repZone } = input;
  // The panel's clock ticks every half minute: a call logged since then still counts.
  const now = Math.max(input.now, ...attempts.map((attempt) => attempt.at + 1));
  if (callsGoneUnanswered(attempts, now)) {
    const cadence = nextFollowUp('voicemail', attempts, now, contact, { repZone, prospectZone });
    if (cadence?.channel === 'email') {
      return {
        at: cadence.dueAt,
        prospectLabel: dayLabel(cadence.dueAt, now, prospectZone),
        channel: 'email',
      };
    }
  }
  return { ...tryAgainSlot({ ...input, now }), channel: 'call' };
}

/** The best-window slots of the first day at or after `from` that has any. */
function bestWindowDay(from: Instant, zone: string): number[] {
  const slots: number[] = [];
  for (const slot of windowSlots(from, zone, 'best')) {
    const [first] = slots;
    if (first !== undefined && !isSameLocalDay(first, slot, zone)) break;
    slots.push(slot);
  }
  return slots;
}
