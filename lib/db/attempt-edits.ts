// A History entry corrected or removed later. The contact's latest outcome, its follow-up as it
// left it, is taken back exactly as Undo takes it (and, corrected, decided again by the cadence
// in the same transaction), so the queue, the next follow-up and the contact's status follow.
// An older one changes only its own record: the follow-ups later outcomes decided stay, and
// Insights and the coach, which read the attempts, follow by themselves.
import type { Attempt, Outcome } from '../model';
import { database, type SecondCallDb } from './schema';
import { WriteRefused } from './errors';
import {
  defaultChannel,
  undoBlocked,
  undoOutcome,
  type LoggedOutcome,
  type OutcomeInput,
} from './outcomes';

async function storedAttempt(db: SecondCallDb, attemptId: string): Promise<Attempt> {
  const attempt = await db.attempts.get(attemptId);
  if (!attempt) throw new WriteRefused({ kind: 'gone', record: 'attempt' });
  return attempt;
}

/** The channel after a correction: an email outcome was an email, a call outcome corrected
 *  from an email one was a call; otherwise the channel the rep used stays. */
function correctedChannel(attempt: Attempt, outcome: Outcome): Attempt['channel'] {
  return attempt.channel === defaultChannel(attempt.outcome)
    ? defaultChannel(outcome)
    : attempt.channel;
}

/** Only the fields that were given: an undefined key would still be stored by IndexedDB. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The attempt says `outcome` instead. The latest one is logged again with that outcome, at its
 * own time, with its plan and note, so the cadence decides its follow-up again (`relog` is the
 * panel's one-click log: lib/actions passes the cadence in). An older one only changes its
 * outcome (its voicemail length and promise go unless it is still a voicemail).
 */
export async function correctAttempt(
  attemptId: string,
  outcome: Outcome,
  relog: (input: OutcomeInput) => Promise<LoggedOutcome>,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.contacts, db.attempts, db.tasks, async () => {
    const attempt = await storedAttempt(db, attemptId);
    if (attempt.outcome === outcome) return;
    const voicemail = outcome === 'voicemail';
    const corrected: Attempt = withoutUndefined({
      ...attempt,
      outcome,
      channel: correctedChannel(attempt, outcome),
      voicemailSeconds: voicemail ? attempt.voicemailSeconds : undefined,
      promisedAt: voicemail ? attempt.promisedAt : undefined,
    });
    if ((await undoBlocked(db, attempt)) !== undefined) {
      await db.attempts.put(corrected);
      return;
    }
    await undoOutcome(attemptId);
    await relog(
      withoutUndefined({
        id: attempt.id,
        contactId: attempt.contactId,
        outcome,
        now: attempt.at,
        channel: corrected.channel,
        voicemailSeconds: corrected.voicemailSeconds,
        agreedAt: attempt.agreedAt,
        promisedAt: corrected.promisedAt,
        plan: attempt.plan,
        note: attempt.note,
      }),
    );
  });
}

/**
 * The attempt never happened. The latest one goes exactly as Undo takes it back (its follow-up
 * removed, the ones it closed reopened, the contact's status put back). An older one goes with
 * the follow-ups it scheduled that are still open; the done ones stay in the record of what
 * later outcomes closed, no longer naming it.
 */
export async function deleteAttempt(attemptId: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.contacts, db.attempts, db.tasks, async () => {
    const attempt = await storedAttempt(db, attemptId);
    if ((await undoBlocked(db, attempt)) === undefined) return undoOutcome(attemptId);
    const scheduled = await db.tasks.where('attemptId').equals(attemptId).toArray();
    const open = scheduled.filter((task) => task.status === 'open');
    const done = scheduled.filter((task) => task.status !== 'open');
    await db.tasks.bulkDelete(open.map((task) => task.id));
    await db.tasks.bulkPut(done.map((task) => withoutUndefined({ ...task, attemptId: undefined })));
    await db.attempts.delete(attemptId);
  });
}
