// After each outcome: when to reach out next, and how. Business days and call windows are read on
// the prospect's calendar, so a follow-up never lands on their weekend or at 6 am their time.
import type { Attempt, Channel, Contact, ContactStatus, FollowUp, Outcome } from '../model';
import { DAY_MS, HOUR_MS } from '../model/time-units';
import { prospectZoneOf, type ProspectZone, type ZoneClues } from './prospect-zone';
import { addBusinessDays, firstWindowSlot, isMidweek, nextBusinessDay } from './call-windows';
import {
  addLocalDays,
  clockLabel,
  localDaysBetween,
  startOfLocalDay,
  toMs,
  weekdayName,
  type Instant,
} from '../time/calendar';

/** What the cadence reads about a contact. */
export type CadenceContact = Pick<Contact, 'preferredChannel' | 'status'> & ZoneClues;

interface CadenceOptions {
  /** A time agreed with the prospect (epoch ms); wins over every rule while it is ahead. */
  agreedAt?: number;
  /** A time the rep promised to try again (a voicemail's "I'll try you again Thursday at 11");
   *  kept like an agreed time, but worded as the rep's promise. */
  promisedAt?: number;
  /** Defaults to the contact's zone, then the rep's. */
  prospectZone?: string;
  repZone: string;
}

/** Business days to wait after the 1st, 2nd and 3rd unanswered attempt: about two weeks in all. */
const GONE_DARK_SPACING = [2, 4, 4] as const;
/** Attempts in the gone-dark sequence before switching to monthly touches. */
const GONE_DARK_ATTEMPTS = 4;
const GONE_DARK_MIN_SPAN_DAYS = 14;
const MONTHLY_TOUCH_DAYS = 30;
/** After a first conversation: 2 business days, or 3 when that lands on Tuesday–Thursday instead. */
const AFTER_CONNECT_BUSINESS_DAYS = 2;
/** After sending information: give them a day to read it, but not more than two. */
export const INFO_READING_MS = 24 * HOUR_MS;
const AFTER_INFO_MAX_MS = 48 * HOUR_MS;

const PIVOT_MIN_ATTEMPTS = 4;
const PIVOT_MIN_SPAN_DAYS = 21;

/** Calls that reached nobody. After this many since the last real exchange, calling again
 *  adds little: the next touch goes by the cadence's channel (an email), and a voicemail
 *  promises that email instead of another call. */
const UNANSWERED_CALLS: readonly Outcome[] = ['voicemail', 'no-answer', 'gatekeeper'];
const SWITCH_CHANNEL_AFTER_UNANSWERED_CALLS = 2;

/** Nobody picked up, someone stood in the way, or an email got no reply yet: each is one step
 *  of the gone-dark run. */
const UNANSWERED: readonly Outcome[] = ['voicemail', 'no-answer', 'gatekeeper', 'email-sent'];
/** A conversation that brings a contact in nurture or closed back to the active chase. Not
 *  interested keeps them where they are. */
const REACTIVATING: readonly Outcome[] = ['connected', 'meeting-booked', 'call-back', 'sent-info'];
/** A real exchange: it ends a gone-dark run, so counting starts again after it. */
const ENGAGED: readonly Outcome[] = [
  'connected',
  'meeting-booked',
  'call-back',
  'sent-info',
  'not-interested',
];
/** Only these count as real progress when judging whether to stop calling. */
const PROGRESS: readonly Outcome[] = ['connected', 'meeting-booked'];

function chronological(history: readonly Attempt[], before: number): Attempt[] {
  // Strictly before now: a caller that already stored the current attempt does not count it twice.
  return history.filter((attempt) => attempt.at < before).sort((a, b) => a.at - b.at);
}

/** The attempts after the last one whose outcome is in `resetBy`. */
function attemptsSinceLast(attempts: Attempt[], resetBy: readonly Outcome[]): Attempt[] {
  const lastReset = attempts.findLastIndex((attempt) => resetBy.includes(attempt.outcome));
  return attempts.slice(lastReset + 1);
}

/** Whether the calls since the last real exchange (before `now`) have gone unanswered often
 *  enough that the next touch should not be another call. */
export function callsGoneUnanswered(history: readonly Attempt[], now: Instant): boolean {
  const since = attemptsSinceLast(chronological(history, toMs(now)), ENGAGED);
  const calls = since.filter((attempt) => UNANSWERED_CALLS.includes(attempt.outcome));
  return calls.length >= SWITCH_CHANNEL_AFTER_UNANSWERED_CALLS;
}

/** The first workable call-window time on the day of `at` or later (Tue–Fri 10:00, Mon 1:30). */
function workableTimeFrom(at: number, zone: string): number {
  return firstWindowSlot(startOfLocalDay(at, zone), zone, 'fair');
}

/** "Thursday 11:00 am their time"; when their zone is not known the zone is the rep's stand-in,
 *  and the time is said to be the rep's, never theirs. */
function theirTime(at: number, zone: ProspectZone): string {
  const whose = zone.source === 'rep' ? 'your time' : 'their time';
  return `${weekdayName(at, zone.zone)} ${clockLabel(at, zone.zone)} ${whose}`;
}

function afterConnected(now: number, zone: string): Omit<FollowUp, 'channel'> {
  const twoDays = addBusinessDays(now, AFTER_CONNECT_BUSINESS_DAYS, zone);
  const threeDays = addBusinessDays(now, AFTER_CONNECT_BUSINESS_DAYS + 1, zone);
  // Stay within 2–3 business days but prefer a mid-week day; Monday morning is a poor time.
  if (!isMidweek(twoDays, zone) && isMidweek(threeDays, zone)) {
    return {
      dueAt: workableTimeFrom(threeDays, zone),
      reason: '3 business days after a connected call, to land mid-week',
    };
  }
  return {
    dueAt: workableTimeFrom(twoDays, zone),
    reason: '2 business days after a connected call',
  };
}

function afterSentInfo(now: number, zone: string): Omit<FollowUp, 'channel'> {
  const earliest = now + INFO_READING_MS;
  const best = firstWindowSlot(earliest, zone, 'best');
  if (best <= now + AFTER_INFO_MAX_MS) {
    return { dueAt: best, reason: 'A day or two after sending information, in a best call window' };
  }
  return {
    dueAt: firstWindowSlot(earliest, zone, 'fair'),
    reason: 'At least a day after sending information, at the next workable time',
  };
}

function afterUnanswered(
  outcome: Outcome,
  now: number,
  earlier: Attempt[],
  zone: string,
): { dueAt: number; channel: Channel; reason: string } {
  const run = attemptsSinceLast(earlier, ENGAGED).filter((a) => UNANSWERED.includes(a.outcome));
  const attemptNumber = run.length + 1;
  const firstAt = run[0]?.at ?? now;
  const next = attemptNumber + 1;
  // Mix the channels: after a call the next step is an email, after an email a call.
  const channel: Channel = outcome === 'email-sent' ? 'call' : 'email';
  // Said when calling has stopped reaching them, so the email reads as the switch it is.
  const calls = [...run, { outcome }].filter((a) => UNANSWERED_CALLS.includes(a.outcome)).length;
  const switched =
    channel === 'email' && calls >= SWITCH_CHANNEL_AFTER_UNANSWERED_CALLS
      ? ` — ${calls} calls went unanswered, so write instead`
      : '';

  const spacing = GONE_DARK_SPACING[attemptNumber - 1];
  if (spacing !== undefined) {
    return {
      dueAt: workableTimeFrom(addBusinessDays(now, spacing, zone), zone),
      channel,
      reason: `No reply yet: attempt ${next} of ${GONE_DARK_ATTEMPTS} over two weeks, ${spacing} business days on, by ${channel}${switched}`,
    };
  }
  if (localDaysBetween(firstAt, now, zone) >= GONE_DARK_MIN_SPAN_DAYS) {
    return {
      dueAt: workableTimeFrom(addLocalDays(now, MONTHLY_TOUCH_DAYS, zone), zone),
      channel: 'email',
      reason: `Monthly touch: ${attemptNumber} attempts over two weeks went unanswered`,
    };
  }
  // The attempts came too close together: one more at the two-week mark, then monthly.
  const twoWeeksOn = addLocalDays(firstAt, GONE_DARK_MIN_SPAN_DAYS, zone);
  return {
    dueAt: workableTimeFrom(Math.max(nextBusinessDay(now, zone), twoWeeksOn), zone),
    channel,
    reason: `${attemptNumber} attempts in under two weeks: one more at the two-week mark, then monthly`,
  };
}

/** The next follow-up after logging `outcome` now, or null when there is none to schedule. */
export function nextFollowUp(
  outcome: Outcome,
  history: readonly Attempt[],
  now: Instant,
  contact: CadenceContact,
  options: CadenceOptions,
): FollowUp | null {
  // A wrong number has nobody to follow up; a booked meeting gets its own task (meetingTask).
  if (outcome === 'wrong-number' || outcome === 'meeting-booked') return null;

  const nowMs = toMs(now);
  const known = prospectZoneOf(contact, options.repZone);
  const zone = options.prospectZone ?? known.zone;
  const spoken: ProspectZone = { ...known, zone };
  const prefersEmail = contact.preferredChannel === 'email';
  const finish = (plan: { dueAt: number; channel: Channel; reason: string }): FollowUp =>
    prefersEmail && plan.channel !== 'email'
      ? { ...plan, channel: 'email', reason: `${plan.reason} — email, as they prefer` }
      : plan;

  const { agreedAt, promisedAt } = options;
  if (agreedAt !== undefined && agreedAt > nowMs) {
    return finish({
      dueAt: agreedAt,
      channel: 'call',
      reason: `At the time you agreed: ${theirTime(agreedAt, spoken)}`,
    });
  }
  // After two or more unanswered calls the cadence's channel wins over a voicemail's promise:
  // otherwise each voicemail would book another call and the switch to email never came.
  const cadenceLeads = UNANSWERED_CALLS.includes(outcome) && callsGoneUnanswered(history, nowMs);
  if (promisedAt !== undefined && promisedAt > nowMs && !cadenceLeads) {
    return finish({
      dueAt: promisedAt,
      channel: 'call',
      reason: `When you said you'd try again: ${theirTime(promisedAt, spoken)}`,
    });
  }
  // In nurture, silence changes nothing: the next touch is a month on. A conversation goes
  // through the usual rules (statusAfterOutcome makes them active again).
  if (contact.status === 'nurture' && UNANSWERED.includes(outcome)) {
    return nurtureTouch(nowMs, contact, options.repZone, zone);
  }
  // A closed file stays closed: silence or a "not interested" schedules nothing. A
  // conversation, or a time promised above, reopens it (statusAfterOutcome).
  if (contact.status === 'closed' && !REACTIVATING.includes(outcome)) return null;

  switch (outcome) {
    case 'connected':
      return finish({ ...afterConnected(nowMs, zone), channel: 'call' });
    case 'sent-info':
      return finish({ ...afterSentInfo(nowMs, zone), channel: 'call' });
    case 'call-back':
      return finish({
        dueAt: workableTimeFrom(nextBusinessDay(nowMs, zone), zone),
        channel: 'call',
        reason: 'They asked for a call back without a time: next business day',
      });
    case 'not-interested':
      return finish({
        dueAt: workableTimeFrom(addLocalDays(nowMs, MONTHLY_TOUCH_DAYS, zone), zone),
        channel: 'email',
        reason: 'Not interested for now: a monthly nurture email',
      });
    case 'voicemail':
    case 'no-answer':
    case 'gatekeeper':
    case 'email-sent':
      return finish(afterUnanswered(outcome, nowMs, chronological(history, nowMs), zone));
  }
}

/** The contact's new status after `outcome`, or undefined when it stays: a conversation
 *  brings a contact in nurture back to the active chase; a closed file reopens with a
 *  conversation or when the rep committed to a next try (`next`, e.g. a voicemail's promise). */
export function statusAfterOutcome(
  outcome: Outcome,
  contact: Pick<Contact, 'status'>,
  next: FollowUp | null = null,
): ContactStatus | undefined {
  if (contact.status === 'nurture') return REACTIVATING.includes(outcome) ? 'active' : undefined;
  if (contact.status === 'closed') {
    return REACTIVATING.includes(outcome) || next !== null ? 'active' : undefined;
  }
  return undefined;
}

export interface PivotAdvice {
  pivot: boolean;
  reason: string;
}

function weeksLabel(days: number): string {
  const weeks = Math.floor(days / 7);
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}

/**
 * Whether to stop chasing: at least 4 attempts over 3 weeks or more since the last real
 * conversation or booked meeting, with only vague answers or none at all.
 */
export function pivotAdvice(history: readonly Attempt[], now: Instant): PivotAdvice {
  const nowMs = toMs(now);
  const attempts = history.filter((a) => a.at <= nowMs).sort((a, b) => a.at - b.at);
  const run = attemptsSinceLast(attempts, PROGRESS);
  const first = run[0];
  const last = run[run.length - 1];
  if (first === undefined || last === undefined) {
    return { pivot: false, reason: 'No unanswered attempts since the last conversation.' };
  }
  // Rounded: a DST change or a different hour of day should not cost a whole day.
  const spanDays = Math.round((last.at - first.at) / DAY_MS);
  if (run.length >= PIVOT_MIN_ATTEMPTS && spanDays >= PIVOT_MIN_SPAN_DAYS) {
    return {
      pivot: true,
      reason: `${run.length} attempts over ${weeksLabel(spanDays)} without a real conversation: move them to nurture or close the file.`,
    };
  }
  const tries = run.length === 1 ? '1 attempt' : `${run.length} attempts`;
  return {
    pivot: false,
    reason: `${tries} over ${spanDays === 1 ? '1 day' : `${spanDays} days`} since the last conversation: keep following up.`,
  };
}

/** The task to write after an outcome: the cadence's follow-up or, for a meeting booked at a
 *  time still ahead, the meeting itself, so it stays in the queue. */
export function taskAfterOutcome(
  outcome: Outcome,
  history: readonly Attempt[],
  now: Instant,
  contact: CadenceContact,
  options: CadenceOptions,
): FollowUp | null {
  const next = nextFollowUp(outcome, history, now, contact, options);
  if (next) return next;
  const { agreedAt } = options;
  if (outcome === 'meeting-booked' && agreedAt !== undefined && agreedAt > toMs(now)) {
    return meetingTask(agreedAt, contact, options.repZone);
  }
  return null;
}

/** A booked meeting as its own task, at its time, so the queue brings it back. */
export function meetingTask(at: number, contact: ZoneClues, repZone: string): FollowUp {
  const zone = prospectZoneOf(contact, repZone);
  return { dueAt: at, channel: 'call', kind: 'meeting', reason: `Meeting: ${theirTime(at, zone)}` };
}

/** The one follow-up left for a contact in long-term nurture: a monthly email. Moving them
 *  to nurture schedules the first; each touch logged while in nurture schedules the next. */
export function nurtureTouch(
  now: Instant,
  contact: ZoneClues,
  repZone: string,
  prospectZone?: string,
): FollowUp {
  const zone = prospectZone ?? prospectZoneOf(contact, repZone).zone;
  return {
    dueAt: workableTimeFrom(addLocalDays(toMs(now), MONTHLY_TOUCH_DAYS, zone), zone),
    channel: 'email',
    reason: 'Monthly nurture touch',
  };
}
