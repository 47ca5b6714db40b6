import { create } from 'zustand';
import type { Attempt, Task } from '../model';

/** How long the Undo button stays after a logged outcome. */
const UNDO_MS = 5000;
let undoMs = UNDO_MS;

export interface LastOutcome {
  attempt: Attempt;
  task: Task | null;
  undoUntil: number;
  /** For a meeting booked: the time to offer for it (the ask's first slot when clicked). */
  suggestedMeetingAt?: number;
}

interface LastOutcomeState {
  /** The outcome just logged in this panel, for Undo, the after-call note and the meeting time. */
  last: LastOutcome | undefined;
  remember(attempt: Attempt, task: Task | null, now?: number, suggestedMeetingAt?: number): void;
  forget(): void;
}

export const useLastOutcome = create<LastOutcomeState>((set) => ({
  last: undefined,
  remember: (attempt, task, now = Date.now(), suggestedMeetingAt) =>
    set({
      last: {
        attempt,
        task,
        undoUntil: now + undoMs,
        ...(suggestedMeetingAt === undefined ? {} : { suggestedMeetingAt }),
      },
    }),
  forget: () => set({ last: undefined }),
}));

/** A test that clicks Undo keeps it up as long as a loaded machine needs: the 5 s are the
 *  product's, not a clock for a test to race. (Each test starts with no outcome remembered:
 *  tests/unit/setup.ts resets every store.) */
export function keepUndoForTests(keepUndoMs = UNDO_MS): void {
  undoMs = keepUndoMs;
}
