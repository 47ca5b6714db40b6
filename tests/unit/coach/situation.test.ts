import { describe, expect, it } from 'vitest';
import { SITUATION_LABELS, type SituationKey, situationOf } from '../../../lib/coach/situation';
import type { Attempt, Contact, Outcome, Task } from '../../../lib/model';
import { storedContact } from '../stored-contact';

const DAY = 24 * 60 * 60 * 1000;
/** Wednesday 12 March 2025, 15:00 UTC. */
const NOW = Date.UTC(2025, 2, 12, 15);

const contact: Contact = storedContact({ name: 'Sarah Lee' });

/** An attempt `daysAgo` days before NOW. */
function attempt(outcome: Outcome, daysAgo: number, extra: Partial<Attempt> = {}): Attempt {
  return {
    id: `${outcome}-${daysAgo}`,
    contactId: 'c1',
    at: NOW - daysAgo * DAY,
    channel: 'call',
    outcome,
    ...extra,
  };
}

function task(attemptId: string, status: Task['status']): Task {
  return {
    id: `t-${attemptId}`,
    contactId: 'c1',
    dueAt: NOW + DAY,
    channel: 'call',
    status,
    reason: 'agreed time',
    attemptId,
    createdAt: NOW - DAY,
  };
}

const keyOf = (attempts: Attempt[], tasks: Task[] = []): SituationKey =>
  situationOf(contact, attempts, tasks, NOW).key;

describe('situationOf', () => {
  it.each<[string, Attempt[], Task[], SituationKey]>([
    // 1. no attempts
    ['no attempts at all', [], [], 'new-contact'],
    [
      "only another contact's attempts",
      [{ ...attempt('connected', 2), contactId: 'c2' }],
      [],
      'new-contact',
    ],
    // 2. call me later
    [
      'newest outcome is call-back',
      [attempt('connected', 40), attempt('call-back', 3)],
      [],
      'call-later',
    ],
    [
      'a connected call agreed a later time, still open',
      [attempt('connected', 10, { agreedAt: NOW + 20 * DAY })],
      [],
      'call-later',
    ],
    [
      'the agreement has an open task',
      [attempt('connected', 10, { id: 'agreed', agreedAt: NOW + 2 * DAY })],
      [task('agreed', 'open')],
      'call-later',
    ],
    [
      'the agreement stands despite one voicemail after it',
      [attempt('call-back', 35, { agreedAt: NOW - 5 * DAY }), attempt('voicemail', 4)],
      [],
      'call-later',
    ],
    // 3. information sent
    [
      'newest outcome is sent-info',
      [attempt('connected', 8), attempt('sent-info', 2)],
      [],
      'after-info-sent',
    ],
    ['sent-info long ago, nothing since', [attempt('sent-info', 60)], [], 'after-info-sent'],
    // 4. never reached
    [
      'only unanswered attempts',
      [attempt('voicemail', 9), attempt('no-answer', 4)],
      [],
      'new-contact',
    ],
    // 5. gone dark
    [
      'last connect 30 days ago, voicemail and no answer since',
      [attempt('connected', 30), attempt('voicemail', 20), attempt('no-answer', 10)],
      [],
      'gone-dark',
    ],
    [
      'gatekeeper counts as unanswered',
      [attempt('connected', 25), attempt('gatekeeper', 15), attempt('voicemail', 5)],
      [],
      'gone-dark',
    ],
    [
      'gone dark beats "may not remember" when both apply',
      [attempt('connected', 60), attempt('voicemail', 30), attempt('no-answer', 20)],
      [],
      'gone-dark',
    ],
    [
      'an expired call-later agreement that went unanswered twice',
      [
        attempt('call-back', 60, { agreedAt: NOW - 30 * DAY }),
        attempt('voicemail', 25),
        attempt('no-answer', 10),
      ],
      [],
      'gone-dark',
    ],
    [
      'connected 15 days ago, five unanswered since',
      [
        attempt('connected', 15),
        attempt('voicemail', 13),
        attempt('no-answer', 10),
        attempt('voicemail', 7),
        attempt('no-answer', 4),
        attempt('voicemail', 1),
      ],
      [],
      'gone-dark',
    ],
    [
      'connected 14 days ago, three unanswered since',
      [
        attempt('connected', 14),
        attempt('voicemail', 10),
        attempt('no-answer', 6),
        attempt('voicemail', 2),
      ],
      [],
      'gone-dark',
    ],
    // 6. may not remember
    ['last connect 6 weeks ago, nothing since', [attempt('connected', 42)], [], 'doesnt-remember'],
    [
      'last connect 8 weeks ago, one voicemail since',
      [attempt('connected', 56), attempt('voicemail', 3)],
      [],
      'doesnt-remember',
    ],
    // 7. info sent, a try since
    [
      'info sent 5 days ago, one voicemail since',
      [attempt('sent-info', 5), attempt('voicemail', 2)],
      [],
      'after-info-sent',
    ],
    // 8. after a good call
    ['connected 2 days ago', [attempt('connected', 2)], [], 'after-good-call'],
    [
      'connected 41 days ago (just under 6 weeks)',
      [attempt('connected', 41)],
      [],
      'after-good-call',
    ],
    [
      'connected 10 days ago, three unanswered since (under 3 weeks)',
      [
        attempt('connected', 10),
        attempt('voicemail', 8),
        attempt('no-answer', 5),
        attempt('voicemail', 2),
      ],
      [],
      'after-good-call',
    ],
    [
      'connected 13 days ago, three unanswered since (under two weeks)',
      [
        attempt('connected', 13),
        attempt('voicemail', 11),
        attempt('no-answer', 7),
        attempt('voicemail', 2),
      ],
      [],
      'after-good-call',
    ],
    [
      'connected 15 days ago, two unanswered since (too few for two weeks)',
      [attempt('connected', 15), attempt('voicemail', 9), attempt('no-answer', 3)],
      [],
      'after-good-call',
    ],
    [
      'connected 30 days ago, only one unanswered since',
      [attempt('connected', 30), attempt('voicemail', 10)],
      [],
      'after-good-call',
    ],
    // a meeting booked is not "after a good first call": that one has no meeting yet
    [
      'meeting booked last week, no time noted',
      [attempt('meeting-booked', 7)],
      [],
      'meeting-booked',
    ],
    [
      'meeting booked for tomorrow',
      [attempt('meeting-booked', 3, { agreedAt: NOW + DAY })],
      [],
      'meeting-booked',
    ],
    [
      'meeting booked, a voicemail since',
      [attempt('meeting-booked', 4, { agreedAt: NOW + 2 * DAY }), attempt('voicemail', 1)],
      [],
      'meeting-booked',
    ],
    [
      'the meeting took place 5 days ago',
      [attempt('meeting-booked', 12, { agreedAt: NOW - 5 * DAY })],
      [],
      'after-good-call',
    ],
    [
      'booked a month ago without a time: taken as held',
      [attempt('meeting-booked', 30)],
      [],
      'after-good-call',
    ],
    [
      'the meeting took place 20 days ago, three unanswered since',
      [
        attempt('meeting-booked', 30, { agreedAt: NOW - 20 * DAY }),
        attempt('voicemail', 15),
        attempt('no-answer', 9),
        attempt('voicemail', 3),
      ],
      [],
      'gone-dark',
    ],
    // not interested is a brush-off to handle, not a good call
    ['said not interested 3 days ago', [attempt('not-interested', 3)], [], 'not-interested'],
    [
      'said not interested after a good call, one voicemail since',
      [attempt('connected', 20), attempt('not-interested', 10), attempt('voicemail', 2)],
      [],
      'not-interested',
    ],
    [
      'said not interested, then a later conversation',
      [attempt('not-interested', 20), attempt('connected', 2)],
      [],
      'after-good-call',
    ],
    [
      'a later conversation supersedes an agreed time',
      [attempt('connected', 20, { agreedAt: NOW + 5 * DAY }), attempt('connected', 3)],
      [],
      'after-good-call',
    ],
    [
      'the agreement task is done',
      [attempt('connected', 10, { id: 'agreed', agreedAt: NOW - DAY })],
      [task('agreed', 'done')],
      'after-good-call',
    ],
    [
      'a voicemail promise is not the prospect asking for later',
      [attempt('connected', 5), attempt('voicemail', 2, { agreedAt: NOW + DAY })],
      [],
      'after-good-call',
    ],
  ])('%s → %s', (_, attempts, tasks, expected) => {
    expect(keyOf(attempts, tasks)).toBe(expected);
  });

  it('does not depend on the order attempts are given in', () => {
    const history = [attempt('voicemail', 20), attempt('no-answer', 10), attempt('connected', 30)];
    expect(keyOf(history)).toBe('gone-dark');
    expect(keyOf([...history].reverse())).toBe('gone-dark');
  });

  it('measures gaps from the "now" it is given, not the clock', () => {
    const history = [attempt('connected', 0)];
    expect(situationOf(contact, history, [], NOW + 45 * DAY).key).toBe('doesnt-remember');
    expect(situationOf(contact, history, [], NOW + 3 * DAY).key).toBe('after-good-call');
  });

  it.each<[Attempt[]]>([
    [[]],
    [[attempt('call-back', 3, { agreedAt: NOW + 27 * DAY })]],
    [[attempt('sent-info', 1)]],
    [[attempt('voicemail', 1)]],
    [[attempt('connected', 30), attempt('voicemail', 20), attempt('no-answer', 10)]],
    [[attempt('connected', 50)]],
    [[attempt('connected', 2)]],
    [[attempt('meeting-booked', 2, { agreedAt: NOW + DAY })]],
    [[attempt('meeting-booked', 9, { agreedAt: NOW - 3 * DAY })]],
    [[attempt('not-interested', 5)]],
  ])('gives its label and a plain reason (%#)', (attempts) => {
    const situation = situationOf(contact, attempts, [], NOW);
    expect(situation.label).toBe(SITUATION_LABELS[situation.key]);
    expect(situation.why).not.toBe('');
    expect(situation.why).not.toMatch(/undefined|null|NaN/);
  });

  it('says how long ago and how many attempts went unanswered', () => {
    const why = situationOf(
      contact,
      [attempt('connected', 28), attempt('voicemail', 20), attempt('no-answer', 10)],
      [],
      NOW,
    ).why;
    expect(why).toContain('4 weeks ago');
    expect(why).toContain('2 unanswered attempts');
  });

  it('says when the booked meeting is, and what to do', () => {
    const why = situationOf(
      contact,
      [attempt('meeting-booked', 3, { agreedAt: NOW + DAY })],
      [],
      NOW,
    ).why;
    expect(why).toBe('A meeting was booked 3 days ago. It is tomorrow. Confirm it and prepare.');
  });

  it('says when the meeting took place once it has', () => {
    const why = situationOf(
      contact,
      [attempt('meeting-booked', 12, { agreedAt: NOW - 5 * DAY })],
      [],
      NOW,
    ).why;
    expect(why).toBe('The meeting was 5 days ago; nothing booked since.');
  });

  it('says when the agreed time is', () => {
    const why = situationOf(
      contact,
      [attempt('call-back', 3, { agreedAt: NOW + 27 * DAY })],
      [],
      NOW,
    ).why;
    expect(why).toContain('in 27 days');
  });

  it('has a rep-facing label for every situation', () => {
    expect(SITUATION_LABELS).toEqual({
      'new-contact': 'New contact',
      'after-good-call': 'After a good first call',
      'after-info-sent': 'After sending information',
      'gone-dark': 'Gone dark',
      'call-later': 'Asked to be called later',
      'doesnt-remember': 'May not remember you',
      'meeting-booked': 'Meeting booked',
      'not-interested': 'Said not interested',
    });
  });
});
