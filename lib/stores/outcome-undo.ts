import { create } from 'zustand';
import type { Attempt, Task } from '../model';

export interface LastOutcome {
  attempt: Attempt;
  task: Task | null;
  /** For a meeting booked: the time to offer for it (the ask's first slot when clicked). */
  suggestedMeetingAt?: number;
}

interface LastOutcomeState {
  /** The outcome just logged in this panel, for Undo, the after-call note and the meeting time.
   *  It stays until the next outcome, an Undo, or the panel closes: no clock takes Undo away
   *  while the rep is still on the phone or reading what was logged. */
  last: LastOutcome | undefined;
  /** The contact whose last outcome was just undone here: the panel says "Undone." */
  undoneFor: string | undefined;
  remember(attempt: Attempt, task: Task | null, suggestedMeetingAt?: number): void;
  /** The last outcome was taken back. */
  undone(contactId: string): void;
  forget(): void;
}

export const useLastOutcome = create<LastOutcomeState>((set) => ({
  last: undefined,
  undoneFor: undefined,
  remember: (attempt, task, suggestedMeetingAt) =>
    set({
      last: {
        attempt,
        task,
        ...(suggestedMeetingAt === undefined ? {} : { suggestedMeetingAt }),
      },
      undoneFor: undefined,
    }),
  undone: (contactId) => set({ last: undefined, undoneFor: contactId }),
  forget: () => set({ last: undefined, undoneFor: undefined }),
}));
