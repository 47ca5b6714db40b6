// Outcomes on their way to the database, so the panel shows a click in the frame it happens
// in. The write commits in a millisecond or two, but the live queries hear of it a task later
// and then read every record of the contact again: History would show the click only after
// that round trip. Meanwhile the panel shows the attempt and the follow-up as they were sent,
// until a read made after the commit answers; a write that fails or is decided again takes its
// stand-in away at once (the click's error says why).
import { create } from 'zustand';
import type { Attempt, Task } from '../model';
import { onOutcomeWrites, type OutcomeWrites } from '../db/outcome-commit';

interface PendingOutcome {
  writes: OutcomeWrites;
  /** Set once stored: the number of the commit (see `commitsSoFar`). */
  committedAs?: number;
}

interface PendingOutcomesState {
  /** By attempt id, oldest first. */
  pending: Readonly<Record<string, PendingOutcome>>;
  /** A read of `contactId`'s records that began after commit number `readAfter` answered:
   *  the outcomes committed up to then need no stand-in any more. */
  settle(contactId: string, readAfter: number): void;
}

let commits = 0;

/** How many outcomes this page has committed: a read that starts now sees all of them. */
export function commitsSoFar(): number {
  return commits;
}

export const usePendingOutcomes = create<PendingOutcomesState>((set, get) => ({
  pending: {},
  settle: (contactId, readAfter) => {
    const pending = get().pending;
    const left = Object.entries(pending).filter(([, p]) => !settledBy(p, contactId, readAfter));
    if (left.length < Object.keys(pending).length) set({ pending: Object.fromEntries(left) });
  },
}));

function settledBy(pending: PendingOutcome, contactId: string, readAfter: number): boolean {
  return (
    pending.writes.attempt.contactId === contactId &&
    pending.committedAs !== undefined &&
    pending.committedAs <= readAfter
  );
}

onOutcomeWrites((news) => {
  const { pending } = usePendingOutcomes.getState();
  if (news.kind === 'sent') {
    usePendingOutcomes.setState({
      pending: { ...pending, [news.writes.attempt.id]: { writes: news.writes } },
    });
    return;
  }
  const entry = pending[news.attemptId];
  if (!entry) return;
  if (news.kind === 'committed') {
    commits += 1;
    usePendingOutcomes.setState({
      pending: { ...pending, [news.attemptId]: { ...entry, committedAs: commits } },
    });
  } else {
    usePendingOutcomes.setState({
      pending: Object.fromEntries(Object.entries(pending).filter(([id]) => id !== news.attemptId)),
    });
  }
});

/** A contact's attempts (newest first) and open follow-ups (soonest first), as read. */
interface ShownRecords {
  attempts: Attempt[];
  openTasks: Task[];
}

/**
 * The records as the rep should see them: as read (by a read that began after commit number
 * `readAfter`), with the outcomes still on their way — their attempts added, the follow-ups
 * they close gone, the ones they schedule added. Answers `stored` itself when nothing is on
 * its way.
 */
export function withPendingOutcomes<T extends ShownRecords>(
  stored: T,
  contactId: string,
  readAfter: number,
  pending: Readonly<Record<string, PendingOutcome>>,
): T {
  const storedIds = new Set(stored.attempts.map((attempt) => attempt.id));
  const shown = Object.values(pending).filter(
    (p) =>
      p.writes.attempt.contactId === contactId &&
      !settledBy(p, contactId, readAfter) &&
      !storedIds.has(p.writes.attempt.id),
  );
  if (shown.length === 0) return stored;
  const closed = new Set(shown.flatMap((p) => p.writes.closing.map((task) => task.id)));
  const scheduled = shown.flatMap((p) => (p.writes.task ? [p.writes.task] : []));
  return {
    ...stored,
    attempts: [...shown.map((p) => p.writes.attempt).reverse(), ...stored.attempts].sort(
      (a, b) => b.at - a.at,
    ),
    openTasks: [...stored.openTasks.filter((task) => !closed.has(task.id)), ...scheduled].sort(
      (a, b) => a.dueAt - b.dueAt,
    ),
  };
}
