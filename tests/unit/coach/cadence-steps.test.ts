// The cadence's newer steps: follow-up emails in the gone-dark run, a voicemail's promise,
// monthly nurture touches that keep coming, and a booked meeting's own task.
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  meetingTask,
  nextFollowUp,
  nurtureTouch,
  statusAfterOutcome,
  taskAfterOutcome,
  type CadenceContact,
} from '../../../lib/coach/cadence';
import type { Attempt, Channel, ContactStatus, Outcome } from '../../../lib/model';
import { APR, MAY, JUN, JUL, NY, LA, SYDNEY } from './calendar';

const DAY_MS = 24 * 60 * 60 * 1000;
let ids = 0;
function attempt(at: number, outcome: Outcome, channel: Channel = 'call'): Attempt {
  ids += 1;
  return { id: `s${ids}`, contactId: 'c1', at, channel, outcome };
}

function weekday(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(ms);
}

describe('gone dark with follow-up emails: "Email sent" is a step of the run', () => {
  const contact: CadenceContact = { timeZone: NY };

  it('no answer, email sent, no answer, email sent: attempts 2, 3 and 4 of 4, then monthly', () => {
    const steps: Outcome[] = ['no-answer', 'email-sent', 'no-answer', 'email-sent', 'no-answer'];
    let now = new TZDate(2026, APR, 13, 15, 0, NY).getTime();
    const history: Attempt[] = [];
    const seen: { channel: Channel; reason: string }[] = [];
    for (const outcome of steps) {
      const next = nextFollowUp(outcome, history, now, contact, { repZone: NY });
      expect(next).not.toBeNull();
      if (!next) return;
      seen.push({ channel: next.channel, reason: next.reason });
      history.push(attempt(now, outcome, outcome === 'email-sent' ? 'email' : 'call'));
      now = next.dueAt;
    }
    expect(seen.map((s) => s.channel)).toEqual(['email', 'call', 'email', 'email', 'email']);
    expect(seen[0]?.reason).toContain('attempt 2 of 4');
    expect(seen[1]?.reason).toContain('attempt 3 of 4');
    expect(seen[2]?.reason).toContain('attempt 4 of 4');
    expect(seen[3]?.reason).toContain('Monthly touch');
    expect(seen[4]?.reason).toContain('Monthly touch');
  });

  it('an email logged first starts the run, and the next step is a call', () => {
    const now = new TZDate(2026, MAY, 5, 11, 0, NY);
    const next = nextFollowUp('email-sent', [], now, contact, { repZone: NY });
    expect(next).toMatchObject({
      channel: 'call',
      dueAt: new TZDate(2026, MAY, 7, 10, 0, NY).getTime(),
    });
    expect(next?.reason).toContain('attempt 2 of 4');
  });

  it('Sent info still starts afresh (they asked for it); Email sent does not', () => {
    const earlier = [
      attempt(new TZDate(2026, APR, 13, 15, 0, NY).getTime(), 'voicemail'),
      attempt(new TZDate(2026, APR, 15, 10, 0, NY).getTime(), 'email-sent', 'email'),
    ];
    const now = new TZDate(2026, APR, 21, 10, 0, NY);
    const afterEmail = nextFollowUp('no-answer', earlier, now, contact, { repZone: NY });
    expect(afterEmail?.reason).toContain('attempt 4 of 4');
    const withInfo = [...earlier, attempt(now.getTime() - DAY_MS, 'sent-info', 'email')];
    const afterInfo = nextFollowUp('no-answer', withInfo, now, contact, { repZone: NY });
    expect(afterInfo?.reason).toContain('attempt 2 of 4');
  });
});

describe('a voicemail promises a time; the prospect agreed to nothing', () => {
  const now = new TZDate(2026, MAY, 5, 9, 0, NY);
  const thursdayAt11 = new TZDate(2026, MAY, 7, 11, 0, NY).getTime();

  it('the follow-up lands on the promised time, worded as the rep’s promise', () => {
    const next = nextFollowUp(
      'voicemail',
      [],
      now,
      { timeZone: NY },
      { repZone: LA, promisedAt: thursdayAt11 },
    );
    expect(next).toEqual({
      dueAt: thursdayAt11,
      channel: 'call',
      reason: "When you said you'd try again: Thursday 11:00 am their time",
    });
    expect(next?.reason).not.toMatch(/agree/i);
  });

  it('a promise already past is ignored: the gone-dark run decides', () => {
    const next = nextFollowUp(
      'voicemail',
      [],
      now,
      { timeZone: NY },
      { repZone: NY, promisedAt: now.getTime() - DAY_MS },
    );
    expect(next?.dueAt).toBe(thursdayAt11 - 60 * 60 * 1000);
    expect(next?.reason).toContain('attempt 2 of 4');
  });

  it('a time the prospect agreed to wins over the rep’s promise', () => {
    const agreedAt = new TZDate(2026, MAY, 6, 14, 0, NY).getTime();
    const next = nextFollowUp(
      'call-back',
      [],
      now,
      { timeZone: NY },
      { repZone: NY, agreedAt, promisedAt: thursdayAt11 },
    );
    expect(next?.dueAt).toBe(agreedAt);
    expect(next?.reason).toMatch(/^At the time you agreed/);
  });
});

describe('nurture: monthly touches keep coming until a conversation or a closed file', () => {
  const inNurture: CadenceContact = { timeZone: NY, status: 'nurture' };
  const now = new TZDate(2026, MAY, 5, 11, 0, NY);

  it.each<Outcome>(['email-sent', 'no-answer', 'voicemail', 'gatekeeper', 'not-interested'])(
    'after %s the next touch is a month on, by email',
    (outcome) => {
      const next = nextFollowUp(outcome, [], now, inNurture, { repZone: LA });
      expect(next?.channel).toBe('email');
      expect(next?.reason).toMatch(/monthly nurture/i);
      expect(next?.dueAt).toBe(new TZDate(2026, JUN, 4, 10, 0, NY).getTime());
    },
  );

  it('each touch logged schedules the next, every month, on a weekday', () => {
    let at = nurtureTouch(now, inNurture, LA).dueAt;
    const dueDates = [at];
    for (let month = 0; month < 3; month += 1) {
      const next = nextFollowUp('email-sent', [], at, inNurture, { repZone: LA });
      expect(next).not.toBeNull();
      if (!next) return;
      // A month on, at the first workable time of that day: never less than 29 days.
      expect(next.dueAt - at).toBeGreaterThan(29 * DAY_MS);
      expect(next.dueAt - at).toBeLessThan(34 * DAY_MS);
      expect(weekday(next.dueAt, NY)).not.toMatch(/Sat|Sun/);
      at = next.dueAt;
      dueDates.push(at);
    }
    expect(dueDates).toHaveLength(4);
    expect(dueDates[1]).toBeGreaterThan(new TZDate(2026, JUL, 1, 0, 0, NY).getTime());
  });

  it('a conversation brings them back to the active chase, with its usual follow-up', () => {
    const next = nextFollowUp('connected', [], now, inNurture, { repZone: NY });
    expect(next?.reason).toBe('2 business days after a connected call');
    expect(statusAfterOutcome('connected', inNurture)).toBe('active');
    expect(statusAfterOutcome('meeting-booked', inNurture)).toBe('active');
    expect(statusAfterOutcome('call-back', inNurture)).toBe('active');
  });

  it.each<[Outcome, ContactStatus | undefined]>([
    ['email-sent', 'nurture'],
    ['voicemail', 'nurture'],
    ['not-interested', 'nurture'],
    ['connected', undefined],
    ['connected', 'active'],
    ['not-interested', 'closed'],
    ['voicemail', 'closed'],
  ])('%s leaves a contact with status %s where they are', (outcome, status) => {
    expect(statusAfterOutcome(outcome, { status })).toBeUndefined();
  });

  it('a voicemail’s promise is still kept for a contact in nurture', () => {
    const promisedAt = new TZDate(2026, MAY, 7, 11, 0, NY).getTime();
    const next = nextFollowUp('voicemail', [], now, inNurture, { repZone: NY, promisedAt });
    expect(next?.dueAt).toBe(promisedAt);
  });
});

describe('a closed file: silence schedules nothing, a conversation reopens it', () => {
  const closed: CadenceContact = { timeZone: NY, status: 'closed' };
  const now = new TZDate(2026, MAY, 5, 11, 0, NY);

  it.each<Outcome>(['email-sent', 'no-answer', 'voicemail', 'gatekeeper', 'not-interested'])(
    'after %s there is no follow-up and the file stays closed',
    (outcome) => {
      expect(nextFollowUp(outcome, [], now, closed, { repZone: NY })).toBeNull();
      expect(statusAfterOutcome(outcome, closed)).toBeUndefined();
    },
  );

  it.each<Outcome>(['connected', 'call-back', 'sent-info'])(
    'after %s the contact is active again, with the usual follow-up',
    (outcome) => {
      expect(statusAfterOutcome(outcome, closed)).toBe('active');
      expect(nextFollowUp(outcome, [], now, closed, { repZone: NY })).toEqual(
        nextFollowUp(outcome, [], now, { timeZone: NY }, { repZone: NY }),
      );
    },
  );

  it('a time the rep promised in a voicemail is kept, and reopens the file', () => {
    const promisedAt = new TZDate(2026, MAY, 7, 11, 0, NY).getTime();
    const next = nextFollowUp('voicemail', [], now, closed, { repZone: NY, promisedAt });
    expect(next?.dueAt).toBe(promisedAt);
    expect(statusAfterOutcome('voicemail', closed, next)).toBe('active');
  });
});

describe('a booked meeting gets its own task', () => {
  const meetingAt = new TZDate(2026, MAY, 12, 10, 30, SYDNEY).getTime();

  it('at the meeting’s time, marked as a meeting, named on the prospect’s clock', () => {
    expect(meetingTask(meetingAt, { timeZone: SYDNEY }, LA)).toEqual({
      dueAt: meetingAt,
      channel: 'call',
      kind: 'meeting',
      reason: 'Meeting: Tuesday 10:30 am their time',
    });
  });

  it('the cadence itself schedules no follow-up after a meeting; a time given makes the meeting task', () => {
    const now = new TZDate(2026, MAY, 5, 11, 0, SYDNEY);
    expect(nextFollowUp('meeting-booked', [], now, {}, { repZone: SYDNEY })).toBeNull();
    expect(taskAfterOutcome('meeting-booked', [], now, {}, { repZone: SYDNEY })).toBeNull();
    expect(
      taskAfterOutcome('meeting-booked', [], now, {}, { repZone: SYDNEY, agreedAt: meetingAt }),
    ).toMatchObject({ kind: 'meeting', dueAt: meetingAt });
  });
});
