import { describe, expect, it } from 'vitest';
import { funnel } from '../../../lib/insights';
import { attempt, EMAIL } from './make-attempt';

describe('funnel', () => {
  it('is all zeros with null rates for no attempts', () => {
    expect(funnel([], new Set(['a']))).toEqual({
      dials: 0,
      connects: 0,
      meetings: 0,
      contactsReached: 0,
      advanced: 0,
      rates: { connectsPerDial: null, meetingsPerConnect: null, advancedPerContactReached: null },
    });
  });

  it('counts each step by hand', () => {
    const attempts = [
      // a: 3 dials, 1 connect, 1 meeting; marked advanced.
      attempt('a', 1, 'no-answer'),
      attempt('a', 2, 'voicemail'),
      attempt('a', 3, 'meeting-booked'),
      // b: 2 dials, 1 connect (not interested); marked advanced.
      attempt('b', 1, 'gatekeeper'),
      attempt('b', 2, 'not-interested'),
      // c: 2 dials, no connect; marked advanced, but never reached → not counted.
      attempt('c', 1, 'no-answer'),
      attempt('c', 2, 'wrong-number'),
      // d: 1 dial that connected, then a meeting booked by email (not a dial); not advanced.
      attempt('d', 1, 'connected'),
      attempt('d', 2, 'meeting-booked', EMAIL),
      // e: only emails, one booked a meeting; marked advanced → reached and advanced.
      attempt('e', 1, 'sent-info', EMAIL),
      attempt('e', 2, 'meeting-booked', EMAIL),
    ];
    const result = funnel(attempts, new Set(['a', 'b', 'c', 'e', 'not-in-data']));
    // dials: a 3 + b 2 + c 2 + d 1 = 8; connects: a, b, d = 3; meetings on calls: a = 1.
    // reached: a, b, d, e = 4; advanced among them: a, b, e = 3.
    expect(result).toEqual({
      dials: 8,
      connects: 3,
      meetings: 1,
      contactsReached: 4,
      advanced: 3,
      rates: {
        connectsPerDial: 3 / 8,
        meetingsPerConnect: 1 / 3,
        advancedPerContactReached: 3 / 4,
      },
    });
  });
});
