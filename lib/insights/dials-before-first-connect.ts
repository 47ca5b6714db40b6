import type { Attempt } from '../model';
import { isConnect, isDial } from './outcome-classes';

export interface DialsBeforeFirstConnect {
  /** Contacts that connected at least once; contacts never reached are not in these numbers. */
  contacts: number;
  /** null when no contact connected yet. */
  mean: number | null;
  median: number | null;
  /** Unanswered dials before the first connect → how many contacts took that many. */
  distribution: Record<number, number>;
  /** Contact id → unanswered dials before their first connect. */
  byContact: ReadonlyMap<string, number>;
}

/**
 * How many unanswered dials came before each contact's first connect (0 = reached on the first
 * dial). Emails don't count: they are not tries at getting someone on the phone.
 */
export function dialsBeforeFirstConnect(attempts: readonly Attempt[]): DialsBeforeFirstConnect {
  const dials = attempts.filter(isDial).sort((a, b) => a.at - b.at);
  const missesSoFar = new Map<string, number>();
  const byContact = new Map<string, number>();
  for (const dial of dials) {
    if (byContact.has(dial.contactId)) continue;
    const misses = missesSoFar.get(dial.contactId) ?? 0;
    if (isConnect(dial)) byContact.set(dial.contactId, misses);
    else missesSoFar.set(dial.contactId, misses + 1);
  }
  const counts = [...byContact.values()].sort((a, b) => a - b);
  const distribution: Record<number, number> = {};
  for (const count of counts) distribution[count] = (distribution[count] ?? 0) + 1;
  return {
    contacts: counts.length,
    mean: counts.length ? counts.reduce((sum, n) => sum + n, 0) / counts.length : null,
    median: medianOfSorted(counts),
    distribution,
    byContact,
  };
}

function medianOfSorted(sorted: readonly number[]): number | null {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) return null;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? upper) + upper) / 2;
}
