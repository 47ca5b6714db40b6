import { create } from 'zustand';
import type { CallPlan } from '../model';
import { planOfContact, savePlan } from '../db/plans';
import { describeWriteError } from '../db/errors';

interface PlanDraftState {
  plan: CallPlan | undefined;
  /** Set when the last save failed; what was typed stays on screen. */
  saveError: string | undefined;
  load(contactId: string): Promise<void>;
  update(change: Partial<Omit<CallPlan, 'contactId' | 'updatedAt'>>): void;
}

/** The call plan being typed. Every change is written to Dexie at once, so closing the
 *  panel mid-sentence loses nothing. */
let latestLoad: string | undefined;

export const usePlanDraft = create<PlanDraftState>((set, get) => ({
  plan: undefined,
  saveError: undefined,
  async load(contactId) {
    if (get().plan?.contactId === contactId) return;
    latestLoad = contactId;
    set({ plan: undefined, saveError: undefined });
    const plan = await planOfContact(contactId);
    // A slower load for a contact the rep already left must not win.
    if (latestLoad === contactId) set({ plan });
  },
  update(change) {
    const current = get().plan;
    if (!current) return;
    const plan = { ...current, ...change };
    set({ plan });
    savePlan(plan).then(
      () => set({ saveError: undefined }),
      (error: unknown) => set({ saveError: describeWriteError(error) }),
    );
  },
}));
