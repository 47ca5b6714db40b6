import { describe, expect, it } from 'vitest';
import { isConnect, isDial, isMeeting } from '../../../lib/insights';
import { OUTCOMES, type Outcome } from '../../../lib/model';
import { attempt, EMAIL } from './make-attempt';

describe('outcome classes', () => {
  const connects: Outcome[] = ['connected', 'meeting-booked', 'call-back', 'not-interested'];

  it.each(OUTCOMES.map((outcome) => [outcome, connects.includes(outcome)] as const))(
    'a call ending %s is a connect: %s',
    (outcome, expected) => {
      expect(isConnect(attempt('c', 0, outcome))).toBe(expected);
    },
  );

  it('an email is neither a dial nor a connect, but can book a meeting', () => {
    const email = attempt('c', 0, 'meeting-booked', EMAIL);
    expect(isDial(email)).toBe(false);
    expect(isConnect(email)).toBe(false);
    expect(isMeeting(email)).toBe(true);
  });

  it('an email sent with no reply yet is never a dial, even when its channel says call', () => {
    for (const channel of ['email', 'call'] as const) {
      const email = attempt('c', 0, 'email-sent', { channel });
      expect(isDial(email)).toBe(false);
      expect(isConnect(email)).toBe(false);
      expect(isMeeting(email)).toBe(false);
    }
  });

  it('a gatekeeper answered, but the prospect was not reached', () => {
    expect(isDial(attempt('c', 0, 'gatekeeper'))).toBe(true);
    expect(isConnect(attempt('c', 0, 'gatekeeper'))).toBe(false);
  });
});
