import { describe, expect, it } from 'vitest';
import { dialsBeforeFirstConnect } from '../../../lib/insights';
import { attempt, EMAIL } from './make-attempt';

describe('dialsBeforeFirstConnect', () => {
  it('is empty with no attempts', () => {
    expect(dialsBeforeFirstConnect([])).toEqual({
      contacts: 0,
      mean: null,
      median: null,
      distribution: {},
      byContact: new Map(),
    });
  });

  it('counts unanswered dials before each contact’s first connect, in time order', () => {
    const attempts = [
      // Given out of order on purpose.
      attempt('a', 3, 'connected'),
      attempt('a', 1, 'no-answer'),
      attempt('a', 2, 'voicemail'), // a: 2 misses, then connected
      attempt('b', 1, 'connected'),
      attempt('b', 2, 'no-answer'), // b: 0 (later dials don't matter)
      attempt('c', 1, 'voicemail'),
      attempt('c', 2, 'sent-info', EMAIL), // emails are not dials
      attempt('c', 3, 'no-answer'),
      attempt('c', 4, 'call-back'), // c: 2
      attempt('d', 1, 'no-answer'), // d: never reached → left out
      attempt('e', 1, 'gatekeeper'),
      attempt('e', 2, 'meeting-booked'), // e: 1
    ];
    // Sorted counts 0, 1, 2, 2: mean 5/4 = 1.25, median (1 + 2) / 2 = 1.5.
    expect(dialsBeforeFirstConnect(attempts)).toEqual({
      contacts: 4,
      mean: 1.25,
      median: 1.5,
      distribution: { 0: 1, 1: 1, 2: 2 },
      byContact: new Map([
        ['b', 0],
        ['e', 1],
        ['a', 2],
        ['c', 2],
      ]),
    });
  });

  it('takes the middle value for an odd number of contacts', () => {
    const attempts = [
      attempt('a', 1, 'connected'),
      attempt('b', 1, 'no-answer'),
      attempt('b', 2, 'no-answer'),
      attempt('b', 3, 'no-answer'),
      attempt('b', 4, 'connected'),
      attempt('c', 1, 'no-answer'),
      attempt('c', 2, 'connected'),
    ];
    // 0, 1, 3 → median 1, mean 4/3.
    const result = dialsBeforeFirstConnect(attempts);
    expect(result.median).toBe(1);
    expect(result.mean).toBeCloseTo(4 / 3);
  });
});
