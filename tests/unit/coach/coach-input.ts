import type { CallCoachInput } from '../../../lib/coach/call-coach';
import type { Contact } from '../../../lib/model';
import { emptyPlan } from '../../../lib/db/plans';
import { NY } from './calendar';
import { storedContact } from '../stored-contact';

export { storedContact };

/** What the panel gives the coach for `contact` at `now`: no notes, calls or tasks, a blank
 *  plan, no rep details, the rep in New York unless `extra` says otherwise. */
export function coachInput(
  contact: Contact,
  now: number,
  extra: Partial<CallCoachInput> = {},
): CallCoachInput {
  return {
    contact,
    notes: [],
    attempts: [],
    tasks: [],
    plan: emptyPlan(contact.id),
    rep: undefined,
    now,
    repZone: NY,
    ...extra,
  };
}
