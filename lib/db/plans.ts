import type { CallPlan } from '../model';
import { database } from './schema';

export function emptyPlan(contactId: string): CallPlan {
  return { contactId, goal: '', reference: '', newValue: '', ask: '', opener: '', updatedAt: 0 };
}

/** The call plan the rep is drafting for this contact (an empty one if none yet). */
export async function planOfContact(contactId: string): Promise<CallPlan> {
  return (await database().plans.get(contactId)) ?? emptyPlan(contactId);
}

export async function savePlan(plan: CallPlan, now = Date.now()): Promise<void> {
  await database().plans.put({ ...plan, updatedAt: now });
}
