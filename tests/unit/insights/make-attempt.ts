import type { Attempt, Channel, Outcome } from '../../../lib/model';

let counter = 0;

/** A hand-made attempt; a call unless `extra.channel` says otherwise. */
export function attempt(
  contactId: string,
  at: number,
  outcome: Outcome,
  extra: Partial<Attempt> = {},
): Attempt {
  counter += 1;
  return { id: `a${counter}`, contactId, at, channel: 'call', outcome, ...extra };
}

export function times(n: number, make: (index: number) => Attempt): Attempt[] {
  return Array.from({ length: n }, (_, index) => make(index));
}

export const EMAIL: { channel: Channel } = { channel: 'email' };
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
