// Issue 16, part 6: every coach rule is reachable from what the rep can log.
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { coachCall } from '../../../lib/coach/call-coach';
import { nextFollowUp } from '../../../lib/coach/cadence';
import { situationOf } from '../../../lib/coach/situation';
import type { Attempt, Outcome } from '../../../lib/model';
import { coachInput, storedContact } from './coach-input';

const NY = 'America/New_York';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const contact = storedContact({ name: 'Sarah Lee', company: 'Northwind', timeZone: NY });
const rep = {
  id: 'rep' as const,
  repName: 'Sam',
  company: 'Acme',
  callbackNumber: '555 0100',
  timeZone: NY,
};

/** Tuesday 5 May 2026, 10:30 in New York: inside a best call window. */
const NOW = new TZDate(2026, 4, 5, 10, 30, NY).getTime();

function attempt(outcome: Outcome, hoursAgo: number, extra: Partial<Attempt> = {}): Attempt {
  return {
    id: `${outcome}-${hoursAgo}`,
    contactId: contact.id,
    at: NOW - hoursAgo * HOUR,
    channel: outcome === 'sent-info' || outcome === 'email-sent' ? 'email' : 'call',
    outcome,
    ...extra,
  };
}

const coach = (attempts: Attempt[], now = NOW) =>
  coachCall(coachInput(contact, now, { attempts, rep, repZone: NY }));

describe('"They didn\'t remember me" on a conversation', () => {
  it("makes the next call the doesn't-remember one, opening with the context", () => {
    const marked = [attempt('connected', 3 * 24, { didNotRemember: true })];
    const view = coach(marked);
    expect(view.situation.key).toBe('doesnt-remember');
    expect(view.situation.why).toMatch(/did not remember you/);
    expect(view.scripts.opener).toMatch(/We spoke a while back/);
  });

  it('taken back, the call is an ordinary follow-up again', () => {
    const unmarked = [attempt('connected', 3 * 24)];
    expect(situationOf(contact, unmarked, [], NOW).key).toBe('after-good-call');
    expect(coach(unmarked).scripts.opener).not.toMatch(/We spoke a while back/);
  });

  it('a newer conversation they remembered supersedes it', () => {
    const attempts = [
      attempt('connected', 10 * 24, { didNotRemember: true }),
      attempt('connected', 2 * 24),
    ];
    expect(situationOf(contact, attempts, [], NOW).key).toBe('after-good-call');
  });
});

describe("after two or more unanswered calls the cadence's channel leads", () => {
  const twoUnanswered = [attempt('no-answer', 6 * 24), attempt('voicemail', 4 * 24)];

  it('the voicemail announces an email, named as such, and promises no call', () => {
    const view = coach(twoUnanswered);
    expect(view.tryAgain.channel).toBe('email');
    expect(view.scripts.voicemail).toMatch(/look out for my email on \w+day/);
    expect(view.scripts.voicemail).not.toMatch(/call you again/);
  });

  it('logging the voicemail schedules that email, not a call at a promised time', () => {
    const promisedAt = NOW + 2 * DAY;
    const next = nextFollowUp('voicemail', twoUnanswered, NOW, contact, {
      repZone: NY,
      promisedAt,
    });
    expect(next?.channel).toBe('email');
    expect(next?.reason).toMatch(/3 calls went unanswered, so write instead/);
    expect(next?.dueAt).not.toBe(promisedAt);
    expect(next?.dueAt).toBe(coach(twoUnanswered).tryAgain.at);
  });

  it('after one unanswered call the voicemail still promises a call, and that promise is kept', () => {
    const one = [attempt('no-answer', 4 * 24)];
    const view = coach(one);
    expect(view.tryAgain.channel).toBe('call');
    expect(view.scripts.voicemail).toMatch(/I'll call you again/);
    const next = nextFollowUp('voicemail', one, NOW, contact, {
      repZone: NY,
      promisedAt: view.tryAgain.at,
    });
    expect(next).toMatchObject({ channel: 'call', dueAt: view.tryAgain.at });
  });

  it('counts a call logged after the panel last read the clock (it ticks every 30 s)', () => {
    const justLogged = [attempt('no-answer', 4 * 24), attempt('no-answer', -0.001)];
    expect(coach(justLogged).tryAgain.channel).toBe('email');
  });

  it('a conversation starts the count again', () => {
    const attempts = [...twoUnanswered, attempt('connected', 2 * 24)];
    expect(coach(attempts).tryAgain.channel).toBe('call');
  });
});

describe('after information was sent', () => {
  it.each([0.25, 2, 20])(
    'sent %s h ago: the first suggested slot leaves them a day to read it',
    (hoursAgo) => {
      const sent = attempt('sent-info', hoursAgo);
      const view = coach([attempt('connected', 3 * 24), sent]);
      expect(view.situation.key).toBe('after-info-sent');
      expect(view.ask.slots[0].at).toBeGreaterThanOrEqual(sent.at + DAY);
      expect(view.ask.slots[1].at).toBeGreaterThan(view.ask.slots[0].at);
    },
  );

  it('sent days ago: the usual short notice applies', () => {
    const view = coach([attempt('connected', 6 * 24), attempt('sent-info', 3 * 24)]);
    expect(view.ask.slots[0].at).toBeLessThan(NOW + DAY);
  });
});
