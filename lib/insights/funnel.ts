import type { Attempt } from '../model';
import { isConnect, isDial, isMeeting } from './outcome-classes';
import { rateOf } from './rate';

export interface Funnel {
  /** Call attempts. */
  dials: number;
  /** Dials where the prospect answered (see outcome-classes). */
  connects: number;
  /** Dials that booked a meeting; every one is also a connect, so each step narrows the last. */
  meetings: number;
  /** Contacts reached at least once: a connect, or a meeting booked on any channel. */
  contactsReached: number;
  /** Contacts the rep marked advanced among those reached (a count of contacts, not attempts). */
  advanced: number;
  /** Conversion between steps; null when the earlier step is empty. */
  rates: {
    connectsPerDial: number | null;
    meetingsPerConnect: number | null;
    /** Attempts and contacts are different units, so the last step is advanced ÷ contacts reached. */
    advancedPerContactReached: number | null;
  };
}

export function funnel(
  attempts: readonly Attempt[],
  advancedContactIds: ReadonlySet<string>,
): Funnel {
  let dials = 0;
  let connects = 0;
  let meetings = 0;
  const reached = new Set<string>();
  for (const attempt of attempts) {
    const connect = isConnect(attempt);
    if (isDial(attempt)) dials += 1;
    if (connect) connects += 1;
    if (connect && isMeeting(attempt)) meetings += 1;
    // A contact marked advanced with no conversation on record is not counted: the funnel only
    // shows advances it can trace back to a call or a booked meeting.
    if (connect || isMeeting(attempt)) reached.add(attempt.contactId);
  }
  let advanced = 0;
  for (const contactId of reached) if (advancedContactIds.has(contactId)) advanced += 1;
  return {
    dials,
    connects,
    meetings,
    contactsReached: reached.size,
    advanced,
    rates: {
      connectsPerDial: rateOf(connects, dials),
      meetingsPerConnect: rateOf(meetings, connects),
      advancedPerContactReached: rateOf(advanced, reached.size),
    },
  };
}
