import { describe, expect, it } from 'vitest';
import { CALLBACK_WINDOW_MS, voicemailVsCallback } from '../../../lib/insights';
import { attempt, DAY, EMAIL, HOUR } from './make-attempt';

const vm = (contactId: string, at: number, seconds?: number) =>
  attempt(contactId, at, 'voicemail', seconds === undefined ? {} : { voicemailSeconds: seconds });

describe('voicemailVsCallback', () => {
  it('has four empty buckets with no attempts', () => {
    const result = voicemailVsCallback([]);
    expect(result.withoutLength).toBe(0);
    expect(result.buckets.map((b) => [b.label, b.voicemails, b.callbackRate])).toEqual([
      ['0–15 s', 0, null],
      ['16–30 s', 0, null],
      ['31–45 s', 0, null],
      ['46 s+', 0, null],
    ]);
  });

  it('a callback is the contact’s next attempt being a connected call within 7 days', () => {
    expect(CALLBACK_WINDOW_MS).toBe(7 * DAY);
    const attempts = [
      // 0–15 s: a (called back after 2 h), b (next is an email → no).
      vm('a', 0, 12),
      attempt('a', 2 * HOUR, 'connected'),
      vm('b', 0, 15),
      attempt('b', DAY, 'sent-info', EMAIL),
      attempt('b', 2 * DAY, 'connected'),
      // 16–30 s: c (connect exactly 7 days later → yes), d (8 days later → no), e (no next).
      vm('c', 0, 16),
      attempt('c', 7 * DAY, 'meeting-booked'),
      vm('d', 0, 30),
      attempt('d', 8 * DAY, 'connected'),
      vm('e', 0, 25.5),
      // 31–45 s: f, whose next is another voicemail (not a connect) of 50 s → 46 s+ bucket,
      // which is then followed by a call-back (a connect) → yes for the 50 s one.
      vm('f', 0, 40),
      vm('f', DAY, 50),
      attempt('f', 2 * DAY, 'call-back'),
      // No length logged: not bucketed.
      vm('g', 0),
    ];
    const result = voicemailVsCallback(attempts);
    expect(result.withoutLength).toBe(1);
    expect(result.buckets.map((b) => [b.label, b.voicemails, b.callbacks, b.callbackRate])).toEqual(
      [
        ['0–15 s', 2, 1, 0.5],
        ['16–30 s', 3, 1, 1 / 3],
        ['31–45 s', 1, 0, 0],
        ['46 s+', 1, 1, 1],
      ],
    );
  });

  it('puts 15.5 s in the 16–30 s bucket', () => {
    const result = voicemailVsCallback([vm('a', 0, 15.5)]);
    expect(result.buckets[1]?.voicemails).toBe(1);
  });
});
