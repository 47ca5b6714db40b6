import type { CallPlan } from '../model';
import { database } from './schema';
import { TEXT_LIMITS, capText } from '../model/limits';

export function emptyPlan(contactId: string): CallPlan {
  return { contactId, goal: '', reference: '', newValue: '', ask: '', opener: '', updatedAt: 0 };
}

/** The call plan the rep is drafting for this contact (an empty one if none yet). */
export async function planOfContact(contactId: string): Promise<CallPlan> {
  return (await database().plans.get(contactId)) ?? emptyPlan(contactId);
}

/** Each text of a plan within its cap (a picked note can be longer than a plan field). */
function cappedPlan(plan: CallPlan): CallPlan {
  const cap = (text: string) => capText(text, TEXT_LIMITS.plan);
  return {
    ...plan,
    goal: cap(plan.goal),
    reference: cap(plan.reference),
    newValue: cap(plan.newValue),
    ask: cap(plan.ask),
    opener: cap(plan.opener),
  };
}

/** Saves the draft, each text within its cap. A reference note deleted meanwhile (in another
 *  panel) is not named again: its words stay as the rep typed or picked them. */
export async function savePlan(plan: CallPlan, now = Date.now()): Promise<void> {
  const db = database();
  await db.transaction('rw', db.plans, db.notes, async () => {
    const { referenceNoteId, ...rest } = cappedPlan(plan);
    const named = referenceNoteId !== undefined && !!(await db.notes.get(referenceNoteId));
    await db.plans.put({ ...rest, ...(named ? { referenceNoteId } : {}), updatedAt: now });
  });
}
