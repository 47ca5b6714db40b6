import type { Attempt, Contact, Outcome, Task } from '../model';

// Which follow-up situation the rep is in decides which script fits. Read from the attempt
// history only (newest first); "now" is passed in.

export type SituationKey =
  | 'new-contact'
  | 'after-good-call'
  | 'after-info-sent'
  | 'gone-dark'
  | 'call-later'
  | 'doesnt-remember';

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
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Past about three weeks without a conversation, silence starts to mean something. */
export const GONE_DARK_AFTER_DAYS = 21;
/** After six weeks with no contact, assume they need reminding who you are. */
export const MAY_NOT_REMEMBER_AFTER_DAYS = 42;
/** Unanswered attempts since the last conversation that make it "gone dark". */
export const GONE_DARK_MIN_UNANSWERED = 2;

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

/** How a conversation ended, when that is not "no meeting booked yet". */
const AFTER_CONVERSATION: Partial<Record<Outcome, string>> = {
  'meeting-booked': 'a meeting was booked',
  'not-interested': 'they said they were not interested',
};

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
 *  5. last conversation > 3 weeks ago and 2+ unanswered attempts since → gone-dark
 *  6. last conversation ≥ 6 weeks ago, fewer than 2 unanswered since   → doesnt-remember
 *  7. last conversation was sending information (unanswered since)     → after-info-sent
 *  8. otherwise (a recent enough conversation)           → after-good-call
 * "Conversation" means connected, meeting booked, call-back, not interested or info sent;
 * voicemail, no answer, gatekeeper and wrong number are unanswered.
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

  const days = daysBetween(lastConversation.at, now);
  const unansweredSince = newestFirst.filter((attempt) => attempt.at > lastConversation.at).length;
  const lastSpoke = `Last conversation ${ago(days)}`;
  if (days > GONE_DARK_AFTER_DAYS && unansweredSince >= GONE_DARK_MIN_UNANSWERED) {
    return situation(
      'gone-dark',
      `${lastSpoke}; ${plural(unansweredSince, 'unanswered attempt')} since.`,
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
      : (AFTER_CONVERSATION[lastConversation.outcome] ?? 'no meeting booked yet');
  return situation('after-good-call', `${lastSpoke}; ${since}.`);
}
