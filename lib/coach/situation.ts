import type { Attempt, Contact, Outcome, Task } from '../model';
import { DAY_MS } from '../model/time-units';

// Which follow-up situation the rep is in decides which script fits. Read from the attempt
// history only (newest first); "now" is passed in.

export type SituationKey =
  | 'new-contact'
  | 'after-good-call'
  | 'after-info-sent'
  | 'gone-dark'
  | 'call-later'
  | 'doesnt-remember'
  | 'meeting-booked'
  | 'not-interested';

export interface Situation {
  key: SituationKey;
  label: string;
  /** The facts behind the choice, e.g. "Last spoke 5 days ago; no meeting booked yet." */
  why: string;
}

export const SITUATION_LABELS: Readonly<Record<SituationKey, string>> = {
  'new-contact': 'New contact',
  'after-good-call': 'After a good first call',
  'after-info-sent': 'After sending information',
  'gone-dark': 'Gone dark',
  'call-later': 'Asked to be called later',
  'doesnt-remember': 'May not remember you',
  'meeting-booked': 'Meeting booked',
  'not-interested': 'Said not interested',
};

/** Past about three weeks without a conversation, silence starts to mean something. */
const GONE_DARK_AFTER_DAYS = 21;
/** After six weeks with no contact, assume they need reminding who you are. */
const MAY_NOT_REMEMBER_AFTER_DAYS = 42;
/** Unanswered attempts since the last conversation that make it "gone dark" after 3 weeks. */
const GONE_DARK_MIN_UNANSWERED = 2;
/** The gone-dark run itself: 3 or more unanswered tries over two weeks is silence too. */
const GONE_DARK_RUN_ATTEMPTS = 3;
const GONE_DARK_RUN_DAYS = 14;
/** A meeting booked without a recorded time is taken as still ahead for this long. */
const MEETING_AHEAD_DAYS = 14;

/** Outcomes where the prospect was reached (or asked for something), i.e. a conversation. */
const CONVERSATION_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([
  'connected',
  'meeting-booked',
  'call-back',
  'not-interested',
  'sent-info',
]);

/** Outcomes where the prospect themself could have said "call me later". */
const PROSPECT_SPOKE: ReadonlySet<Outcome> = new Set<Outcome>(['connected', 'call-back']);

const isConversation = (attempt: Attempt): boolean => CONVERSATION_OUTCOMES.has(attempt.outcome);

function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

function ago(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}

function fromNow(days: number): string {
  if (days === 0) return 'today';
  if (days > 0) return days === 1 ? 'tomorrow' : `in ${days} days`;
  return ago(-days);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The "call me later" agreement still in force, if any: the newest attempt is a call-back, or the
 * prospect agreed a time (agreedAt) on a call, no conversation has happened since, its task (if
 * we can see one) is still open, and it has not gone unanswered twice since the agreed time.
 */
function callLaterAgreement(
  newestFirst: readonly Attempt[],
  tasks: readonly Task[],
): Attempt | null {
  const newest = newestFirst[0];
  if (newest?.outcome === 'call-back') return newest;
  const promise = newestFirst.find(
    (attempt) => attempt.agreedAt !== undefined && PROSPECT_SPOKE.has(attempt.outcome),
  );
  if (!promise || promise.agreedAt === undefined) return null;
  const later = newestFirst.filter((attempt) => attempt.at > promise.at);
  if (later.some(isConversation)) return null;
  const agreedAt = promise.agreedAt;
  if (later.filter((attempt) => attempt.at >= agreedAt).length >= GONE_DARK_MIN_UNANSWERED) {
    return null;
  }
  const linked = tasks.filter((task) => task.attemptId === promise.id);
  const stillOpen = linked.length === 0 || linked.some((task) => task.status === 'open');
  return stillOpen ? promise : null;
}

function situation(key: SituationKey, why: string): Situation {
  return { key, label: SITUATION_LABELS[key], why };
}

/**
 * Precedence, first match wins:
 *  1. no attempts                                        → new-contact
 *  2. newest outcome 'call-back', or an agreed time from the prospect still open → call-later
 *  3. newest outcome 'sent-info'                         → after-info-sent
 *  4. never had a conversation (only unanswered tries)   → new-contact (they don't know you yet)
 *  5. the last conversation was "not interested"         → not-interested (a brush-off to handle)
 *  6. the last conversation booked a meeting that is still ahead (or was booked in the last two
 *     weeks without a time)                              → meeting-booked (confirm and prepare)
 *  7. since the last conversation: 2+ unanswered attempts over more than 3 weeks, or 3+ over
 *     two weeks or more                                  → gone-dark
 *  8. the rep marked the last conversation "they didn't remember me", or it was ≥ 6 weeks ago
 *     (fewer unanswered since)                           → doesnt-remember
 *  9. last conversation was sending information (unanswered since)     → after-info-sent
 * 10. otherwise (a recent enough conversation, no meeting booked)      → after-good-call
 * "Conversation" means connected, meeting booked, call-back, not interested or info sent;
 * voicemail, no answer, gatekeeper and wrong number are unanswered. A booked meeting whose time
 * has passed counts as a conversation held at that time.
 */
export function situationOf(
  contact: Contact,
  attempts: readonly Attempt[],
  tasks: readonly Task[],
  now: number,
): Situation {
  const newestFirst = attempts
    .filter((attempt) => attempt.contactId === contact.id)
    .sort((a, b) => b.at - a.at);
  const contactTasks = tasks.filter((task) => task.contactId === contact.id);
  const newest = newestFirst[0];
  if (!newest) return situation('new-contact', 'No attempts logged yet.');

  const agreement = callLaterAgreement(newestFirst, contactTasks);
  if (agreement) {
    const agreedAt = agreement.agreedAt;
    const when =
      agreedAt === undefined
        ? ''
        : ` The agreed time is ${fromNow(agreedAt >= now ? daysBetween(now, agreedAt) : -daysBetween(agreedAt, now))}.`;
    return situation(
      'call-later',
      `They asked to be called back (${ago(daysBetween(agreement.at, now))}).${when}`,
    );
  }

  if (newest.outcome === 'sent-info') {
    return situation(
      'after-info-sent',
      `You sent them information ${ago(daysBetween(newest.at, now))}.`,
    );
  }

  const lastConversation = newestFirst.find(isConversation);
  if (!lastConversation) {
    return situation(
      'new-contact',
      `Not reached yet: ${plural(newestFirst.length, 'attempt')} without a conversation.`,
    );
  }

  const unansweredSince = newestFirst.filter((attempt) => attempt.at > lastConversation.at).length;
  if (lastConversation.outcome === 'not-interested') {
    const since = unansweredSince > 0 ? `; ${plural(unansweredSince, 'attempt')} since` : '';
    return situation(
      'not-interested',
      `They said they were not interested ${ago(daysBetween(lastConversation.at, now))}${since}.`,
    );
  }
  const meeting = lastConversation.outcome === 'meeting-booked' ? lastConversation : undefined;
  if (meeting && meetingStillAhead(meeting, now)) {
    const when =
      meeting.agreedAt === undefined
        ? ''
        : ` It is ${fromNow(meeting.agreedAt >= now ? daysBetween(now, meeting.agreedAt) : -daysBetween(meeting.agreedAt, now))}.`;
    return situation(
      'meeting-booked',
      `A meeting was booked ${ago(daysBetween(meeting.at, now))}.${when} Confirm it and prepare.`,
    );
  }

  // A meeting that has taken place is the last time they spoke.
  const heldAt =
    meeting?.agreedAt !== undefined && meeting.agreedAt <= now ? meeting.agreedAt : undefined;
  const days = daysBetween(heldAt ?? lastConversation.at, now);
  const lastSpoke =
    heldAt === undefined ? `Last conversation ${ago(days)}` : `The meeting was ${ago(days)}`;
  const longSilence = days > GONE_DARK_AFTER_DAYS && unansweredSince >= GONE_DARK_MIN_UNANSWERED;
  const unansweredRun = days >= GONE_DARK_RUN_DAYS && unansweredSince >= GONE_DARK_RUN_ATTEMPTS;
  if (longSilence || unansweredRun) {
    return situation(
      'gone-dark',
      `${lastSpoke}; ${plural(unansweredSince, 'unanswered attempt')} since.`,
    );
  }
  if (lastConversation.didNotRemember === true) {
    return situation(
      'doesnt-remember',
      `${lastSpoke}, and they did not remember you — give the context first.`,
    );
  }
  if (days >= MAY_NOT_REMEMBER_AFTER_DAYS) {
    return situation(
      'doesnt-remember',
      `${lastSpoke} — long enough that they may need a reminder.`,
    );
  }
  if (lastConversation.outcome === 'sent-info') {
    return situation('after-info-sent', `You sent them information ${ago(days)}.`);
  }
  const since =
    unansweredSince > 0
      ? `${plural(unansweredSince, 'unanswered attempt')} since`
      : heldAt === undefined
        ? 'no meeting booked yet'
        : 'nothing booked since';
  return situation('after-good-call', `${lastSpoke}; ${since}.`);
}

/** A booked meeting still to come (a day's grace: it may be today), or booked lately without
 *  a recorded time. */
function meetingStillAhead(meeting: Attempt, now: number): boolean {
  if (meeting.agreedAt !== undefined) return meeting.agreedAt >= now - DAY_MS;
  return daysBetween(meeting.at, now) <= MEETING_AHEAD_DAYS;
}
