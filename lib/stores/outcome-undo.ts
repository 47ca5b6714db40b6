import { create } from 'zustand';
import type { Attempt, Task } from '../model';

/** How long the Undo button stays after a logged outcome. */
export const UNDO_MS = 5000;

interface LastOutcomeState {
  /** The outcome just logged in this panel, for Undo and the after-call note. */
  last: { attempt: Attempt; task: Task | null; undoUntil: number } | undefined;
  remember(attempt: Attempt, task: Task | null, now?: number): void;
  forget(): void;
}

export const useLastOutcome = create<LastOutcomeState>((set) => ({
  last: undefined,
  remember: (attempt, task, now = Date.now()) =>
    set({ last: { attempt, task, undoUntil: now + UNDO_MS } }),
  forget: () => set({ last: undefined }),
}));
